import nock from 'nock';
nock.disableNetConnect();

import { TRIGGERS } from '../../src/events';
import type { Booking } from '../../src/oncehub';
import { allEventFixtures } from '../fixtures';
import type { EventFixture } from '../fixtures';

/**
 * What the spec cannot say about the fixtures: that each one looks like the event it is named
 * after. Schema validity is in fixtures.test.ts.
 */
const fixtures = allEventFixtures();
const named = fixtures.map((f) => [f.file, f] as const);

const BOOKING_PAGES_ONLY = ['booking_page', 'master_page', 'event_type'];
const BOOKING_CALENDARS_ONLY = ['booking_calendar', 'ics_url', 'cancel_url', 'reschedule_url', 'payment_information'];
/** BookingWebhookData omits these REST-only fields. */
const REST_ONLY = ['contact', 'utm_params'];

const isCancel = (type: string): boolean => type.startsWith('booking.canceled');
const isReschedule = (type: string): boolean => type === 'booking.rescheduled';

/** The status the trigger table expects right after the event, where it names one. */
function expectedStatus(type: string): string | undefined {
  if (type === 'booking.reassigned') return 'scheduled';
  return TRIGGERS.find((row) => row.events.length === 1 && row.events[0] === type)?.sampleStatus;
}

function some(predicate: (b: Booking, f: EventFixture) => boolean): boolean {
  return fixtures.some((f) => predicate(f.event.data, f));
}

describe('event fixtures look like their event', () => {
  it.each(named)('%s: envelope', (_file, { event, eventType }) => {
    expect(event.id).toMatch(/^EVNT-[A-Z0-9]{10}$/);
    expect(event.object).toBe('event');
    expect(event.type).toBe(eventType);
    expect(event.api_version).toBe('v2');
    expect(event.data.id).toMatch(/^BKNG-[A-Z0-9]{12}$/);
    // The event is created after the change it reports.
    expect(event.creation_time >= (event.data.last_updated_time ?? '')).toBe(true);
  });

  it.each(named)('%s: status and cancel/reschedule details', (_file, { event, eventType }) => {
    const data = event.data;
    expect(data.status).toBe(expectedStatus(eventType));
    const info = data.cancel_reschedule_information ?? {};
    if (isCancel(eventType) || isReschedule(eventType)) {
      expect(info.reason).not.toBe('');
      expect(['user', 'customer']).toContain(info.actioned_by);
      expect(info.user_id !== '').toBe(info.actioned_by === 'user');
    } else {
      expect(info.reason ?? '').toBe('');
    }
    expect((data.rescheduled_booking_id ?? '') !== '').toBe(isReschedule(eventType));
  });

  it.each(named)('%s: fields of its product and of webhook deliveries', (_file, { event, product }) => {
    const keys = Object.keys(event.data);
    const own = product === 'booking-pages' ? BOOKING_PAGES_ONLY : BOOKING_CALENDARS_ONLY;
    const other = product === 'booking-pages' ? BOOKING_CALENDARS_ONLY : BOOKING_PAGES_ONLY;
    expect(own.filter((k) => !keys.includes(k))).toEqual([]);
    expect(keys.filter((k) => other.includes(k) || REST_ONLY.includes(k))).toEqual([]);
    expect(keys).toContain('cancel_reschedule_url');
    expect(typeof event.data.owner).toBe('string');
  });

  it('uses distinct event ids and booking ids', () => {
    const eventIds = fixtures.map((f) => f.event.id);
    const bookingIds = fixtures.map((f) => f.event.data.id);
    expect(new Set(eventIds).size).toBe(eventIds.length);
    expect(new Set(bookingIds).size).toBe(bookingIds.length);
  });

  it('covers a fully filled-in booking and one with null/empty optional values', () => {
    expect(
      some(
        (b) =>
          b.customer_timezone === 'America/New_York' &&
          (b.form_submission?.custom_fields?.length ?? 0) > 0 &&
          (b.custom_fields?.length ?? 0) > 0 &&
          (b.form_submission?.guests?.length ?? 0) > 0 &&
          Boolean(b.form_submission?.phone && b.form_submission.company && b.form_submission.note),
      ),
    ).toBe(true);
    expect(
      some(
        (b) =>
          b.form_submission?.phone === null &&
          b.form_submission.company === null &&
          b.form_submission.note === '' &&
          b.form_submission.guests?.length === 0 &&
          b.conversation === null,
      ),
    ).toBe(true);
  });

  it('booking-calendars: exactly one delivery carries a payment, the rest have null', () => {
    const payments = fixtures
      .filter((f) => f.product === 'booking-calendars')
      .map((f) => f.event.data.payment_information);
    expect(payments.filter((p) => p !== null)).toHaveLength(1);
  });
});
