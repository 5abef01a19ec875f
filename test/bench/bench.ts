/**
 * `npm run bench`: our app against a bare reference app built here, same core, same Node, same
 * machine, one run. It reports; it never fails CI (exit code 0 unless the bench itself breaks).
 *
 * env: BENCH_RUNS (cold starts per app, default 7), BENCH_DELIVERIES (default 10000),
 *      BENCH_SKIP_ZIP=1 (skip the two `zapier-platform build`s, ~30 s and the npm registry),
 *      BENCH_KEEP=1 (keep the temp dir with the bare app, copies and unpacked zips).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BARE_PERFORM, coreVersion, writeBareApp } from './bareApp';
import { childEnv, runNodeScript } from './childProcess';
import { coldStarts, type AppUnderTest } from './coldStart';
import { figures } from './figures';
import { measureFootprint, type Footprint } from './footprint';
import { benchScript, REPO_ROOT, RESULTS_FILE } from './paths';
import { errorMessage } from './protocol';
import { readReport, type CountsReport, type DeliveryReport } from './reports';
import { coldStartSection, deliverySection, footprintSection, requestsSection, type Outcome } from './sections';
import { renderSections, type Section } from './table';

const OUR_PERFORM = 'triggers.booking_scheduled.operation.perform';
const DELIVERY_WARMUP = 500;

function positiveInt(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** A failed measurement becomes a row saying why; the rest of the bench still runs. */
async function attempt<T>(what: string, run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await run() };
  } catch (error) {
    progress(`${what} failed: ${errorMessage(error)}`);
    return { error: errorMessage(error) };
  }
}

async function deliveryCost(app: AppUnderTest, performPath: string, deliveries: number): Promise<DeliveryReport> {
  const run = await runNodeScript(benchScript('deliveries'), [app.dir, performPath, String(deliveries), String(DELIVERY_WARMUP)], {
    nodeFlags: ['--expose-gc'],
    env: childEnv({ NODE_ENV: 'test' }),
    timeoutMs: 600_000,
  });
  return readReport<DeliveryReport>(run, `deliveries (${app.name})`);
}

async function requestCounts(ours: AppUnderTest, bare: AppUnderTest): Promise<CountsReport> {
  const run = await runNodeScript(benchScript('requestCounts'), [ours.dir, bare.dir], {
    env: childEnv({ NODE_ENV: 'test' }),
    timeoutMs: 120_000,
  });
  return readReport<CountsReport>(run, 'requests per operation');
}

function machine() {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
  };
}

function verdictSummary(sections: readonly Section[]): string {
  const verdicts = sections.flatMap((section) => section.rows.map((r) => r.verdict)).filter((v) => v !== '—');
  const failing = sections.flatMap((section) => section.rows.filter((r) => r.verdict === 'FAIL').map((r) => r.figure.trim()));
  const passed = verdicts.filter((v) => v === 'PASS').length;
  return `Targets: ${passed}/${verdicts.length} pass${failing.length ? ` — failing: ${failing.join('; ')}` : ''}`;
}

async function main(): Promise<void> {
  const runs = positiveInt(process.env.BENCH_RUNS, 7);
  const deliveries = positiveInt(process.env.BENCH_DELIVERIES, 10_000);
  const skipZip = process.env.BENCH_SKIP_ZIP === '1';
  const started = Date.now();
  const workRoot = mkdtempSync(path.join(os.tmpdir(), 'oncehub-bench-'));
  try {
    const bare: AppUnderTest = { name: 'bare', dir: writeBareApp(path.join(workRoot, 'bare')) };
    const ours: AppUnderTest = { name: 'ours', dir: REPO_ROOT };
    progress(`bare reference app (zapier-platform-core ${coreVersion()}) written to ${bare.dir}`);

    const cold = await attempt('cold start', () => coldStarts([bare, ours], runs, progress));
    progress(`delivery cost, bare (${deliveries} deliveries)`);
    const bareDeliveries = await attempt('deliveries (bare)', () => deliveryCost(bare, BARE_PERFORM, deliveries));
    progress(`delivery cost, ours (${deliveries} deliveries)`);
    const ourDeliveries = await attempt('deliveries (ours)', () => deliveryCost(ours, OUR_PERFORM, deliveries));
    progress('requests per operation');
    const counts = await attempt('requests per operation', () => requestCounts(ours, bare));

    let ourFootprint: Outcome<Footprint> = { error: 'skipped (BENCH_SKIP_ZIP=1)' };
    let bareFootprint: Outcome<Footprint> = { error: 'skipped (BENCH_SKIP_ZIP=1)' };
    if (!skipZip) {
      progress('footprint, ours (npm ls + zapier-platform build --skip-validation, ~15–60 s)');
      ourFootprint = await attempt('footprint (ours)', () =>
        measureFootprint({ dir: ours.dir, useNpmLs: true }, path.join(workRoot, 'footprint-ours')),
      );
      progress('footprint, bare (zapier-platform build --skip-validation)');
      // The repo's lockfile pins the bare zip's transitive versions to exactly ours.
      bareFootprint = await attempt('footprint (bare)', () =>
        measureFootprint(
          { dir: bare.dir, useNpmLs: false, lockfile: path.join(REPO_ROOT, 'package-lock.json') },
          path.join(workRoot, 'footprint-bare'),
        ),
      );
    }

    const sections = [
      coldStartSection(cold, runs),
      footprintSection(ourFootprint, bareFootprint),
      deliverySection(ourDeliveries, bareDeliveries, deliveries),
      requestsSection(counts),
    ];
    const summary = verdictSummary(sections);
    const host = machine();
    const header = [
      `## OnceHub app vs bare Zapier app — ${new Date().toISOString()}`,
      '',
      `Node ${process.version}, zapier-platform-core ${coreVersion()}, ${host.cpus} CPU (${host.cpuModel}), ` +
        `load average at the end ${host.loadAverage.join(' ')} (a busy machine inflates wall times); ratio = ours / bare; ` +
        `took ${Math.round((Date.now() - started) / 1000)} s.`,
      '',
    ].join('\n');
    process.stdout.write(`\n${header}\n${renderSections(sections)}\n${summary}\n`);

    mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    const json = {
      generatedAt: new Date().toISOString(),
      machine: host,
      coreVersion: coreVersion(),
      config: { coldStartRuns: runs, deliveries, deliveryWarmup: DELIVERY_WARMUP, zip: !skipZip },
      summary,
      figures: figures({
        cold,
        footprint: { ours: ourFootprint, bare: bareFootprint },
        deliveries: { ours: ourDeliveries, bare: bareDeliveries },
        counts,
      }),
      table: sections,
      raw: { coldStart: cold, deliveries: { ours: ourDeliveries, bare: bareDeliveries }, requests: counts, footprint: { ours: ourFootprint, bare: bareFootprint } },
    };
    // Package paths and temp dirs are this machine's and gone after the run: left out.
    const portable = (key: string, v: unknown): unknown => (key === 'dirs' || key === 'unzippedDir' ? undefined : v);
    writeFileSync(RESULTS_FILE, `${JSON.stringify(json, portable, 2)}\n`);
    // The figures in one JSON line for scripts reading the output; the file adds raw runs and the table.
    process.stdout.write(`\nJSON: ${JSON.stringify({ summary, figures: json.figures }, portable)}\n`);
    process.stdout.write(`Full JSON copy (with raw runs): ${path.relative(process.cwd(), RESULTS_FILE) || RESULTS_FILE}\n`);
  } finally {
    if (process.env.BENCH_KEEP === '1') progress(`kept ${workRoot}`);
    else rmSync(workRoot, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
