/** A process's own peak resident set size, read by the child right before it exits. */
import { readFileSync } from 'node:fs';

/** VmHWM from /proc (Linux); elsewhere Node's maxRSS, which is the same high-water mark. */
export function peakRssKiB(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match?.[1]) return Number(match[1]);
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS;
}
