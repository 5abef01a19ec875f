/** Loading samples in the Zap editor: real recent bookings, newest first, same shape as deliveries. */
import nock from 'nock';
import { restFixture } from './fixtures';
import { App, auth, dropdowns, hooks, AUTH, appTester, offline, oncehub, resetNetwork } from './support/app';

const all = { scope: 'all' };
const sampleMeta = { isLoadingSample: true };

beforeAll(() => offline());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  resetNetwork();
});

it('asks for three bookings with the trigger’s status and returns them newest first', async () => {
  const bookings = restFixture('bookings.booking-pages');
  oncehub().get('/v2/bookings').query({ status: 'canceled', limit: 3 }).reply(200, bookings);
  const items = await appTester(hooks.booking_canceled!.operation.performList, { authData: AUTH, inputData: all, meta: sampleMeta });
  expect(items.map((item) => item.booking_id)).toEqual(bookings.data.slice(0, 3).map((b) => b.id));
  expect(items.every((item) => item.event === 'booking.canceled')).toBe(true);
  expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
});

it('follows the cursor until it has enough bookings', async () => {
  const page1 = restFixture('bookings.page1');
  const page2 = restFixture('bookings.page2');
  const last = page1.data.at(-1)!.id;
  oncehub().get('/v2/bookings').query({ status: 'scheduled', limit: 10 }).reply(200, page1);
  oncehub().get('/v2/bookings').query({ status: 'scheduled', limit: 10, after: last }).reply(200, page2);
  const items = await appTester(hooks.booking_scheduled!.operation.performList, {
    authData: AUTH,
    inputData: all,
    meta: { limit: 10 },
  });
  expect(items.map((item) => item.booking_id)).toEqual([...page1.data, ...page2.data].map((b) => b.id).slice(0, 10));
});

it('the lifecycle trigger filters by status only when the picked events share one', async () => {
  oncehub().get('/v2/bookings').query({ status: 'canceled', limit: 3 }).reply(200, restFixture('bookings.booking-pages'));
  await appTester(hooks.booking_lifecycle_event!.operation.performList, {
    authData: AUTH,
    inputData: { ...all, events: ['booking.canceled', 'booking.canceled_reschedule_requested'] },
    meta: sampleMeta,
  });
  oncehub().get('/v2/bookings').query({ limit: 3 }).reply(200, restFixture('bookings.booking-calendars'));
  const items = await appTester(hooks.booking_lifecycle_event!.operation.performList, {
    authData: AUTH,
    inputData: all,
    meta: sampleMeta,
  });
  expect(items.length).toBeGreaterThan(0);
  expect(items.every((item) => item.product === 'booking_calendars')).toBe(true);
});

it('reassigned bookings (Booking Calendars) are not filtered by a status that cannot tell them apart', async () => {
  oncehub().get('/v2/bookings').query({ limit: 3 }).reply(200, restFixture('bookings.booking-calendars'));
  const items = await appTester(hooks.booking_reassigned!.operation.performList, { authData: AUTH, inputData: all, meta: sampleMeta });
  expect(items.every((item) => item.event === 'booking.reassigned')).toBe(true);
});

it('leaves out bookings that are in the trash', async () => {
  const bookings = restFixture('bookings.booking-pages');
  bookings.data = bookings.data.map((booking, i) => ({ ...booking, in_trash: i === 0 }));
  oncehub().get('/v2/bookings').query(true).reply(200, bookings);
  const items = await appTester(hooks.booking_scheduled!.operation.performList, { authData: AUTH, inputData: all, meta: sampleMeta });
  expect(items.map((item) => item.booking_id)).not.toContain(bookings.data[0]!.id);
});

it('an account without bookings returns none, so Zapier shows the static sample as sample data', async () => {
  oncehub().get('/v2/bookings').query(true).reply(200, restFixture('bookings.empty'));
  const items = await appTester(hooks.booking_scheduled!.operation.performList, { authData: AUTH, inputData: all, meta: sampleMeta });
  expect(items).toEqual([]);
  expect(hooks.booking_scheduled!.operation.sample).toMatchObject({ id: expect.any(String), booking_id: expect.any(String) });
});

it('stops after five pages when every booking is in the trash', async () => {
  const trashed = restFixture('bookings.page1').data.map((booking) => ({ ...booking, in_trash: true }));
  let pages = 0;
  oncehub()
    .get('/v2/bookings')
    .query(true)
    .times(5)
    .reply(() => {
      pages += 1;
      return [200, { object: 'list', has_more: true, data: trashed.map((b) => ({ ...b, id: `${b.id}${pages}` })) }];
    });
  const items = await appTester(hooks.booking_lifecycle_event!.operation.performList, { authData: AUTH, inputData: all, meta: sampleMeta });
  expect(items).toEqual([]);
  expect(pages).toBe(5);
});
