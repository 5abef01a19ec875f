import nock from 'nock';
nock.disableNetConnect();

import { existsSync } from 'node:fs';
import path from 'node:path';
import { BOOKING_EVENTS, TRIGGERS } from '../../src/events';
import { FIXTURES_DIR, PRODUCTS, fixtureEventTypes } from '../fixtures';
import { bookingEventTypes, specEventTypes } from './openapi';

/**
 * Spec events that are deliberately not booking triggers: the app only offers booking triggers,
 * and conversation deliveries carry ConversationWebhookData, not a booking.
 */
const NOT_BOOKING_TRIGGERS = /^conversation\./;

/** The Booking Pages product cannot reassign, so it never emits this event (api.md §5). */
const BOOKING_PAGES_LACKS = ['booking.reassigned'];

describe('spec webhook events vs the trigger table', () => {
  it("the spec's booking.* events are exactly BOOKING_EVENTS", () => {
    expect([...BOOKING_EVENTS].sort()).toEqual(bookingEventTypes().sort());
  });

  it('every spec booking event is subscribed by at least one trigger row', () => {
    const subscribed = new Set(TRIGGERS.flatMap((row) => row.events));
    expect(bookingEventTypes().filter((event) => !subscribed.has(event as never))).toEqual([]);
  });

  it('no trigger row names an event the spec lacks', () => {
    const spec = new Set(specEventTypes());
    const unknown = TRIGGERS.flatMap((row) => row.events.filter((e) => !spec.has(e)).map((e) => `${row.key}: ${e}`));
    expect(unknown).toEqual([]);
  });

  it('the only other spec events are conversation.*, which no trigger subscribes to', () => {
    const others = specEventTypes().filter((e) => !e.startsWith('booking.'));
    expect(others.filter((e) => !NOT_BOOKING_TRIGGERS.test(e))).toEqual([]);
    expect(TRIGGERS.flatMap((row) => row.events).filter((e) => NOT_BOOKING_TRIGGERS.test(e))).toEqual([]);
  });
});

describe('event fixtures cover every booking event for each product', () => {
  it.each(PRODUCTS.map((p) => [p]))('%s', (product) => {
    const expected = bookingEventTypes().filter(
      (e) => product === 'booking-calendars' || !BOOKING_PAGES_LACKS.includes(e),
    );
    const missing = expected.filter((e) => !existsSync(path.join(FIXTURES_DIR, 'events', product, `${e}.json`)));
    expect(missing).toEqual([]);
    expect([...fixtureEventTypes(product)].sort()).toEqual(expected.sort());
  });

  it('has no booking-pages fixture for an event that product cannot emit', () => {
    for (const event of BOOKING_PAGES_LACKS) {
      expect(existsSync(path.join(FIXTURES_DIR, 'events', 'booking-pages', `${event}.json`))).toBe(false);
    }
  });
});
