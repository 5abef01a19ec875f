import nock from 'nock';
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

import { startSimulator, type Simulator } from './index';
import { call, seedBookingPagesAccount } from './testing';

describe('authentication', () => {
  let sim: Simulator;

  beforeEach(async () => {
    sim = await startSimulator({ seed: 1 });
  });

  afterEach(async () => {
    await sim.close();
  });

  it('GET /test names the account owner email', async () => {
    const { key } = seedBookingPagesAccount(sim);
    const res = await call(sim, key, 'GET', '/test');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ message: 'The API key is valid for account: michael@example.com' });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('request-id')).toMatch(/^req_[0-9a-f]{16}$/);
  });

  it('accepts the header name in any case', async () => {
    const { key } = seedBookingPagesAccount(sim);
    for (const name of ['api-key', 'API-KEY', 'Api-Key']) {
      const res = await fetch(`${sim.baseUrl}/test`, { headers: { [name]: key } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  });

  it('401 Invalid API key for a missing or unknown key', async () => {
    seedBookingPagesAccount(sim);
    for (const key of [undefined, 'nope', '']) {
      const res = await call(sim, key, 'GET', '/test');
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ type: 'authentication_error', message: 'Invalid API key.' });
      expect(res.headers.get('request-id')).toMatch(/^req_[0-9a-f]{16}$/);
    }
  });

  it('a regenerated key expires at once and the new one works', async () => {
    const { key } = seedBookingPagesAccount(sim);
    const fresh = sim.regenerateApiKey(key);
    expect(fresh).toMatch(/^[0-9A-Za-z]{40}$/);
    expect(fresh).not.toBe(key);
    const old = await call(sim, key, 'GET', '/test');
    expect(old.status).toBe(401);
    expect(old.body).toEqual({
      type: 'authentication_error',
      message: 'Expired API key. The key has been revoked by the account owner.',
    });
    expect((await call(sim, fresh, 'GET', '/test')).status).toBe(200);
  });

  it('a deleted key is rejected as expired; other keys of the account keep working', async () => {
    const { accountId, key } = seedBookingPagesAccount(sim);
    const second = sim.createApiKey(accountId);
    sim.deleteApiKey(key);
    const res = await call(sim, key, 'GET', '/users');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ message: 'Expired API key. The key has been revoked by the account owner.' });
    expect((await call(sim, second, 'GET', '/users')).status).toBe(200);
    expect(() => sim.deleteApiKey(key)).toThrow(/No such active API key/);
  });

  it('403 when the plan has no API access', async () => {
    const { accountId } = sim.createAccount({
      product: 'booking_calendars',
      owner: { email: 'dana@example.com', first_name: 'Dana', last_name: 'Ng' },
      apiAccess: false,
    });
    const res = await call(sim, sim.createApiKey(accountId), 'GET', '/test');
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      type: 'authentication_error',
      message:
        'Your account plan does not support API access. To use the OnceHub API, you must upgrade to the Enterprise plan.',
    });
  });

  it('caps an account at 25 active keys', () => {
    const { accountId } = seedBookingPagesAccount(sim);
    for (let i = 1; i < 25; i++) sim.createApiKey(accountId);
    expect(sim.account(accountId).activeKeyCount).toBe(25);
    expect(() => sim.createApiKey(accountId)).toThrow(/at most 25/);
  });

  it('scopes everything to the key’s account', async () => {
    const a = seedBookingPagesAccount(sim, 'a@example.com');
    const b = seedBookingPagesAccount(sim, 'b@example.com');
    const created = await call<{ id: string }>(sim, a.key, 'POST', '/webhooks', {
      name: 'A hook',
      url: 'https://example.com/a',
      events: ['booking.scheduled'],
    });
    expect((await call(sim, b.key, 'GET', `/webhooks/${created.body.id}`)).status).toBe(404);
    expect((await call(sim, b.key, 'GET', `/users/${a.ownerId}`)).status).toBe(404);
    expect((await call(sim, b.key, 'GET', '/test')).body).toEqual({
      message: 'The API key is valid for account: b@example.com',
    });
  });

  it('logs requests without the key', async () => {
    const { key, accountId } = seedBookingPagesAccount(sim);
    await call(sim, key, 'GET', '/users?email=x%40y.z');
    await call(sim, undefined, 'GET', '/test');
    const [first, second] = sim.requests();
    expect(first).toMatchObject({
      method: 'GET',
      path: '/v2/users',
      query: { email: 'x@y.z' },
      hadApiKey: true,
      accountId,
      status: 200,
    });
    expect(first?.requestId).toMatch(/^req_[0-9a-f]{16}$/);
    expect(second).toMatchObject({ hadApiKey: false, status: 401 });
    expect(second?.accountId).toBeUndefined();
    expect(JSON.stringify(sim.requests())).not.toContain(key);
    sim.resetRequests();
    expect(sim.requests()).toEqual([]);
  });
});
