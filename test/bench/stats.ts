/** Order statistics for small samples (cold starts) and large ones (10,000 delivery timings). */

function sorted(values: ArrayLike<number>): number[] {
  return Array.from(values).sort((a, b) => a - b);
}

export function median(values: ArrayLike<number>): number {
  const s = sorted(values);
  if (s.length === 0) return Number.NaN;
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Nearest-rank percentile: an observed value, so p99 of 10,000 is the 9,900th fastest. */
export function percentile(values: ArrayLike<number>, p: number): number {
  const s = sorted(values);
  if (s.length === 0) return Number.NaN;
  const rank = Math.min(s.length, Math.max(1, Math.ceil((p / 100) * s.length)));
  return s[rank - 1] ?? Number.NaN;
}

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i += 1) total += values[i] ?? 0;
  return total;
}
