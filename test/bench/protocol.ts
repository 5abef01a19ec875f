/**
 * How a bench child hands its figures back: one line on stdout, prefixed so that whatever core or
 * the app print along the way cannot be mistaken for the result.
 */
const PREFIX = '@@bench ';

export function emitReport(report: object): void {
  process.stdout.write(`${PREFIX}${JSON.stringify(report)}\n`);
}

/** The last report line in a child's stdout, or undefined if the child died before writing one. */
export function parseReport(stdout: string): unknown {
  const line = stdout
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith(PREFIX));
  if (line === undefined) return undefined;
  const parsed: unknown = JSON.parse(line.slice(PREFIX.length));
  return parsed;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
