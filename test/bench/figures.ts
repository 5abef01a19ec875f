/** The numbers behind the table, as plain JSON values (medians already taken), for bench-results/latest.json. */
import type { ColdStart } from './coldStart';
import type { Footprint } from './footprint';
import type { CountsReport, DeliveryReport } from './reports';
import type { Outcome } from './sections';
import { median } from './stats';

type Who = 'ours' | 'bare';

function value<T>(outcome: Outcome<T>): T | undefined {
  return 'value' in outcome ? outcome.value : undefined;
}

function coldStart(runs: ColdStart[]) {
  const m = (pick: (c: ColdStart) => number) => median(runs.map(pick));
  return {
    wallMs: m((c) => c.wallMs),
    peakRssKiB: m((c) => c.peakRssKiB),
    bootMs: m((c) => c.bootMs),
    loadCoreMs: m((c) => c.loadCoreMs),
    loadAppMs: m((c) => c.loadAppMs),
    connectionTestMs: m((c) => c.operationMs),
    runsWallMs: runs.map((c) => c.wallMs),
  };
}

function footprint(f: Footprint | undefined) {
  if (!f) return null;
  return {
    prodPackages: f.tree.packages,
    prodBytes: f.tree.bytes,
    npmLsPackages: f.npmLs?.packages ?? null,
    extraRuntimeDependencies: f.extraDependencies,
    zipBuilt: f.zip.ok,
    zipBytes: f.zip.zipBytes ?? null,
    zipFiles: f.zip.files ?? null,
    zipUnpackedBytes: f.zip.unpackedBytes ?? null,
    zipMissingEntries: (f.zip.entries ?? []).filter((e) => !e.present).map((e) => e.file),
    zipConnectionTestViaWrapper: f.zipLambdaCheck?.ok ?? false,
    zipConnectionTestViaMain: f.zipTesterCheck?.ok ?? false,
  };
}

function deliveries(d: DeliveryReport | undefined) {
  if (!d) return null;
  const { medianMs, p99Ms, maxMs, throughputPerSec, heapGrowthBytes, heapSamplesBytes, accepted, count, definitionCompileMs, definitionBytes } = d;
  return { count, accepted, medianMs, p99Ms, maxMs, throughputPerSec, heapGrowthBytes, heapSamplesBytes, definitionCompileMs, definitionBytes };
}

export function figures(input: {
  cold: Outcome<Record<Who, ColdStart[]>>;
  footprint: Record<Who, Outcome<Footprint>>;
  deliveries: Record<Who, Outcome<DeliveryReport>>;
  counts: Outcome<CountsReport>;
}) {
  const cold = value(input.cold);
  const counts = value(input.counts);
  const requests = (ops: Record<string, { requests: number }> | undefined) =>
    ops ? Object.fromEntries(Object.entries(ops).map(([name, c]) => [name, c.requests])) : null;
  return {
    coldStart: cold ? { ours: coldStart(cold.ours), bare: coldStart(cold.bare) } : null,
    footprint: { ours: footprint(value(input.footprint.ours)), bare: footprint(value(input.footprint.bare)) },
    deliveries: { ours: deliveries(value(input.deliveries.ours)), bare: deliveries(value(input.deliveries.bare)) },
    requestsPerOperation: { ours: requests(counts?.ours), bare: requests(counts?.bare) },
  };
}
