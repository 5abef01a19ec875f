/** What each bench child reports, and turning a child run into its report or a readable failure. */
import { failureLine, type ChildRun } from './childProcess';
import { parseReport } from './protocol';

export interface ProbeReport {
  ok: boolean;
  mode: 'tester' | 'lambda';
  error?: string;
  bootMs: number;
  mockMs: number;
  loadCoreMs: number;
  loadAppMs: number;
  operationMs: number;
  totalMs: number;
  requests: number;
  result: unknown;
  peakRssKiB: number;
}

export interface DeliveryReport {
  ok: boolean;
  error?: string;
  count: number;
  warmup: number;
  accepted: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  throughputPerSec: number;
  loopMs: number;
  heapBeforeBytes: number;
  heapGrowthBytes: number;
  heapSamplesBytes: number[];
  /** Median time core takes to compile the app definition, which it does on every invocation. */
  definitionCompileMs: number;
  definitionBytes: number;
  peakRssKiB: number;
}

export interface OperationCount {
  requests: number;
  byRoute: Record<string, number>;
  /** What the operation returned, reduced to something checkable (item count, id). */
  outcome: string;
  error?: string;
}

export interface CountsReport {
  ok: boolean;
  error?: string;
  ours: Record<
    'connectionTest' | 'subscribe' | 'unsubscribe' | 'performScopeAll' | 'performDefaultScope' | 'sampleLoading' | 'dropdown',
    OperationCount
  >;
  bare: Record<'connectionTest' | 'performScopeAll', OperationCount>;
}

/** The child's report; throws with the child's own error (or its last words) if there is none. */
export function readReport<T extends { ok: boolean; error?: string }>(run: ChildRun, what: string): T {
  const report = parseReport(run.stdout) as T | undefined;
  if (!report) throw new Error(`${what}: no report (${failureLine(run)})`);
  if (!report.ok) throw new Error(`${what}: ${report.error ?? 'failed'}`);
  return report;
}

/** Like readReport, for checks whose failure is itself the finding (the zip load test). */
export function readReportOrFailure<T extends { ok: boolean; error?: string }>(run: ChildRun, what: string): T | { ok: false; error: string } {
  const report = parseReport(run.stdout) as T | undefined;
  return report ?? { ok: false, error: `${what}: no report (${failureLine(run)})` };
}
