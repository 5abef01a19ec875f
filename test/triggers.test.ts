/**
 * The trigger table as users meet it: one trigger per row, keys that never change, and each
 * trigger's subscribe/unsubscribe sending exactly what OnceHub documents.
 */
import nock from 'nock';
import { BOOKING_EVENTS, TRIGGERS } from '../src/events';
import { webhookName } from '../src/webhooks';
import { restFixture } from './fixtures';
import { App, auth, dropdowns, hooks, AUTH, appTester, offline, oncehub, resetNetwork } from './support/app';

const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abcdef/';

beforeAll(() => offline());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  resetNetwork();
});

it('ships exactly these trigger keys; a shipped key may never change', () => {
  expect(Object.keys(App.triggers ?? {}).sort()).toEqual(
    [
      'booking_canceled',
      'booking_canceled_reschedule_requested',
      'booking_canceled_then_rescheduled',
      'booking_completed',
      'booking_lifecycle_event',
      'booking_no_show',
      'booking_reassigned',
      'booking_rescheduled',
      'booking_scheduled',
      'list_booking_calendars',
      'list_booking_pages',
      'list_event_types',
    ].sort(),
  );
});

it('covers every OnceHub booking event with a trigger of its own', () => {
  const single = TRIGGERS.filter((row) => row.events.length === 1).flatMap((row) => row.events);
  expect([...single].sort()).toEqual([...BOOKING_EVENTS].sort());
});

describe.each(TRIGGERS.map((row) => [row.key, row] as const))('%s', (key, row) => {
  const trigger = hooks[key];

  it('is a visible REST hook trigger with a Title Case label and a "Triggers when …." description', () => {
    expect(trigger?.display.hidden).toBeFalsy();
    expect(trigger?.operation.type).toBe('hook');
    expect(trigger?.display.label).toBe(row.label);
    expect(trigger?.display.description).toMatch(/^Triggers when .+\.$/);
    expect(trigger?.noun).toBe('Booking');
  });

  it('turning the Zap on creates one webhook with the Zap’s URL and the trigger’s events', async () => {
    const created = restFixture('webhook.created');
    oncehub()
      .post('/v2/webhooks', { name: webhookName(row, TARGET), url: TARGET, events: [...row.events] })
      .matchHeader('content-type', /application\/json/)
      .reply(200, { ...created, events: row.events });

    const data = await appTester(trigger!.operation.performSubscribe!, { authData: AUTH, targetUrl: TARGET, inputData: {} });
    expect(data).toEqual({ id: created.id, name: created.name, events: row.events, secret: created.secret });
  });

  it('turning the Zap off deletes exactly its webhook', async () => {
    oncehub().delete('/v2/webhooks/WHK-7JD9LBVZTQ').reply(200, restFixture('deleted'));
    const result = await appTester(trigger!.operation.performUnsubscribe!, {
      authData: AUTH,
      subscribeData: { id: 'WHK-7JD9LBVZTQ' },
      targetUrl: TARGET,
    });
    expect(result).toEqual({ id: 'WHK-7JD9LBVZTQ', deleted: true });
  });

  it('turning the Zap off succeeds when the webhook is already gone (404)', async () => {
    oncehub()
      .delete('/v2/webhooks/WHK-7JD9LBVZTQ')
      .reply(404, { type: 'invalid_request_error', message: "No such webhook: 'WHK-7JD9LBVZTQ'", param: 'id' });
    const result = await appTester(trigger!.operation.performUnsubscribe!, {
      authData: AUTH,
      subscribeData: { id: 'WHK-7JD9LBVZTQ' },
    });
    expect(result).toMatchObject({ id: 'WHK-7JD9LBVZTQ', deleted: true, note: 'already gone' });
  });
});

it('the lifecycle trigger subscribes to only the events the user picked', async () => {
  const row = TRIGGERS.find((r) => r.key === 'booking_lifecycle_event')!;
  oncehub()
    .post('/v2/webhooks', { name: webhookName(row, TARGET), url: TARGET, events: ['booking.canceled', 'booking.no_show'] })
    .reply(200, { ...restFixture('webhook.created'), events: ['booking.canceled', 'booking.no_show'] });
  const data = await appTester(hooks.booking_lifecycle_event!.operation.performSubscribe, {
    authData: AUTH,
    targetUrl: TARGET,
    inputData: { events: ['booking.canceled', 'booking.no_show', 'not.an.event'] },
  });
  expect(data).toMatchObject({ events: ['booking.canceled', 'booking.no_show'] });
});

it('two Zaps on the same trigger get two webhooks with different names', () => {
  const row = TRIGGERS[0]!;
  expect(webhookName(row, `${TARGET}1`)).not.toBe(webhookName(row, `${TARGET}2`));
});

it('only the Booking Calendars trigger lacks Booking Pages filters', () => {
  const keys = (key: string) => (hooks[key]?.operation.inputFields ?? []).map((f) => (f as { key: string }).key);
  expect(keys('booking_reassigned')).toEqual(['scope', 'booking_calendar']);
  expect(keys('booking_scheduled')).toEqual(['scope', 'booking_page', 'event_type', 'booking_calendar']);
  expect(keys('booking_lifecycle_event')).toEqual(['events', 'scope', 'booking_page', 'event_type', 'booking_calendar']);
});
