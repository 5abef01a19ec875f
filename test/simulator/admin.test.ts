import nock from 'nock';
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

import type { Booking, CreatedAccount, DeliveryLogEntry, RequestLogEntry, Simulator, SimWebhook, User } from './index';
import { startSimulator } from './index';
import { call, CUSTOMER, startReceiver, type Receiver } from './testing';

describe('/_sim admin routes', () => {
  let sim: Simulator;
  let receiver: Receiver | undefined;

  beforeEach(async () => {
    sim = await startSimulator({ seed: 21, retryDelaysMs: [10] });
  });

  afterEach(async () => {
    await sim.close();
    await receiver?.close();
    receiver = undefined;
  });

  async function admin<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const init: RequestInit = { method };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { 'Content-Type': 'application/json' };
    }
    const res = await fetch(`${sim.adminUrl}${path}`, init);
    return { status: res.status, body: (await res.json()) as T };
  }

  it('drives accounts, keys, users, pages, bookings, deliveries and faults over HTTP', async () => {
    const account = await admin<CreatedAccount>('POST', '/accounts', {
      product: 'booking_pages',
      owner: { email: 'michael@example.com', first_name: 'Michael', last_name: 'Smith' },
    });
    expect(account.status).toBe(200);
    expect(account.body.accountId).toMatch(/^ACT-[A-Z0-9]{12}$/);
    const accountId = account.body.accountId;
    const ownerId = account.body.owner.id;

    const { key } = (await admin<{ key: string }>('POST', `/accounts/${accountId}/keys`)).body;
    expect((await call(sim, key, 'GET', '/test')).status).toBe(200);
    const { key: rotated } = (await admin<{ key: string }>('POST', '/keys/regenerate', { key })).body;
    expect((await call(sim, key, 'GET', '/test')).status).toBe(401);

    const user = await admin<User>('POST', `/accounts/${accountId}/users`, {
      email: 'andrea@example.com',
      first_name: 'Andrea',
      last_name: 'Hartie',
    });
    expect(user.body).toMatchObject({ object: 'user', role_name: 'Member' });
    expect((await admin('DELETE', `/users/${user.body.id}`)).body).toEqual({ id: user.body.id, deleted: true });
    const page = await admin<{ id: string }>('POST', `/accounts/${accountId}/booking-pages`, {
      name: 'Michael',
      ownerId,
    });
    expect(page.body.id).toMatch(/^BP-/);

    receiver = await startReceiver((_req, i) => (i === 0 ? 500 : 200));
    await call(sim, rotated, 'POST', '/webhooks', {
      name: 'hook',
      url: receiver.url,
      events: ['booking.scheduled', 'booking.canceled'],
    });
    const hooks = await admin<SimWebhook[]>('GET', `/webhooks?accountId=${accountId}`);
    expect(hooks.body).toHaveLength(1);
    expect(hooks.body[0]).toMatchObject({ accountId, secret: expect.stringMatching(/^[0-9a-f]{32}$/) });

    const booking = await admin<Booking>('POST', '/bookings', {
      accountId,
      ownerId,
      startingTime: '2025-04-01T10:00:00Z',
      customer: CUSTOMER,
    });
    expect(booking.body.status).toBe('scheduled');
    const canceled = await admin<Booking>('POST', `/bookings/${booking.body.id}/cancel`, { actionedBy: 'user' });
    expect(canceled.body.cancel_reschedule_information).toEqual({ reason: '', actioned_by: 'user', user_id: ownerId });
    expect((await admin<Booking[]>('GET', `/accounts/${accountId}/bookings`)).body).toHaveLength(1);

    expect((await admin('GET', '/settled')).body).toEqual({ settled: true });
    const deliveries = await admin<DeliveryLogEntry[]>('GET', '/deliveries');
    expect(deliveries.body.map((d) => [d.eventType, d.status])).toEqual([
      ['booking.scheduled', 'acknowledged'],
      ['booking.canceled', 'acknowledged'],
    ]);
    const events = await admin<{ id: string }[]>('GET', '/events');
    const hookId = hooks.body[0]?.id ?? '';
    await admin('POST', '/deliveries/redeliver', { eventId: events.body[0]?.id, webhookId: hookId });
    await admin('GET', '/settled');
    expect(receiver.received).toHaveLength(4);

    await admin('POST', '/faults', { pathRegex: '^/v2/test$', kind: 'status', status: 429 });
    expect((await call(sim, rotated, 'GET', '/test')).status).toBe(429);
    await admin('POST', '/faults', { path: '/test', kind: 'status', status: 500 });
    await admin('DELETE', '/faults');
    expect((await call(sim, rotated, 'GET', '/test')).status).toBe(200);

    const requests = await admin<RequestLogEntry[]>('GET', '/requests');
    expect(requests.body.every((r) => !r.path.startsWith('/_sim'))).toBe(true);
    expect(requests.body.length).toBeGreaterThan(0);
    await admin('DELETE', '/requests');
    expect((await admin<unknown[]>('GET', '/requests')).body).toEqual([]);

    expect((await admin<{ activeKeyCount: number }>('GET', `/accounts/${accountId}`)).body.activeKeyCount).toBe(1);
    await admin('DELETE', '/keys', { key: rotated });
    expect((await call(sim, rotated, 'GET', '/test')).status).toBe(401);
  });

  it('answers misuse with a simulator_error', async () => {
    const missing = await admin<{ type: string; message: string }>('GET', '/accounts/ACT-NOPE');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ type: 'simulator_error', message: "No such account: 'ACT-NOPE'" });
    expect((await admin('POST', '/nope')).status).toBe(404);
    expect((await admin('POST', '/accounts', { product: 'other' })).status).toBe(400);
    const malformed = await fetch(`${sim.adminUrl}/accounts`, { method: 'POST', body: '{' });
    expect(malformed.status).toBe(400);
    await malformed.arrayBuffer();
  });
});
