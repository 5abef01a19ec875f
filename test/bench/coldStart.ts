/**
 * Cold starts, interleaved: bare, ours, bare, ours… so that whatever else the machine is doing
 * (it is shared and noisy) lands on both apps alike. One unrecorded warm-up each first, so the
 * first recorded run does not pay for a cold page cache alone.
 */
import { childEnv, runNodeScript } from './childProcess';
import { benchScript } from './paths';
import { readReport, type ProbeReport } from './reports';

export interface ColdStart extends ProbeReport {
  /** Spawn to exit, measured by the bench. */
  wallMs: number;
}

export interface AppUnderTest {
  name: 'ours' | 'bare';
  dir: string;
}

async function coldStart(app: AppUnderTest): Promise<ColdStart> {
  // NODE_ENV=test: core prints an RSS line per invocation unless it thinks it is under test.
  const run = await runNodeScript(benchScript('probe'), [app.dir, 'tester'], {
    env: childEnv({ NODE_ENV: 'test' }),
    timeoutMs: 60_000,
  });
  return { ...readReport<ProbeReport>(run, `cold start (${app.name})`), wallMs: run.wallMs };
}

export async function coldStarts(
  apps: readonly AppUnderTest[],
  runs: number,
  progress: (message: string) => void,
): Promise<Record<AppUnderTest['name'], ColdStart[]>> {
  const results: Record<AppUnderTest['name'], ColdStart[]> = { ours: [], bare: [] };
  for (const app of apps) await coldStart(app);
  for (let run = 1; run <= runs; run += 1) {
    progress(`cold start ${run}/${runs}`);
    for (const app of apps) results[app.name].push(await coldStart(app));
  }
  return results;
}
