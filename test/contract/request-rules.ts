/**
 * Internal: request rules OnceHub documents in prose but its spec does not encode.
 * Each rule cites where the docs state it (see shared/oncehub/api.md for the sources).
 */
import { SPEC, isRecord } from './spec';
import type { MatchedOperation } from './operations';

/** Hosts a test may register as a plain-http webhook target; anything public must be https. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

const specEvents = (): string[] => Object.keys(SPEC.webhooks);

/**
 * `POST /webhooks`: the spec marks no body field required, but the docs (managing webhook
 * subscriptions; error handling) say name, url and events must be given, URLs must be full and
 * start with https://, and events are the names listed under the spec's `webhooks:`.
 */
function webhookSubscriptionProblems(body: unknown): string[] {
  if (!isRecord(body)) return ['POST /webhooks: body must be a JSON object'];
  const problems: string[] = [];
  if (typeof body.name !== 'string' || body.name.trim() === '') problems.push('POST /webhooks: name is required');
  if (typeof body.url !== 'string' || body.url === '') {
    problems.push('POST /webhooks: url is required');
  } else {
    problems.push(...webhookUrlProblems(body.url));
  }
  if (!Array.isArray(body.events) || body.events.length === 0) {
    problems.push('POST /webhooks: events must be a non-empty array');
  } else {
    const known = specEvents();
    for (const event of body.events as unknown[]) {
      if (typeof event !== 'string' || !known.includes(event)) {
        problems.push(
          `POST /webhooks: event ${JSON.stringify(event)} is not in the spec's webhooks: (${known.join(', ')})`,
        );
      }
    }
  }
  return problems;
}

function webhookUrlProblems(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [`POST /webhooks: url ${JSON.stringify(url)} is not a full URL`];
  }
  if (parsed.protocol === 'https:') return [];
  if (parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return [];
  return [`POST /webhooks: url must start with https:// (plain http only for loopback), got ${JSON.stringify(url)}`];
}

/** Pagination docs: `before` and `after` are mutually exclusive (400 otherwise). */
function cursorProblems(op: MatchedOperation): string[] {
  return op.query.has('before') && op.query.has('after')
    ? [`${op.method.toUpperCase()} ${op.path}: before and after are mutually exclusive`]
    : [];
}

/**
 * `GET /bookings?status=`: the parameter is typed as a bare string, but it filters by the
 * booking status, whose values the spec lists on BookingBase.status.
 */
function bookingStatusProblems(op: MatchedOperation): string[] {
  if (op.method !== 'get' || op.path !== '/bookings') return [];
  const status = op.query.get('status');
  const property = SPEC.components.schemas.BookingBase?.properties;
  const statusSchema = isRecord(property) ? property.status : undefined;
  const allowed = isRecord(statusSchema) && Array.isArray(statusSchema.enum) ? (statusSchema.enum as unknown[]) : [];
  return status === null || allowed.includes(status)
    ? []
    : [`GET /bookings: status ${JSON.stringify(status)} is not a booking status (${allowed.join(', ')})`];
}

export function documentedRequestProblems(op: MatchedOperation, body: unknown): string[] {
  return [
    ...cursorProblems(op),
    ...bookingStatusProblems(op),
    ...(op.method === 'post' && op.path === '/webhooks' ? webhookSubscriptionProblems(body) : []),
  ];
}

/**
 * The date filters (`last_updated_time.gt` etc.) are `format: date` in the spec, yet OnceHub's
 * own "fetch bookings periodically" recipe sends `date.toISOString()`. Both forms are accepted
 * unless a caller asks for `strictDateFilters`.
 */
export const DATE_FILTERS_ACCEPT_DATE_TIME =
  "format: date query filters also accept an ISO date-time, as OnceHub's polling recipe sends";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}
