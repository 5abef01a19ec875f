/**
 * Spawning the bench's children: fresh Node 22 processes (the one running the bench, never the
 * machine's own node), the Zapier CLI, npm and unzip.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_BIN } from './paths';

export interface ChildRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Spawn to exit, as seen from the bench: process start-up and teardown included. */
  wallMs: number;
  timedOut: boolean;
}

export interface ChildOptions {
  cwd?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * The environment for every child. npm's `npm_*` variables are dropped because `npm run bench`
 * sets `npm_config_local_prefix` and friends to this repository: an `npm install` started by the
 * Zapier CLI in a temp copy must never be steered back at the shared node_modules.
 */
export function childEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || /^npm_/i.test(key) || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  // Children that run `node` or `npm` by name must get this Node 22, and the repo's tools.
  env.PATH = [path.dirname(process.execPath), REPO_BIN, process.env.PATH ?? ''].join(path.delimiter);
  return { ...env, ...extra };
}

export function runChild(command: string, args: readonly string[], options: ChildOptions = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let exitedAt = started;
    let timedOut = false;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? childEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.on('exit', () => {
      exitedAt = performance.now();
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        wallMs: exitedAt - started,
        timedOut,
      });
    });
  });
}

/** A compiled bench child script in a fresh Node 22 process. */
export function runNodeScript(
  script: string,
  args: readonly string[],
  options: ChildOptions & { nodeFlags?: readonly string[] } = {},
): Promise<ChildRun> {
  return runChild(process.execPath, [...(options.nodeFlags ?? []), script, ...args], {
    ...options,
    env: options.env ?? childEnv(),
  });
}

/** Lines that never explain a failure: npm's warnings, stack frames, the CLI's hints. */
const NOISE = /^(npm warn|at |re-run this command|A complete log|-+$|\d+ \|)/i;

/**
 * Why a command failed, in one line for the table: the first line that names an error, joined
 * with the two after it because the Zapier CLI wraps its messages at 80 columns.
 */
export function failureLine(run: ChildRun): string {
  const lines = `${run.stdout}\n${run.stderr}`
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((line) => line.replace(/^[\s›]+/, '').replace(/^Error:\s*/, '').trim())
    .filter((line) => line !== '' && !NOISE.test(line));
  const first = lines.findIndex((line) => /error|cannot|failed|missing|not found/i.test(line));
  const why = first === -1 ? (lines.at(-1) ?? '') : lines.slice(first, first + 3).join(' ');
  const how = run.timedOut ? 'timed out' : `exit ${run.code ?? run.signal ?? '?'}`;
  return `${how}: ${why}`.slice(0, 300);
}
