import nock from 'nock';
nock.disableNetConnect();

import { eventFixture, publishedSignedExample, restFixture } from '../fixtures';
import {
  assertValid,
  findOperation,
  validateRequest,
  validateResponse,
  validateSchema,
  validateWebhookDelivery,
} from './openapi';

/** The validators must reject; otherwise every "validates" test elsewhere proves nothing. */

const subscription = {
  name: 'Zapier: Booking Scheduled',
  url: 'https://hooks.zapier.com/hooks/standard/1/abc/',
  events: ['booking.scheduled', 'booking.canceled'],
};
const postWebhook = (body: unknown): string[] =>
  validateRequest({ method: 'POST', url: 'https://api.oncehub.com/v2/webhooks', body });

describe('validateSchema', () => {
  it('reports a value outside an enum, with where and what', () => {
    const problems = validateSchema('User', { id: 'USR-1', role_name: 'Owner' });
    expect(problems).toEqual([
      expect.stringMatching(/^\/role_name: must be equal to one of the allowed values .*"Account Owner".*got "Owner"$/),
    ]);
  });

  it('follows $ref into nested component schemas', () => {
    const list = restFixture('bookings.booking-pages');
    const first = list.data[0];
    if (!first) throw new Error('fixture has no bookings');
    first.status = 'done';
    expect(validateSchema('BookingList', list)).toEqual([expect.stringContaining('/data/0/status')]);
  });

  it('reports a missing required property and an unknown schema name', () => {
    expect(validateSchema('Error', { type: 'api_error' })).toEqual([
      expect.stringContaining("required property 'message'"),
    ]);
    expect(validateSchema('NoSuchSchema', {})).toEqual(['components.schemas has no NoSuchSchema']);
  });
});

describe('validateWebhookDelivery', () => {
  it('rejects an event type the spec does not list', () => {
    const event = { ...eventFixture('booking-pages', 'booking.scheduled'), type: 'booking' };
    expect(validateWebhookDelivery(event)).toEqual([
      expect.stringContaining('webhook type "booking" is not in the spec'),
    ]);
    expect(validateWebhookDelivery('not an object')).toHaveLength(1);
  });

  it('rejects a wrong enum and a missing envelope field', () => {
    const event = eventFixture('booking-calendars', 'booking.canceled');
    event.data.status = 'cancelled';
    const { id: _dropped, ...withoutId } = event;
    const problems = validateWebhookDelivery(withoutId);
    expect(problems).toContainEqual(expect.stringContaining('/data/status'));
    expect(problems).toContainEqual(expect.stringContaining("required property 'id'"));
  });

  it("rejects a delivery whose type and data disagree with the type's schema", () => {
    const event = { ...eventFixture('booking-pages', 'booking.completed'), type: 'booking.no_show' };
    expect(validateWebhookDelivery(event)).toEqual([]);
    const wrongType = { ...event, data: { ...event.data, duration_minutes: '15' } };
    expect(validateWebhookDelivery(wrongType)).toEqual([
      expect.stringContaining('/data/duration_minutes: must be integer'),
    ]);
  });

  it('tolerates only the listed contradictions, not anything else alongside them', () => {
    const { event } = publishedSignedExample();
    const worse = { ...event, data: { ...event.data, status: 'booked' } };
    expect(validateWebhookDelivery(worse, { allowPublishedExampleDeviations: true })).toEqual([
      expect.stringContaining('/data/status'),
    ]);
    // An expanded owner is tolerated only if it is a valid User.
    const badOwner = { ...event, data: { ...event.data, owner: { id: 'USR-1', status: 'deleted' } } };
    expect(validateWebhookDelivery(badOwner, { allowPublishedExampleDeviations: true })).toEqual([
      expect.stringContaining('/data/owner'),
    ]);
    const otherCalendar = { ...event, data: { ...event.data, external_calendar: { type: 'outlook' } } };
    expect(validateWebhookDelivery(otherCalendar, { allowPublishedExampleDeviations: true })).toHaveLength(1);
  });
});

describe('validateResponse', () => {
  it('matches concrete paths and full URLs against templates', () => {
    const deleted = restFixture('deleted');
    expect(validateResponse('DELETE', 'https://api.oncehub.com/v2/webhooks/WHK-1', 200, deleted)).toEqual([]);
    expect(validateResponse('delete', '/v2/webhooks/WHK-1', 200, deleted)).toEqual([]);
    expect(validateResponse('DELETE', '/webhooks/WHK-1?x=1', 200, deleted)).toEqual([]);
    expect(findOperation('POST', '/v2/bookings/BKNG-1/cancel')).toEqual({
      method: 'post',
      path: '/bookings/{id}/cancel',
      operationId: 'cancel-booking',
    });
  });

  it('reports an undocumented status, path, method, server or base path', () => {
    expect(validateResponse('GET', '/v2/webhooks', 500, {})).toEqual([
      expect.stringContaining('status 500 is undocumented'),
    ]);
    expect(validateResponse('GET', '/v2/hooks', 200, {})).toEqual([expect.stringContaining('no such path')]);
    expect(validateResponse('PUT', '/v2/webhooks/WHK-1', 200, {})).toEqual([
      expect.stringContaining('no such operation'),
    ]);
    expect(validateResponse('GET', 'https://api.oncehub.com/v1/webhooks', 200, {})).toEqual([
      expect.stringContaining("not under the spec's base path /v2"),
    ]);
    expect(validateResponse('GET', 'https://example.com/v2/webhooks', 200, {})).toEqual([
      expect.stringContaining("not on the spec's server"),
    ]);
    expect(findOperation('GET', '/v2/nothing')).toBeUndefined();
  });

  it('reports a body that does not match the documented schema', () => {
    const webhook = { ...restFixture('webhook.created'), events: 'booking.scheduled' };
    expect(validateResponse('POST', '/v2/webhooks', 200, webhook)).toEqual([
      expect.stringMatching(/^POST \/webhooks 200 body\/events: must be array/),
    ]);
    expect(validateResponse('GET', '/v2/test', 401, { message: 'Invalid API key.' })).toEqual([
      expect.stringContaining("required property 'type'"),
    ]);
  });
});

describe('validateRequest: query parameters', () => {
  it('accepts declared parameters within their schema, including $ref parameters', () => {
    expect(validateRequest({ method: 'GET', url: '/v2/bookings?limit=100&status=canceled&expand=owner' })).toEqual([]);
    expect(
      validateRequest({ method: 'GET', url: 'https://api.oncehub.com/v2/users?email=dana%40example.com&limit=1' }),
    ).toEqual([]);
  });

  it('reports an unknown query parameter', () => {
    expect(validateRequest({ method: 'GET', url: '/v2/webhooks?page=2' })).toEqual([
      expect.stringContaining('query parameter page is not declared (declared: before, after, limit)'),
    ]);
  });

  it('reports limit outside 1-100 or not a number', () => {
    expect(validateRequest({ method: 'GET', url: '/v2/bookings?limit=500' })).toEqual([
      expect.stringContaining('?limit: must be <= 100, got 500'),
    ]);
    expect(validateRequest({ method: 'GET', url: '/v2/bookings?limit=0' })).toHaveLength(1);
    expect(validateRequest({ method: 'GET', url: '/v2/bookings?limit=ten' })).toEqual([
      expect.stringContaining('must be integer'),
    ]);
  });

  it('reports a repeated parameter, before with after, and a bad booking status', () => {
    expect(validateRequest({ method: 'GET', url: '/v2/bookings?limit=1&limit=2' })).toEqual([
      expect.stringContaining('limit is given 2 times'),
    ]);
    expect(validateRequest({ method: 'GET', url: '/v2/bookings?before=BKNG-1&after=BKNG-2' })).toEqual([
      expect.stringContaining('before and after are mutually exclusive'),
    ]);
    expect(validateRequest({ method: 'GET', url: '/v2/bookings?status=cancelled' })).toEqual([
      expect.stringContaining('status "cancelled" is not a booking status'),
    ]);
  });

  it("accepts an ISO date-time in date filters (OnceHub's recipe) unless strict, never garbage", () => {
    const url = '/v2/bookings?last_updated_time.gt=2024-05-14T09:48:48.000Z';
    expect(validateRequest({ method: 'GET', url })).toEqual([]);
    expect(validateRequest({ method: 'GET', url }, { strictDateFilters: true })).toEqual([
      expect.stringContaining('must match format "date"'),
    ]);
    expect(
      validateRequest({ method: 'GET', url: '/v2/bookings?creation_time.gt=2024-05-14' }, { strictDateFilters: true }),
    ).toEqual([]);
    expect(validateRequest({ method: 'GET', url: '/v2/bookings?creation_time.gt=2025-13-45T99:99:99Z' })).toHaveLength(
      1,
    );
  });
});

describe('validateRequest: bodies and POST /webhooks', () => {
  it('accepts a complete subscription, also as raw JSON text', () => {
    expect(postWebhook(subscription)).toEqual([]);
    expect(postWebhook(JSON.stringify(subscription))).toEqual([]);
    for (const url of ['http://127.0.0.1:8123/hook', 'http://localhost/hook', 'http://[::1]:9000/hook']) {
      expect(postWebhook({ ...subscription, url })).toEqual([]);
    }
  });

  it('reports a missing url, name or events', () => {
    const { url: _url, ...noUrl } = subscription;
    expect(postWebhook(noUrl)).toEqual(['POST /webhooks: url is required']);
    expect(postWebhook({ ...subscription, name: '' })).toEqual(['POST /webhooks: name is required']);
    expect(postWebhook({ ...subscription, events: [] })).toEqual(['POST /webhooks: events must be a non-empty array']);
    expect(postWebhook(undefined)).toEqual(['POST /webhooks: body must be a JSON object']);
  });

  it('reports a plain-http or relative url', () => {
    expect(postWebhook({ ...subscription, url: 'http://hooks.zapier.com/hooks/1' })).toEqual([
      expect.stringContaining('url must start with https://'),
    ]);
    expect(postWebhook({ ...subscription, url: '/hooks/1' })).toEqual([expect.stringContaining('is not a full URL')]);
  });

  it('reports events the spec does not list, including the undocumented composite "booking"', () => {
    expect(postWebhook({ ...subscription, events: ['booking', 'booking.scheduled'] })).toEqual([
      expect.stringContaining('event "booking" is not in the spec'),
    ]);
  });

  it('reports a body that breaks the requestBody schema, and a body where none is documented', () => {
    expect(postWebhook({ ...subscription, events: 'booking.scheduled' })).toContainEqual(
      expect.stringContaining('POST /webhooks body/events: must be array'),
    );
    expect(postWebhook({ ...subscription, secret: 'chosen-by-client' })).toEqual([
      'POST /webhooks body: secret is not a field of the request body',
    ]);
    expect(postWebhook('{not json')).toEqual(['POST /webhooks: request body is not JSON']);
    expect(validateRequest({ method: 'DELETE', url: '/v2/webhooks/WHK-1', body: { force: true } })).toEqual([
      'DELETE /webhooks/{id}: the spec documents no JSON request body',
    ]);
    expect(validateRequest({ method: 'DELETE', url: '/v2/webhooks/WHK-1', body: '' })).toEqual([]);
  });

  it('reports an undocumented operation', () => {
    expect(validateRequest({ method: 'PATCH', url: '/v2/webhooks/WHK-1' })).toEqual([
      expect.stringContaining('no such operation'),
    ]);
  });
});

describe('assertValid', () => {
  it('throws one message listing every problem, and is silent when there are none', () => {
    expect(() => assertValid(['/a: bad', '/b: worse'], 'webhook fixture')).toThrow(
      "webhook fixture does not match OnceHub's OpenAPI spec:\n  - /a: bad\n  - /b: worse",
    );
    expect(() => assertValid([], 'anything')).not.toThrow();
  });
});
