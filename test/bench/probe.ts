/**
 * Child process: one cold start. A fresh Node 22 process starts a loopback OnceHub mock, loads
 * zapier-platform-core and the built app from the app's directory, runs ONE connection test, and
 * reports phase timings and its peak RSS. Everything else in the bench is measured elsewhere, so
 * this file must stay free of app imports (they would preload what the probe is timing).
 *
 * usage: node probe.js <appDir> tester|lambda
 *   tester  createAppTester(app)(app.authentication.test) — what the app's tests and `invoke` run
 *   lambda  zapierwrapper.js's `handler` with an `execute` event — what Zapier runs from build.zip
 */
import path from 'node:path';
import { loadApp, loadCore, operation } from './appLoader';
import { MOCK_LOGIN, startMockApi, totalRequests } from './mockApi';
import { peakRssKiB } from './peakRss';
import { emitReport, errorMessage } from './protocol';

const bootMs = performance.now();
const [appDir = '.', mode = 'tester'] = process.argv.slice(2);
const authData = { apiKey: 'ohk_bench_0123456789abcdef', loginId: MOCK_LOGIN };

interface LambdaWrapper {
  handler: (event: object, context: object) => Promise<{ results?: unknown }>;
}

async function connectionTest(dir: string): Promise<{ loadCoreMs: number; loadAppMs: number; result: unknown }> {
  const t0 = performance.now();
  if (mode === 'lambda') {
    // The wrapper loads core at require time and the app lazily, on the first event.
    const wrapper = require(path.join(dir, 'zapierwrapper.js')) as LambdaWrapper;
    const t1 = performance.now();
    const output = await wrapper.handler({ command: 'execute', method: 'authentication.test', bundle: { authData } }, {});
    return { loadCoreMs: t1 - t0, loadAppMs: Number.NaN, result: output.results };
  }
  const core = loadCore(dir);
  const t1 = performance.now();
  const app = loadApp(dir);
  const t2 = performance.now();
  const result = await core.createAppTester(app)(operation(app, 'authentication.test'), { authData });
  return { loadCoreMs: t1 - t0, loadAppMs: t2 - t1, result };
}

async function main(): Promise<void> {
  const mockStart = performance.now();
  const mock = await startMockApi();
  process.env.ONCEHUB_API_BASE_URL = mock.baseUrl;
  const start = performance.now();
  try {
    const { loadCoreMs, loadAppMs, result } = await connectionTest(path.resolve(appDir));
    const done = performance.now();
    emitReport({
      ok: true,
      mode,
      bootMs,
      mockMs: start - mockStart,
      loadCoreMs,
      loadAppMs,
      operationMs: done - start - loadCoreMs - (Number.isNaN(loadAppMs) ? 0 : loadAppMs),
      totalMs: done,
      requests: totalRequests(mock.counts()),
      result,
      peakRssKiB: peakRssKiB(),
    });
  } catch (error) {
    // First line only (Node appends a "Require stack"), and paths relative to the app.
    const message = (errorMessage(error).split('\n')[0] ?? '').split(path.resolve(appDir) + path.sep).join('');
    emitReport({ ok: false, mode, error: message, peakRssKiB: peakRssKiB() });
    process.exitCode = 1;
  }
  // Exit now: core's keep-alive sockets and the mock would otherwise hold the process open.
  process.exit();
}

void main();
