/**
 * Places where OnceHub's own published material contradicts its OpenAPI spec. Each entry names
 * one JSON location and one schema keyword, and tolerates only the value OnceHub actually sends
 * there, so everything else in a delivery is still validated strictly.
 *
 * Source of all three: the signed example body in OnceHub's "Webhook Signatures" page
 * (developer-center docs/webhooks/webhook-signatures.md; shared/oncehub/api.md §5), a real
 * Booking Pages `booking.scheduled` delivery, kept byte-exact in
 * test/fixtures/events/published-signed-example.json.
 *
 * Not listed because the spec already allows them: `booking_page`, `master_page` and
 * `event_type` expanded to objects (BookingBase declares them ID-or-object).
 */
import type { ErrorObject } from 'ajv';
import { isRecord, pointer, schemaErrors, valueAt } from './spec';

export interface KnownSpecContradiction {
  /** Stable name, used by tests to assert which contradictions a payload hits. */
  readonly name: string;
  /** JSON pointer into the webhook delivery. */
  readonly instancePath: string;
  /** The Ajv keyword the published value fails. */
  readonly keyword: string;
  readonly spec: string;
  readonly published: string;
  /** True only for the value OnceHub was seen sending. */
  readonly accepts: (value: unknown) => boolean;
}

export const KNOWN_SPEC_CONTRADICTIONS: readonly KnownSpecContradiction[] = [
  {
    name: 'webhook-owner-expanded',
    instancePath: '/data/owner',
    keyword: 'type',
    spec: 'BookingWebhookData.owner is a user ID string',
    published: 'owner is an expanded User object (the docs also say webhooks expand included objects)',
    accepts: (value) => isRecord(value) && schemaErrors(pointer('components', 'schemas', 'User'), value).length === 0,
  },
  {
    name: 'external-calendar-type-none',
    instancePath: '/data/external_calendar/type',
    keyword: 'enum',
    spec: 'external_calendar.type is one of google, exchange, office_365, icloud',
    published: 'external_calendar.type is "none" (with empty name, id and event_id) when no calendar is connected',
    accepts: (value) => value === 'none',
  },
  {
    name: 'cancel-info-actioned-by-empty',
    instancePath: '/data/cancel_reschedule_information/actioned_by',
    keyword: 'enum',
    spec: 'cancel_reschedule_information.actioned_by is user or customer',
    published: 'actioned_by is "" on a booking that was never canceled or rescheduled',
    accepts: (value) => value === '',
  },
];

/** The contradictions `errors` hit, and the errors left once those are tolerated. */
export function applyKnownContradictions(
  errors: readonly ErrorObject[],
  data: unknown,
): { hit: KnownSpecContradiction[]; remaining: ErrorObject[] } {
  const hit = new Set<KnownSpecContradiction>();
  const remaining = errors.filter((e) => {
    const known = KNOWN_SPEC_CONTRADICTIONS.find(
      (c) => c.instancePath === e.instancePath && c.keyword === e.keyword && c.accepts(valueAt(data, e.instancePath)),
    );
    if (known) hit.add(known);
    return !known;
  });
  return { hit: [...hit], remaining };
}
