import { SimulatorError } from './errors';
import { compilePath, type PathMatcher } from './router';

export type FaultKind = 'status' | 'slow' | 'slow-after-commit' | 'reset' | 'reset-after-commit' | 'non-json';

export const FAULT_KINDS: readonly FaultKind[] = [
  'status',
  'slow',
  'slow-after-commit',
  'reset',
  'reset-after-commit',
  'non-json',
];

export interface FaultSpec {
  /** Any method when omitted. */
  method?: string;
  /**
   * A template such as '/webhooks/{id}' (matched with or without the '/v2' prefix),
   * or a RegExp tested against the full path (e.g. /^\/v2\/bookings/).
   */
  path: string | RegExp;
  kind: FaultKind;
  /** How many matching requests this fault hits before it disarms. Default 1; Infinity is allowed. */
  times?: number;
  /** For 'status'. */
  status?: number;
  /** Overrides the error message for 'status'. */
  message?: string;
  /** For 'status': adds a Retry-After header (OnceHub documents none, so it is opt-in). */
  retryAfter?: number | string;
  /** For 'slow' and 'slow-after-commit'. Default 1000. */
  delayMs?: number;
}

export interface ArmedFault {
  kind: FaultKind;
  status: number;
  message?: string;
  retryAfter?: string;
  delayMs: number;
}

interface Entry {
  method?: string;
  matches: (path: string) => boolean;
  remaining: number;
  fault: ArmedFault;
}

/** Faults armed for upcoming API requests; the first matching fault wins and is used up. */
export class Faults {
  private entries: Entry[] = [];

  add(spec: FaultSpec): void {
    if (!FAULT_KINDS.includes(spec.kind)) throw new SimulatorError(`Unknown fault kind: ${String(spec.kind)}`);
    const status = spec.status ?? 0;
    if (spec.kind === 'status' && !(Number.isInteger(status) && status >= 100 && status <= 599)) {
      throw new SimulatorError(`A 'status' fault needs an HTTP status between 100 and 599`);
    }
    const times = spec.times ?? 1;
    if (!(times >= 1)) throw new SimulatorError('times must be at least 1');
    const fault: ArmedFault = {
      kind: spec.kind,
      status,
      delayMs: spec.delayMs ?? 1000,
    };
    if (spec.message !== undefined) fault.message = spec.message;
    if (spec.retryAfter !== undefined) fault.retryAfter = String(spec.retryAfter);
    const entry: Entry = { matches: pathMatcher(spec.path), remaining: times, fault };
    if (spec.method !== undefined) entry.method = spec.method.toUpperCase();
    this.entries.push(entry);
  }

  clear(): void {
    this.entries = [];
  }

  take(method: string, path: string): ArmedFault | undefined {
    const entry = this.entries.find((e) => (e.method === undefined || e.method === method) && e.matches(path));
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.entries = this.entries.filter((e) => e !== entry);
    return entry.fault;
  }
}

function pathMatcher(path: string | RegExp): (path: string) => boolean {
  if (path instanceof RegExp) {
    // A copy without the global/sticky flags, whose lastIndex would make test() stateful.
    const regex = new RegExp(path.source, path.flags.replace(/[gy]/g, ''));
    return (p) => regex.test(p);
  }
  if (typeof path !== 'string' || !path.startsWith('/')) throw new SimulatorError(`A fault path must start with '/'`);
  const matcher: PathMatcher = compilePath(path);
  return (p) => matcher.match(p) !== undefined || (p.startsWith('/v2/') && matcher.match(p.slice(3)) !== undefined);
}
