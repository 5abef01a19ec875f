/** Units and verdicts for the table. */

export const ms = (value: number): string => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms` : 'n/a');
export const mib = (kib: number): string => (Number.isFinite(kib) ? `${(kib / 1024).toFixed(1)} MiB` : 'n/a');
export const mb = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(2)} MB` : 'n/a');
export const kb = (bytes: number): string => (Number.isFinite(bytes) ? `${(bytes / 1e3).toFixed(0)} kB` : 'n/a');
export const count = (value: number): string => (Number.isFinite(value) ? String(value) : 'n/a');
export const perSec = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(0)}/s` : 'n/a');

export function ratio(ours: number, bare: number): number {
  return Number.isFinite(ours) && Number.isFinite(bare) && bare !== 0 ? ours / bare : Number.NaN;
}

export const times = (value: number): string => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');

export type Verdict = 'PASS' | 'FAIL' | '—';
export const verdict = (pass: boolean | undefined): Verdict => (pass === undefined ? '—' : pass ? 'PASS' : 'FAIL');
