import { SimulatorError } from './errors';

/** OnceHub's real payloads carry milliseconds, so always emit them. */
export function iso(date: Date): string {
  return date.toISOString();
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses a list filter value. The spec says `format: date`, but OnceHub's own polling recipe
 * sends a full ISO datetime, so both are accepted. A bare date means midnight UTC.
 * Date.parse alone would roll 2025-02-30 over to March, hence the field checks.
 */
export function parseFilterDate(value: string): Date | undefined {
  const match = DATE_TIME.exec(value) ?? DATE.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
  const y = Number(year);
  const mo = Number(month);
  const d = Number(day);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const parsed = new Date(DATE.test(value) ? `${value}T00:00:00.000Z` : value);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** For fixture input: accepts a Date or any string Date understands, rejects garbage loudly. */
export function toDate(value: string | Date, what: string): Date {
  const date = value instanceof Date ? new Date(value.getTime()) : new Date(value);
  if (Number.isNaN(date.getTime())) throw new SimulatorError(`${what} is not a valid date: ${String(value)}`);
  return date;
}
