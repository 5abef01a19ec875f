/**
 * From measured figures to table rows: each figure with its target and verdict. Targets are the
 * issue's; a missing measurement shows as "error" with the reason in the section's notes.
 */
import type { ColdStart } from './coldStart';
import { count, kb, mb, mib, ms, perSec, ratio, times, verdict } from './format';
import type { Footprint, ZipCheck } from './footprint';
import type { CountsReport, DeliveryReport } from './reports';
import { median } from './stats';
import type { Row, Section } from './table';

export type Outcome<T> = { value: T } | { error: string };

const ERROR = 'error';
const TARGET_COLD = 1.1;
const TARGET_DELIVERY = 2;
const TARGET_HEAP_BYTES = 5 * 1024 * 1024;

function row(figure: string, ours: string, bare: string, r: string, target: string, pass?: boolean): Row {
  return { figure, ours, bare, ratio: r, target, verdict: verdict(pass) };
}

function failed(title: string, reason: string): Section {
  return { title, rows: [row('(not measured)', ERROR, ERROR, '—', '—', false)], notes: [reason] };
}

export function coldStartSection(outcome: Outcome<Record<'ours' | 'bare', ColdStart[]>>, runs: number): Section {
  const title = `1. Cold start: fresh Node 22 → core + built app → one connection test via createAppTester, loopback mock (median of ${runs}, interleaved)`;
  if ('error' in outcome) return failed(title, outcome.error);
  const { ours, bare } = outcome.value;
  const m = (list: ColdStart[], pick: (c: ColdStart) => number) => median(list.map(pick));
  const wall = [m(ours, (c) => c.wallMs), m(bare, (c) => c.wallMs)] as const;
  const rss = [m(ours, (c) => c.peakRssKiB), m(bare, (c) => c.peakRssKiB)] as const;
  const phase = (figure: string, pick: (c: ColdStart) => number): Row => {
    const o = m(ours, pick);
    const b = m(bare, pick);
    return row(figure, ms(o), ms(b), times(ratio(o, b)), '—');
  };
  const runsOf = (list: ColdStart[]) => list.map((c) => c.wallMs.toFixed(0)).join(' ');
  return {
    title,
    rows: [
      row('wall time, spawn → exit', ms(wall[0]), ms(wall[1]), times(ratio(...wall)), `≤ ${TARGET_COLD.toFixed(2)}× bare`, ratio(...wall) <= TARGET_COLD),
      row('peak RSS (VmHWM)', mib(rss[0]), mib(rss[1]), times(ratio(...rss)), `≤ ${TARGET_COLD.toFixed(2)}× bare`, ratio(...rss) <= TARGET_COLD),
      phase('  of which: Node boot', (c) => c.bootMs),
      phase('  of which: load zapier-platform-core', (c) => c.loadCoreMs),
      phase('  of which: load the app', (c) => c.loadAppMs),
      phase('  of which: the connection test', (c) => c.operationMs),
    ],
    notes: [
      `wall times per run (ms), ours: ${runsOf(ours)}; bare: ${runsOf(bare)}`,
      `requests per connection test at the mock: ours ${ours[0]?.requests ?? '?'}, bare ${bare[0]?.requests ?? '?'} (routes in section 4)`,
    ],
  };
}

function zipCheckCell(check: ZipCheck | undefined, build: Footprint['zip']): { cell: string; pass: boolean; why?: string } {
  if (!check) return { cell: 'not run', pass: false, why: build.failure ?? 'no build.zip' };
  if (!check.ok) return { cell: 'FAILED', pass: false, why: check.error ?? 'failed' };
  return { cell: `ok (${ms(check.totalMs)})`, pass: true };
}

export function footprintSection(ours: Outcome<Footprint>, bare: Outcome<Footprint>): Section {
  const title = '2. Production footprint: runtime dependency tree and the deployable build.zip';
  if ('error' in ours) return failed(title, `ours: ${ours.error}`);
  const o = ours.value;
  const b = 'error' in bare ? undefined : bare.value;
  const notes: string[] = [];
  if ('error' in bare) notes.push(`bare: ${bare.error}`);

  const extras = o.extraDependencies;
  const extraCell =
    extras.length === 0 ? 'none' : extras.map((d) => `${d.name} (+${d.packages} pkgs, +${mb(d.bytes)})`).join(', ');
  const num = (value: number | undefined) => value ?? Number.NaN;
  const numRow = (figure: string, pick: (f: Footprint) => number | undefined, show: (n: number) => string): Row => {
    const ov = num(pick(o));
    const bv = b ? num(pick(b)) : Number.NaN;
    return row(figure, show(ov), show(bv), times(ratio(ov, bv)), '—');
  };
  const build = (f: Footprint | undefined) => (!f ? 'n/a' : f.zip.ok ? `ok (${(f.zip.buildMs / 1000).toFixed(0)} s)` : 'FAILED');
  const lambda = [zipCheckCell(o.zipLambdaCheck, o.zip), b ? zipCheckCell(b.zipLambdaCheck, b.zip) : undefined] as const;
  const tester = [zipCheckCell(o.zipTesterCheck, o.zip), b ? zipCheckCell(b.zipTesterCheck, b.zip) : undefined] as const;

  for (const [who, f] of [['ours', o], ['bare', b]] as const) {
    if (!f) continue;
    notes.push(`${who}: ${f.zip.rcNote}.`);
    if (f.zip.failure) notes.push(`${who}: ${f.zip.failure}`);
    const missing = (f.zip.entries ?? []).filter((e) => !e.present).map((e) => e.file);
    if (missing.length) {
      notes.push(
        `${who}: build.zip lacks ${missing.join(' and ')} (core's CommonJS zapierwrapper.js requires <root>/index.js; the CLI's dependency detection starts from it), so the zip sizes above understate a working package.`,
      );
    }
  }
  const npm = o.npmLs;
  if (npm) {
    const extra = [
      npm.notNeeded.length ? `also lists ${npm.notNeeded.join(', ')} (installed, but no runtime dependency edge requires them: optional peers)` : '',
      npm.extraneous.length ? `flags ${npm.extraneous.join(', ')} EXTRANEOUS (not counted)` : '',
      npm.note ?? '',
    ].filter(Boolean);
    if (extra.length) notes.push(`ours, npm ls: ${extra.join('; ')}`);
  }
  if (!lambda[0].pass) notes.push(`ours, zip via zapierwrapper.js: ${lambda[0].why ?? ''}`);
  if (!tester[0].pass) notes.push(`ours, zip via package.json main: ${tester[0].why ?? ''}`);
  if (lambda[1] && !lambda[1].pass) notes.push(`bare, zip via zapierwrapper.js: ${lambda[1].why ?? ''}`);
  if (tester[1] && !tester[1].pass) notes.push(`bare, zip via package.json main: ${tester[1].why ?? ''}`);
  notes.push(
    `prod tree = packages reachable from package.json dependencies by Node's resolution (same method for both apps); biggest (ours): ${o.tree.biggest.map((p) => `${p.name} ${mb(p.bytes)}`).join(', ')}`,
  );

  return {
    title,
    rows: [
      row('runtime deps beyond zapier-platform-core', extraCell, 'none', '—', 'none, or each listed with cost', true),
      numRow('prod packages', (f) => f.tree.packages, count),
      numRow('prod bytes (apparent)', (f) => f.tree.bytes, mb),
      row('npm ls --omit=dev --all (ours)', npm ? `${npm.packages} pkgs, ${mb(npm.bytes)}` : 'n/a', 'n/a', '—', '—'),
      row('zapier-platform build --skip-validation', build(o), build(b), '—', 'builds', o.zip.ok),
      numRow('build.zip size', (f) => f.zip.zipBytes, kb),
      numRow('build.zip files', (f) => f.zip.files, count),
      numRow('build.zip unpacked', (f) => f.zip.unpackedBytes, mb),
      row('zip: connection test via zapierwrapper.js (Zapier\'s entry)', lambda[0].cell, lambda[1]?.cell ?? 'n/a', '—', 'passes', lambda[0].pass),
      row('zip: connection test via main + createAppTester', tester[0].cell, tester[1]?.cell ?? 'n/a', '—', 'passes', tester[0].pass),
    ],
    notes,
  };
}

export function deliverySection(ours: Outcome<DeliveryReport>, bare: Outcome<DeliveryReport>, deliveries: number): Section {
  const title = `3. Delivery cost: ${deliveries} signed booking deliveries through the hook's perform via createAppTester (one at a time)`;
  if ('error' in ours) return failed(title, `ours: ${ours.error}`);
  const o = ours.value;
  const b = 'error' in bare ? undefined : bare.value;
  const pair = (pick: (d: DeliveryReport) => number) => [pick(o), b ? pick(b) : Number.NaN] as const;
  const med = pair((d) => d.medianMs);
  const p99 = pair((d) => d.p99Ms);
  const tput = pair((d) => d.throughputPerSec);
  const compile = pair((d) => d.definitionCompileMs);
  const heap = pair((d) => d.heapGrowthBytes);
  const trend = (d: DeliveryReport) => d.heapSamplesBytes.map((bytes) => (bytes / 1e6).toFixed(2)).join(' ');
  const notes = [
    `core's Lambda handler compiles the whole app definition (createApp + prepareApp) on every invocation; definition size: ours ${kb(o.definitionBytes)}${b ? `, bare ${kb(b.definitionBytes)}` : ''}`,
    `heap after GC relative to the start, every ${Math.floor(o.count / Math.max(1, o.heapSamplesBytes.length))} deliveries (MB), ours: ${trend(o)}${b ? `; bare: ${trend(b)}` : ''}`,
    `peak RSS of the delivery process: ours ${mib(o.peakRssKiB)}${b ? `, bare ${mib(b.peakRssKiB)}` : ''}; slowest delivery: ours ${ms(o.maxMs)}${b ? `, bare ${ms(b.maxMs)}` : ''}`,
  ];
  if ('error' in bare) notes.push(`bare: ${bare.error}`);
  return {
    title,
    rows: [
      row('per delivery, median', ms(med[0]), ms(med[1]), times(ratio(...med)), `≤ ${TARGET_DELIVERY}× bare`, ratio(...med) <= TARGET_DELIVERY),
      row('  of which: core compiling the app definition', ms(compile[0]), ms(compile[1]), times(ratio(...compile)), '—'),
      row('per delivery, p99', ms(p99[0]), ms(p99[1]), times(ratio(...p99)), '—'),
      row('throughput (time inside perform)', perSec(tput[0]), perSec(tput[1]), times(ratio(...tput)), '—'),
      row(
        `heap growth over ${o.count} (after GC)`,
        `${mb(heap[0])} (peak ${mb(Math.max(0, ...o.heapSamplesBytes))})`,
        b ? `${mb(heap[1])} (peak ${mb(Math.max(0, ...b.heapSamplesBytes))})` : 'n/a',
        '—',
        '< 5 MB',
        // A leak can hide behind a late collection of warm-up garbage: judge the worst point too.
        Math.max(heap[0], ...o.heapSamplesBytes) < TARGET_HEAP_BYTES,
      ),
      row('deliveries that yielded an item', `${o.accepted}/${o.count}`, b ? `${b.accepted}/${b.count}` : 'n/a', '—', 'all', o.accepted === o.count),
    ],
    notes,
  };
}

export function requestsSection(outcome: Outcome<CountsReport>): Section {
  const title = '4. Requests per operation, counted at the mock (each operation starts with an empty z.cache)';
  if ('error' in outcome) return failed(title, outcome.error);
  const { ours, bare } = outcome.value;
  const cell = (c: { requests: number; outcome: string; error?: string } | undefined) =>
    c ? `${c.requests} → ${c.error ? 'error' : c.outcome}` : 'n/a';
  const ok = (c: { error?: string }) => c.error === undefined;
  const notes = Object.entries(ours).map(
    ([name, c]) => `${name}: ${Object.entries(c.byRoute).map(([route, n]) => `${n}× ${route}`).join(', ') || 'no request'}${c.error ? ` — error: ${c.error}` : ''}`,
  );
  return {
    title,
    rows: [
      row('connection test', cell(ours.connectionTest), cell(bare.connectionTest), '—', '—', ok(ours.connectionTest) ? undefined : false),
      row('subscribe (turn a Zap on)', cell(ours.subscribe), 'n/a', '—', '= 1', ok(ours.subscribe) && ours.subscribe.requests === 1),
      row('unsubscribe (turn a Zap off)', cell(ours.unsubscribe), 'n/a', '—', '= 1', ok(ours.unsubscribe) && ours.unsubscribe.requests === 1),
      row(
        'perform, scope: all',
        cell(ours.performScopeAll),
        cell(bare.performScopeAll),
        '—',
        '= 0 (and 1 item)',
        ours.performScopeAll.requests === 0 && ours.performScopeAll.outcome === '1 item',
      ),
      row(
        'perform, default scope (owner expanded)',
        cell(ours.performDefaultScope),
        'n/a',
        '—',
        '= 0 (and 1 item)',
        ours.performDefaultScope.requests === 0 && ours.performDefaultScope.outcome === '1 item',
      ),
      row('sample loading (3 items)', cell(ours.sampleLoading), 'n/a', '—', '—', ok(ours.sampleLoading) && ours.sampleLoading.outcome === '3 items' ? undefined : false),
      row('dropdown loading (booking pages)', cell(ours.dropdown), 'n/a', '—', '—', ok(ours.dropdown) ? undefined : false),
    ],
    notes,
  };
}
