import nock from 'nock';
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

import { createHmac } from 'node:crypto';
import {
  startSimulator,
  verifySignature,
  type Simulator,
  type SimulatorOptions,
  type Webhook,
  type WebhookEvent,
} from './index';
import { call, CUSTOMER, seedBookingPagesAccount, startReceiver, testClock, type Receiver } from './testing';

describe('webhook deliveries', () => {
  let sim: Simulator;
  let receivers: Receiver[];
  let account: ReturnType<typeof seedBookingPagesAccount>;

  async function setup(options: SimulatorOptions = {}): Promise<void> {
    sim = await startSimulator({ seed: 3, retryDelaysMs: [20, 40], deliveryTimeoutMs: 300, ...options });
    account = seedBookingPagesAccount(sim);
  }

  async function receiver(...args: Parameters<typeof startReceiver>): Promise<Receiver> {
    const r = await startReceiver(...args);
    receivers.push(r);
    return r;
  }

  async function subscribe(url: string, events = ['booking.scheduled'], name = url): Promise<Webhook> {
    const res = await call<Webhook>(sim, account.key, 'POST', '/webhooks', { name, url, events });
    expect(res.status).toBe(200);
    return res.body;
  }

  function book(): string {
    return sim.scheduleBooking(account.accountId, {
      ownerId: account.ownerId,
      startingTime: '2025-04-01T10:00:00Z',
      customer: CUSTOMER,
    }).id;
  }

  beforeEach(() => {
    receivers = [];
  });

  afterEach(async () => {
    await sim.close();
    await Promise.all(receivers.map((r) => r.close()));
  });

  it('POSTs the compact event, signed with the webhook secret', async () => {
    const clock = testClock('2025-03-01T10:00:00.000Z');
    await setup({ now: clock.now });
    const r = await receiver();
    const hook = await subscribe(r.url);
    const bookingId = book();
    await sim.settled();

    const [request] = await r.waitFor(1);
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    const header = String(request?.headers['oncehub-signature']);
    const t = Math.floor(clock.now().getTime() / 1000);
    const body = request?.body ?? '';
    const expected = createHmac('sha256', hook.secret ?? '')
      .update(`${t}.${body}`)
      .digest('hex');
    expect(header).toBe(`t=${t},s=${expected}`);
    expect(verifySignature(hook.secret ?? '', body, header)).toBe(true);
    expect(verifySignature(hook.secret ?? '', `${body} `, header)).toBe(false);

    const [event] = sim.events();
    expect(body).toBe(event?.body);
    expect(body).toBe(JSON.stringify(JSON.parse(body)));
    const payload = JSON.parse(body) as WebhookEvent;
    expect(payload).toMatchObject({
      id: expect.stringMatching(/^EVNT-[A-Z0-9]{10}$/),
      object: 'event',
      creation_time: '2025-03-01T10:00:00.000Z',
      type: 'booking.scheduled',
      api_version: 'v2',
    });
    expect(payload.data).toMatchObject({
      object: 'booking',
      id: bookingId,
      conversation: null,
      cancel_reschedule_url: `https://oncehub.com/m/${bookingId}`,
      owner: { object: 'user', id: account.ownerId, email: 'michael@example.com' },
      booking_page: { object: 'booking_page', id: account.pageId },
      master_page: null,
      event_type: null,
    });
    expect(payload.data).not.toHaveProperty('contact');
    expect(payload.data).not.toHaveProperty('utm_params');
    expect(sim.deliveries()).toEqual([
      {
        eventId: payload.id,
        eventType: 'booking.scheduled',
        webhookId: hook.id,
        url: r.url,
        attempts: 1,
        status: 'acknowledged',
        responses: [200],
      },
    ]);
  });

  it("webhookRefs: 'ids' sends owner and page references as IDs", async () => {
    await setup({ webhookRefs: 'ids' });
    const r = await receiver();
    await subscribe(r.url);
    book();
    const [request] = await r.waitFor(1);
    const payload = JSON.parse(request?.body ?? '') as WebhookEvent;
    expect(payload.data.owner).toBe(account.ownerId);
    expect(payload.data.booking_page).toBe(account.pageId);
  });

  it('retries a 500 with a fresh signature, then is acknowledged', async () => {
    const clock = testClock();
    await setup({ now: clock.now });
    const r = await receiver((_req, i) => {
      clock.advance(5000);
      return i === 0 ? 500 : 200;
    });
    const hook = await subscribe(r.url);
    book();
    await sim.settled();
    const [first, second] = r.received;
    expect(first?.body).toBe(second?.body);
    expect(first?.headers['oncehub-signature']).not.toBe(second?.headers['oncehub-signature']);
    expect(verifySignature(hook.secret ?? '', second?.body ?? '', String(second?.headers['oncehub-signature']))).toBe(
      true,
    );
    expect(sim.deliveries()[0]).toMatchObject({ attempts: 2, status: 'acknowledged', responses: [500, 200] });
  });

  it('gives up after the last retry delay', async () => {
    await setup();
    const r = await receiver(() => 503);
    await subscribe(r.url);
    book();
    await sim.settled();
    expect(r.received).toHaveLength(3);
    expect(sim.deliveries()[0]).toMatchObject({ attempts: 3, status: 'failed', responses: [503, 503, 503] });
    expect(sim.webhookCount()).toBe(1);
  });

  it('treats a timeout or a dropped connection as a failed attempt', async () => {
    await setup();
    const slow = await receiver((_req, i) => (i === 0 ? { status: 200, delayMs: 2000 } : 200));
    const rude = await receiver((_req, i) => (i === 0 ? 'reset' : 204));
    await subscribe(slow.url);
    await subscribe(rude.url);
    book();
    await sim.settled();
    const byUrl = (url: string) => sim.deliveries().find((d) => d.url === url);
    expect(byUrl(slow.url)).toMatchObject({ status: 'acknowledged', responses: [0, 200] });
    expect(byUrl(rude.url)).toMatchObject({ status: 'acknowledged', responses: [0, 204] });
  });

  it('410 Gone deletes the webhook without retrying', async () => {
    await setup();
    const r = await receiver(() => 410);
    const hook = await subscribe(r.url);
    book();
    await sim.settled();
    expect(r.received).toHaveLength(1);
    expect(sim.deliveries()[0]).toMatchObject({ status: 'gone', attempts: 1, responses: [410] });
    expect(sim.webhookCount(account.accountId)).toBe(0);
    expect((await call(sim, account.key, 'GET', `/webhooks/${hook.id}`)).status).toBe(404);
    book();
    await sim.settled();
    expect(r.received).toHaveLength(1);
  });

  it('delivers to every subscribed webhook independently, and only for subscribed events', async () => {
    await setup();
    const failing = await receiver(() => 500);
    const ok = await receiver();
    const cancels = await receiver();
    await subscribe(failing.url);
    await subscribe(ok.url, ['booking.scheduled', 'booking.canceled']);
    await subscribe(cancels.url, ['booking.canceled']);
    const id = book();
    await ok.waitFor(1);
    sim.cancelBooking(id, { actionedBy: 'customer', reason: 'sick' });
    await sim.settled();
    expect(ok.received.map((q) => (JSON.parse(q.body) as WebhookEvent).type)).toEqual([
      'booking.scheduled',
      'booking.canceled',
    ]);
    expect(cancels.received).toHaveLength(1);
    const canceled = JSON.parse(cancels.received[0]?.body ?? '') as WebhookEvent;
    expect(canceled.data).toMatchObject({
      status: 'canceled',
      cancel_reschedule_information: { reason: 'sick', actioned_by: 'customer', user_id: '' },
    });
    expect(failing.received).toHaveLength(3);
    expect(
      sim
        .deliveries()
        .map((d) => d.status)
        .sort(),
    ).toEqual(['acknowledged', 'acknowledged', 'acknowledged', 'failed']);
  });

  it('redeliver sends the same event id and bytes with a new signature', async () => {
    const clock = testClock();
    await setup({ now: clock.now });
    const r = await receiver();
    const hook = await subscribe(r.url);
    book();
    await sim.settled();
    clock.advance(60_000);
    const [event] = sim.events();
    sim.redeliver(event?.id ?? '', hook.id);
    await sim.settled();
    const [first, second] = await r.waitFor(2);
    expect(second?.body).toBe(first?.body);
    expect((JSON.parse(second?.body ?? '') as WebhookEvent).id).toBe(event?.id);
    expect(second?.headers['oncehub-signature']).not.toBe(first?.headers['oncehub-signature']);
    expect(verifySignature(hook.secret ?? '', second?.body ?? '', String(second?.headers['oncehub-signature']))).toBe(
      true,
    );
    expect(sim.deliveries().map((d) => [d.eventId, d.status])).toEqual([
      [event?.id, 'acknowledged'],
      [event?.id, 'acknowledged'],
    ]);
    expect(() => sim.redeliver('EVNT-NOPE', hook.id)).toThrow(/No such event/);
    expect(() => sim.redeliver(event?.id ?? '', 'WHK-NOPE')).toThrow(/No such webhook/);
  });

  it('stops retrying once the webhook is deleted', async () => {
    await setup({ retryDelaysMs: [500] });
    const r = await receiver(() => 500);
    const hook = await subscribe(r.url);
    book();
    await r.waitFor(1);
    expect((await call(sim, account.key, 'DELETE', `/webhooks/${hook.id}`)).status).toBe(200);
    await sim.settled();
    expect(r.received).toHaveLength(1);
    expect(sim.deliveries()[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('close() aborts in-flight deliveries and pending retries', async () => {
    await setup({ deliveryTimeoutMs: 10_000 });
    const r = await receiver(() => ({ status: 200, delayMs: 10_000 }));
    await subscribe(r.url);
    book();
    await r.waitFor(1);
    const settled = sim.settled();
    await sim.close();
    await settled;
    expect(sim.deliveries()[0]).toMatchObject({ status: 'failed' });
  });
});
