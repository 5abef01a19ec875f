import nock from 'nock';
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startSimulator, WEBHOOK_EVENT_TYPES, type Simulator, type Webhook } from './index';
import { call, seedBookingPagesAccount, testClock } from './testing';

const HOOK = {
  name: 'New bookings',
  url: 'https://hooks.zapier.com/hooks/standard/1/abc',
  events: ['booking.scheduled'],
};

describe('webhook subscriptions', () => {
  let sim: Simulator;
  let key: string;
  let accountId: string;

  beforeEach(async () => {
    sim = await startSimulator({ seed: 7, now: testClock().now });
    ({ key, accountId } = seedBookingPagesAccount(sim));
  });

  afterEach(async () => {
    await sim.close();
  });

  it('knows exactly the spec’s webhook event types', () => {
    const spec = JSON.parse(readFileSync(path.join(__dirname, '..', 'spec', 'oncehub-api.json'), 'utf8')) as {
      webhooks: Record<string, unknown>;
    };
    expect([...WEBHOOK_EVENT_TYPES].sort()).toEqual(Object.keys(spec.webhooks).sort());
  });

  it('creates (200), reads, lists and deletes a webhook', async () => {
    const created = await call<Webhook>(sim, key, 'POST', '/webhooks', HOOK);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      object: 'webhook',
      id: expect.stringMatching(/^WHK-[A-Z0-9]{10}$/),
      api_version: 'v2',
      name: HOOK.name,
      url: HOOK.url,
      events: HOOK.events,
      creation_time: '2025-01-01T09:00:00.000Z',
      secret: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const { id, secret } = created.body;
    expect(sim.webhooks(accountId)).toEqual([{ ...created.body, accountId }]);

    const read = await call<Webhook>(sim, key, 'GET', `/webhooks/${id}`);
    expect(read.body).toEqual(created.body);
    expect(read.body.secret).toBe(secret);

    const list = await call(sim, key, 'GET', '/webhooks');
    expect(list.body).toEqual({ object: 'list', data: [created.body], has_more: false });
    expect(list.headers.get('link')).toBeNull();

    const deleted = await call(sim, key, 'DELETE', `/webhooks/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id, deleted: true });
    expect(sim.webhookCount(accountId)).toBe(0);

    const again = await call(sim, key, 'DELETE', `/webhooks/${id}`);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ type: 'invalid_request_error', message: `No such webhook: '${id}'`, param: 'id' });
    expect((await call(sim, key, 'GET', `/webhooks/${id}`)).status).toBe(404);
  });

  it('404 for an unknown id', async () => {
    const res = await call(sim, key, 'GET', '/webhooks/WHK-NOPE');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ type: 'invalid_request_error', message: "No such webhook: 'WHK-NOPE'", param: 'id' });
    expect((await call(sim, key, 'DELETE', '/webhooks/WHK-NOPE')).status).toBe(404);
  });

  it('409 on a duplicate name within the account, fine in another account', async () => {
    expect((await call(sim, key, 'POST', '/webhooks', HOOK)).status).toBe(200);
    const dup = await call(sim, key, 'POST', '/webhooks', { ...HOOK, url: 'https://example.com/other' });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({
      type: 'invalid_request_error',
      message: "A webhook subscription with this name already exists: 'New bookings'",
      param: 'name',
    });
    const other = seedBookingPagesAccount(sim, 'other@example.com');
    expect((await call(sim, other.key, 'POST', '/webhooks', HOOK)).status).toBe(200);
  });

  it('requires https, except loopback http receivers', async () => {
    for (const url of ['http://example.com/hook', 'ftp://example.com', 'hooks.zapier.com/x', 'https://']) {
      const res = await call(sim, key, 'POST', '/webhooks', { ...HOOK, name: url, url });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: 'invalid_request_error', param: 'url' });
    }
    const loopback = ['http://127.0.0.1:5000/hook', 'http://localhost:5000/hook', 'http://[::1]:5000/hook'];
    for (const url of loopback) {
      expect((await call(sim, key, 'POST', '/webhooks', { ...HOOK, name: url, url })).status).toBe(200);
    }
  });

  it('400 for missing fields, bad events and unknown fields', async () => {
    const cases: [unknown, string][] = [
      [{ url: HOOK.url, events: HOOK.events }, 'name'],
      [{ name: 'x', events: HOOK.events }, 'url'],
      [{ name: 'x', url: HOOK.url }, 'events'],
      [{ ...HOOK, events: [] }, 'events'],
      [{ ...HOOK, events: ['booking.created'] }, 'events'],
      [{ ...HOOK, events: 'booking.scheduled' }, 'events'],
      [{ ...HOOK, secret: 'mine' }, 'secret'],
      [undefined, 'name'],
    ];
    for (const [body, param] of cases) {
      const res = await call(sim, key, 'POST', '/webhooks', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: 'invalid_request_error', param });
    }
    expect(sim.webhookCount()).toBe(0);
  });

  it('400 for malformed JSON', async () => {
    const res = await call(sim, key, 'POST', '/webhooks', '{"name": ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ type: 'invalid_request_error', message: 'Invalid JSON in request body.' });
  });

  it('accepts every spec event type, including conversation ones', async () => {
    const res = await call<Webhook>(sim, key, 'POST', '/webhooks', { ...HOOK, events: [...WEBHOOK_EVENT_TYPES] });
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([...WEBHOOK_EVENT_TYPES]);
  });

  it('lists newest first with cursor paging', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await call<Webhook>(sim, key, 'POST', '/webhooks', { ...HOOK, name: `hook ${i}` })).body.id);
    }
    const first = await call<{ data: Webhook[]; has_more: boolean }>(sim, key, 'GET', '/webhooks?limit=2');
    expect(first.body.data.map((w) => w.id)).toEqual([ids[2], ids[1]]);
    expect(first.body.has_more).toBe(true);
    const second = await call<{ data: Webhook[]; has_more: boolean }>(
      sim,
      key,
      'GET',
      `/webhooks?limit=2&after=${ids[1]}`,
    );
    expect(second.body.data.map((w) => w.id)).toEqual([ids[0]]);
    expect(second.body.has_more).toBe(false);
  });
});

describe('secretOnRead: false', () => {
  let sim: Simulator;

  afterEach(async () => {
    await sim.close();
  });

  it('shows the secret on create only', async () => {
    sim = await startSimulator({ secretOnRead: false });
    const { key, accountId } = seedBookingPagesAccount(sim);
    const created = await call<Webhook>(sim, key, 'POST', '/webhooks', HOOK);
    expect(created.body.secret).toMatch(/^[0-9a-f]{32}$/);
    const read = await call<Webhook>(sim, key, 'GET', `/webhooks/${created.body.id}`);
    expect(read.body).not.toHaveProperty('secret');
    const list = await call<{ data: Webhook[] }>(sim, key, 'GET', '/webhooks');
    expect(list.body.data[0]).not.toHaveProperty('secret');
    // Inspection always has it, so tests can verify signatures.
    expect(sim.webhooks(accountId)[0]?.secret).toBe(created.body.secret);
  });
});
