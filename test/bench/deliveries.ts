/**
 * Child process (run with --expose-gc): the delivery cost of one app. Sends N signed booking
 * deliveries, one at a time, through the app's real hook `perform` via createAppTester, and
 * reports per-delivery timings, throughput and heap growth measured after forced GCs.
 *
 * usage: node --expose-gc deliveries.js <appDir> <dotted path of perform> <count> <warmup>
 *
 * Each delivery gets a fresh z.cache (createAppTester's `clearZcacheBeforeUse`): in production
 * z.cache is Zapier's remote store, so the tester's in-memory stand-in must not pile up 10,000
 * remembered event ids in this heap and be mistaken for a leak in the app.
 *
 * Between deliveries the loop yields to the event loop, as separate Lambda events do. Without
 * that, a delivery that does no I/O never ends the current job, and V8 keeps every WeakRef target
 * alive until the job ends — core's per-invocation Domain (~2 kB) included — which reads as a
 * leak of ~20 MB per 10,000 deliveries in both apps that production never has.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { appRequire, loadApp, loadCore, operation } from './appLoader';
import { peakRssKiB } from './peakRss';
import { emitReport, errorMessage } from './protocol';
import { signedDelivery } from './signedDelivery';
import { percentile, median, sum } from './stats';

const [appDir = '.', performPath = '', countArg = '10000', warmupArg = '500'] = process.argv.slice(2);
const count = Number(countArg);
const warmup = Number(warmupArg);
const HEAP_SAMPLES = 10;
const COMPILE_ROUNDS = 200;

type CoreInternal = (app: object) => unknown;

/**
 * What core spends on every invocation before `perform` runs: its Lambda handler compiles the
 * whole app definition twice per event (createApp, then prepareApp). The cost grows with the
 * definition, not with what perform does, so it is reported beside the delivery figures.
 */
function definitionCompile(appDir: string, app: object): { medianMs: number; definitionBytes: number } {
  const req = appRequire(appDir);
  const createApp = req('zapier-platform-core/src/create-app') as CoreInternal;
  const { prepareApp } = req('zapier-platform-core/src/tools/schema') as { prepareApp: CoreInternal };
  const rounds = new Float64Array(COMPILE_ROUNDS);
  for (let i = 0; i < COMPILE_ROUNDS; i += 1) {
    const started = performance.now();
    createApp(app);
    prepareApp(app);
    rounds[i] = performance.now() - started;
  }
  return { medianMs: median(rounds), definitionBytes: Buffer.byteLength(JSON.stringify(prepareApp(app))) };
}

function collect(): number {
  const gc = globalThis.gc;
  if (!gc) throw new Error('run with --expose-gc: heap growth is only meaningful after a forced GC');
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

async function main(): Promise<void> {
  // Deliveries never reach the API; a dead address makes any stray request fail loudly.
  process.env.ONCEHUB_API_BASE_URL = 'http://127.0.0.1:9/v2';
  const core = loadCore(appDir);
  const app = loadApp(appDir);
  const perform = operation(app, performPath);
  const appTester = core.createAppTester(app);

  let accepted = 0;
  const deliver = async (index: number, timings?: Float64Array): Promise<void> => {
    const bundle = signedDelivery({ eventId: `EVNT-BENCH${String(index).padStart(6, '0')}` });
    const started = performance.now();
    const items = await appTester(perform, bundle, true);
    const elapsed = performance.now() - started;
    await nextTurn();
    if (timings) {
      timings[index] = elapsed;
      if (Array.isArray(items) && items.length === 1) accepted += 1;
    }
  };

  for (let i = 0; i < warmup; i += 1) await deliver(count + i);
  const heapBefore = collect();
  const heapSamples: number[] = [];
  const timings = new Float64Array(count);
  const sampleEvery = Math.max(1, Math.floor(count / HEAP_SAMPLES));
  const loopStart = performance.now();
  for (let i = 0; i < count; i += 1) {
    await deliver(i, timings);
    if ((i + 1) % sampleEvery === 0) heapSamples.push(collect() - heapBefore);
  }
  const loopMs = performance.now() - loopStart;
  const heapAfter = collect();
  const compile = definitionCompile(appDir, app);

  emitReport({
    ok: true,
    count,
    warmup,
    accepted,
    medianMs: median(timings),
    p99Ms: percentile(timings, 99),
    maxMs: percentile(timings, 100),
    // Time inside perform only: building and signing deliveries is the sender's cost, not ours.
    throughputPerSec: count / (sum(timings) / 1000),
    loopMs,
    heapBeforeBytes: heapBefore,
    heapGrowthBytes: heapAfter - heapBefore,
    heapSamplesBytes: heapSamples,
    definitionCompileMs: compile.medianMs,
    definitionBytes: compile.definitionBytes,
    peakRssKiB: peakRssKiB(),
  });
}

main().then(
  () => process.exit(),
  (error: unknown) => {
    emitReport({ ok: false, error: errorMessage(error) });
    process.exit(1);
  },
);
