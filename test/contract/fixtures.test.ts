import nock from 'nock';
nock.disableNetConnect();

import {
  ERROR_FIXTURES,
  PUBLISHED_SIGNED_EXAMPLE_FILE,
  allEventFixtures,
  errorFixture,
  errorStatus,
  expandedEventFixture,
  listFixtureFiles,
  publishedSignedExample,
  restFixture,
} from '../fixtures';
import type { ErrorFixtureName, RestFixtureName } from '../fixtures';
import {
  KNOWN_SPEC_CONTRADICTIONS,
  knownContradictionsIn,
  validateRequest,
  validateResponse,
  validateSchema,
  validateWebhookDelivery,
} from './openapi';
import { SPEC, isRecord } from './spec';

/** The request that would return each REST fixture, so both halves are checked against the spec. */
const REST_CHECKS: Record<RestFixtureName, { method: string; url: string; schema: string; body?: unknown }> = {
  'bookings.booking-pages': {
    method: 'GET',
    url: '/v2/bookings?booking_page=BP-X0LCRU5LES&limit=100',
    schema: 'BookingList',
  },
  'bookings.booking-calendars': {
    method: 'GET',
    url: '/v2/bookings?booking_calendar=BKC-03WJV0R52Z',
    schema: 'BookingList',
  },
  'bookings.page1': { method: 'GET', url: '/v2/bookings?limit=3', schema: 'BookingList' },
  'bookings.page2': { method: 'GET', url: '/v2/bookings?limit=3&after=BKNG-Q3ZV6D1M8TYE', schema: 'BookingList' },
  'bookings.empty': { method: 'GET', url: '/v2/bookings?last_updated_time.gt=2024-06-01', schema: 'BookingList' },
  users: { method: 'GET', url: '/v2/users', schema: 'UserList' },
  'users.empty': { method: 'GET', url: '/v2/users?email=nobody%40example.com', schema: 'UserList' },
  'webhook.created': {
    method: 'POST',
    url: '/v2/webhooks',
    schema: 'Webhook',
    body: {
      name: 'Zapier: Booking Scheduled',
      url: 'https://hooks.zapier.com/hooks/standard/1234567/0a1b2c3d4e5f4a6b8c9d0e1f2a3b4c5d/',
      events: ['booking.scheduled'],
    },
  },
  'webhooks.list': { method: 'GET', url: '/v2/webhooks', schema: 'WebhookList' },
  deleted: { method: 'DELETE', url: '/v2/webhooks/WHK-7JD9LBVZTQ', schema: 'DeletedObject' },
  'test.ok': { method: 'GET', url: '/v2/test', schema: '' },
  'booking-pages': { method: 'GET', url: '/v2/booking-pages', schema: 'BookingPageList' },
  'event-types': { method: 'GET', url: '/v2/event-types', schema: 'EventTypeList' },
  'master-pages': { method: 'GET', url: '/v2/master-pages', schema: '' },
  'booking-calendars': { method: 'GET', url: '/v2/booking-calendars', schema: 'BookingCalendarList' },
};

/** An operation that documents each error status (500 is documented only on a few writes). */
const ERROR_CHECKS: Record<ErrorFixtureName, { method: string; url: string }> = {
  '400.before-after': { method: 'GET', url: '/v2/bookings' },
  '400.date': { method: 'GET', url: '/v2/bookings' },
  '400.date-range': { method: 'GET', url: '/v2/bookings' },
  '400.expand': { method: 'GET', url: '/v2/bookings' },
  '400.limit': { method: 'GET', url: '/v2/webhooks' },
  '401.expired': { method: 'GET', url: '/v2/test' },
  '401.invalid': { method: 'GET', url: '/v2/test' },
  '403.plan': { method: 'GET', url: '/v2/test' },
  '404.booking': { method: 'GET', url: '/v2/bookings/123' },
  '404.webhook': { method: 'DELETE', url: '/v2/webhooks/123' },
  '409.webhook-name': { method: 'POST', url: '/v2/webhooks' },
  '422.paid-booking': { method: 'POST', url: '/v2/bookings/BKNG-3SQY8N1D5FXC/cancel' },
  '429': { method: 'GET', url: '/v2/bookings' },
  '500': { method: 'POST', url: '/v2/users' },
};

/**
 * Error bodies not copied from a spec example: 401.expired is the v1 spec's text (v2 keeps the
 * status but documents only "Invalid API key."), 400.date is from the error-handling docs page.
 */
const ERRORS_FROM_OUTSIDE_THE_V2_SPEC: ReadonlySet<ErrorFixtureName> = new Set(['401.expired', '400.date']);

function specExampleValues(node: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => specExampleValues(n, found));
  if (!isRecord(node)) return found;
  if (isRecord(node.examples)) {
    Object.values(node.examples).forEach((e) => isRecord(e) && 'value' in e && found.push(e.value));
  }
  Object.values(node).forEach((n) => specExampleValues(n, found));
  return found;
}

describe('every fixture file is checked against the spec', () => {
  it('has a check for each file on disk', () => {
    const checked = new Set<string>([
      ...allEventFixtures().map((f) => f.file),
      'events/booking-pages/booking.scheduled.expanded.json',
      PUBLISHED_SIGNED_EXAMPLE_FILE,
      ...Object.keys(REST_CHECKS).map((name) => `rest/${name}.json`),
      ...ERROR_FIXTURES.map((name) => `rest/errors/${name}.json`),
    ]);
    expect(listFixtureFiles().filter((file) => !checked.has(file))).toEqual([]);
  });
});

describe('webhook delivery fixtures', () => {
  it.each(allEventFixtures().map((f) => [f.file, f] as const))('%s validates strictly', (_file, fixture) => {
    expect(validateWebhookDelivery(fixture.event)).toEqual([]);
  });

  it('the expanded variant breaks the spec only where OnceHub itself does (owner)', () => {
    const event = expandedEventFixture();
    expect(validateWebhookDelivery(event)).toHaveLength(1);
    expect(knownContradictionsIn(event)).toEqual(['webhook-owner-expanded']);
    expect(validateWebhookDelivery(event, { allowPublishedExampleDeviations: true })).toEqual([]);
  });
});

describe("OnceHub's published signed example", () => {
  const { raw, event } = publishedSignedExample();

  it('is kept byte-exact: compact, one line, no trailing newline', () => {
    expect(raw).toBe(JSON.stringify(JSON.parse(raw)));
    expect(raw.startsWith('{"id":"EVNT-2AB8RJY3LF"')).toBe(true);
  });

  it('fails strict validation on exactly the known contradictions', () => {
    const problems = validateWebhookDelivery(event);
    expect(problems).toHaveLength(KNOWN_SPEC_CONTRADICTIONS.length);
    for (const contradiction of KNOWN_SPEC_CONTRADICTIONS) {
      expect(problems.filter((p) => p.startsWith(`${contradiction.instancePath}:`))).toHaveLength(1);
    }
    expect(knownContradictionsIn(event).sort()).toEqual(KNOWN_SPEC_CONTRADICTIONS.map((c) => c.name).sort());
  });

  it('passes once those contradictions are allowed', () => {
    expect(validateWebhookDelivery(event, { allowPublishedExampleDeviations: true })).toEqual([]);
  });
});

describe('REST fixtures', () => {
  it.each(Object.entries(REST_CHECKS))('%s matches its operation and schema', (name, check) => {
    const body = restFixture(name as RestFixtureName);
    expect(validateRequest({ method: check.method, url: check.url, body: check.body })).toEqual([]);
    if (check.schema) expect(validateSchema(check.schema, body)).toEqual([]);
    if (name !== 'master-pages') expect(validateResponse(check.method, check.url, 200, body)).toEqual([]);
  });

  it('master-pages: the spec documents no schema for the list, so items and envelope are checked', () => {
    expect(validateResponse('GET', '/v2/master-pages', 200, {})).toEqual([
      'GET /master-pages 200: no application/json schema documented',
    ]);
    const list = restFixture('master-pages');
    // The envelope is the same ListResponseBase every other list uses.
    expect(validateSchema('EventTypeList', { ...list, data: [] })).toEqual([]);
    expect(Object.keys(list).sort()).toEqual(['data', 'has_more', 'object']);
    list.data.forEach((page) => expect(validateSchema('MasterPage', page)).toEqual([]));
  });

  it('webhook.created echoes the subscription request it answers', () => {
    const created = restFixture('webhook.created');
    expect({ name: created.name, url: created.url, events: created.events }).toEqual(
      REST_CHECKS['webhook.created'].body,
    );
  });

  it('list fixtures are newest first and page 2 continues after page 1', () => {
    const lists = [
      restFixture('bookings.booking-pages'),
      restFixture('bookings.booking-calendars'),
      restFixture('bookings.page1'),
    ];
    for (const list of lists) {
      const times = list.data.map((b) => b.creation_time ?? '');
      expect(times).toEqual([...times].sort().reverse());
      expect(list.data.length).toBeGreaterThanOrEqual(3);
    }
    const page1 = restFixture('bookings.page1');
    const page2 = restFixture('bookings.page2');
    expect(page1.has_more).toBe(true);
    expect(page2.has_more).toBe(false);
    expect(page1.data.at(-1)?.id).toBe('BKNG-Q3ZV6D1M8TYE');
    expect((page2.data[0]?.creation_time ?? '') < (page1.data.at(-1)?.creation_time ?? '')).toBe(true);
  });
});

describe('error fixtures', () => {
  const examples = specExampleValues(SPEC);

  it.each(ERROR_FIXTURES.map((name) => [name]))('%s is a documented Error body for its status', (name) => {
    const body = errorFixture(name);
    const check = ERROR_CHECKS[name];
    expect(validateSchema('Error', body)).toEqual([]);
    expect(validateResponse(check.method, check.url, errorStatus(name), body)).toEqual([]);
    if (!ERRORS_FROM_OUTSIDE_THE_V2_SPEC.has(name)) expect(examples).toContainEqual(body);
  });
});
