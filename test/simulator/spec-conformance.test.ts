import nock from 'nock';
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

import { knownContradictionsIn, validateResponse, validateSchema, validateWebhookDelivery } from '../contract/openapi';
import { startSimulator, type Booking, type Simulator, type SimulatorOptions, type Webhook } from './index';
import { call, CUSTOMER, seedBookingPagesAccount } from './testing';

/**
 * The simulator's own guard against drifting from the spec: every kind of response and every
 * webhook payload is validated against test/spec/oncehub-api.json, with the contract layer's
 * validators.
 */

describe('responses conform to the OpenAPI spec', () => {
  let sim: Simulator;

  afterEach(async () => {
    await sim.close();
  });

  async function world(options: SimulatorOptions = {}) {
    sim = await startSimulator({ seed: 99, ...options });
    const pages = seedBookingPagesAccount(sim);
    const et = sim.createEventType(pages.accountId, { name: 'Demo' });
    const mp = sim.createMasterPage(pages.accountId, { name: 'Team' });
    const member = sim.createUser(pages.accountId, { email: 'm@example.com', first_name: 'M', last_name: 'N' });
    const pageBooking = sim.scheduleBooking(pages.accountId, {
      ownerId: pages.ownerId,
      eventTypeId: et.id,
      masterPageId: mp.id,
      startingTime: '2025-04-01T10:00:00Z',
      customer: { ...CUSTOMER, guests: ['g@example.com'], phone: '+1 202 555 0195' },
      customFields: [{ name: 'Employees', value: 12 }],
    });

    const { accountId: calAccount, owner } = sim.createAccount({
      product: 'booking_calendars',
      owner: { email: 'dana@example.com', first_name: 'Dana', last_name: 'Ng' },
    });
    const calKey = sim.createApiKey(calAccount);
    const other = sim.createUser(calAccount, { email: 'o@example.com', first_name: 'O', last_name: 'P' });
    sim.createBookingCalendar(calAccount, { name: 'Dana', subject: 'Call', host: owner.id, duration_minutes: 30 });
    const calBooking = sim.scheduleBooking(calAccount, {
      ownerId: owner.id,
      startingTime: '2025-04-01T10:00:00Z',
      customer: CUSTOMER,
      payment: { amount_charged: 100, currency: 'EUR', transaction_id: 'ch_1' },
    });
    return { pages, et, mp, member, pageBooking, calAccount, calKey, other, calBooking };
  }

  it('for every REST endpoint', async () => {
    const w = await world();
    const { key } = w.pages;
    const check = async (p: string, template: string, status = 200, method = 'get', body?: unknown, k = key) => {
      const res = await call(sim, k, method.toUpperCase(), p, body);
      expect({ p, status: res.status }).toEqual({ p, status });
      const problems = status === 200 ? validateResponse(method, template, 200, res.body) : validateSchema('Error', res.body);
      expect({ p, problems }).toEqual({ p, problems: [] });
      return res;
    };
    await check('/test', '/test');
    await check('/users', '/users');
    await check(`/users/${w.member.id}`, '/users/{id}');
    await check('/bookings?expand=owner,booking_page,event_type,master_page', '/bookings');
    await check(`/bookings/${w.pageBooking.id}`, '/bookings/{id}');
    await check(`/bookings/${w.pageBooking.id}?expand=owner,booking_page,event_type,master_page`, '/bookings/{id}');
    await check('/bookings?expand=owner', '/bookings', 200, 'get', undefined, w.calKey);
    await check(`/bookings/${w.calBooking.id}`, '/bookings/{id}', 200, 'get', undefined, w.calKey);
    await check('/booking-pages', '/booking-pages');
    await check(`/booking-pages/${w.pages.pageId}`, '/booking-pages/{id}');
    // The spec gives GET /master-pages an example but no schema; check the items instead.
    const masterPages = await call<{ data: unknown[] }>(sim, key, 'GET', '/master-pages');
    expect(masterPages.body.data).toHaveLength(1);
    for (const item of masterPages.body.data) expect(validateSchema('MasterPage', item)).toEqual([]);
    await check(`/master-pages/${w.mp.id}`, '/master-pages/{id}');
    await check('/event-types', '/event-types');
    await check(`/event-types/${w.et.id}`, '/event-types/{id}');
    await check('/booking-calendars', '/booking-calendars', 200, 'get', undefined, w.calKey);
    const created = await check('/webhooks', '/webhooks', 200, 'post', {
      name: 'n',
      url: 'https://example.com/h',
      events: ['booking.scheduled'],
    });
    const id = (created.body as Webhook).id;
    await check('/webhooks', '/webhooks');
    await check(`/webhooks/${id}`, '/webhooks/{id}');
    await check(`/webhooks/${id}`, '/webhooks/{id}', 200, 'delete');
    await check(`/webhooks/${id}`, '/webhooks/{id}', 404, 'delete');
    await check('/bookings?limit=0', '/bookings', 400);
    await check('/test', '/test', 401, 'get', undefined, 'bad');
  });

  it("for every booking webhook event with webhookRefs: 'ids'", async () => {
    const w = await world({ webhookRefs: 'ids' });
    const [a, b] = [w.pageBooking.id, w.calBooking.id];
    sim.rescheduleBooking(a, '2025-04-02T10:00:00Z', { actionedBy: 'user' });
    sim.completeBooking(a);
    sim.markNoShow(a);
    sim.reassignBooking(b, w.other.id);
    sim.cancelBooking(b, { actionedBy: 'customer' });
    const c = sim.scheduleBooking(w.pages.accountId, {
      ownerId: w.pages.ownerId,
      startingTime: '2025-05-01T10:00:00Z',
      customer: CUSTOMER,
    });
    const d = sim.cancelThenReschedule(c.id, { startingTime: '2025-05-02T10:00:00Z' });
    sim.requestReschedule(d.id, { reason: 'r' });
    const types = new Set<string>();
    for (const event of sim.events()) {
      types.add(event.type);
      expect({ type: event.type, problems: validateWebhookDelivery(event.payload) }).toEqual({ type: event.type, problems: [] });
    }
    expect(types.size).toBe(8);
  });

  it("with webhookRefs: 'expanded' only the expanded owner departs from the spec", async () => {
    await world({ webhookRefs: 'expanded' });
    for (const event of sim.events()) {
      expect(knownContradictionsIn(event.payload)).toEqual(['webhook-owner-expanded']);
      expect(validateWebhookDelivery(event.payload, { allowPublishedExampleDeviations: true })).toEqual([]);
    }
  });

  it('bookings returned in-process match what the API serves', async () => {
    const w = await world();
    const res = await call<Booking>(sim, w.pages.key, 'GET', `/bookings/${w.pageBooking.id}`);
    expect(res.body).toEqual(w.pageBooking);
  });
});
