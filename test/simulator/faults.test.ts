import nock from 'nock';
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

import { startSimulator, type Simulator, type Webhook } from './index';
import { call, seedBookingPagesAccount } from './testing';

const HOOK = { name: 'Zap', url: 'https://hooks.zapier.com/hooks/standard/1/x', events: ['booking.canceled'] };

describe('fault injection', () => {
  let sim: Simulator;
  let key: string;

  beforeEach(async () => {
    sim = await startSimulator({ seed: 5 });
    ({ key } = seedBookingPagesAccount(sim));
  });

  afterEach(async () => {
    await sim.close();
  });

  it("'status' answers with an OnceHub error body, `times` requests in a row", async () => {
    sim.injectFault({ path: '/test', kind: 'status', status: 429, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await call(sim, key, 'GET', '/test');
      expect(res.status).toBe(429);
      expect(res.body).toEqual({ type: 'rate_limit_error', message: 'Request rate limit exceeded' });
      expect(res.headers.get('retry-after')).toBeNull();
      expect(res.headers.get('request-id')).toMatch(/^req_[0-9a-f]{16}$/);
    }
    expect((await call(sim, key, 'GET', '/test')).status).toBe(200);
    expect(sim.requests().map((r) => [r.status, r.fault])).toEqual([
      [429, 'status'],
      [429, 'status'],
      [200, undefined],
    ]);
  });

  it("'status' 5xx is an api_error; Retry-After only when asked for", async () => {
    sim.injectFault({ method: 'get', path: '/webhooks/{id}', kind: 'status', status: 503, retryAfter: 2 });
    const res = await call(sim, key, 'GET', '/webhooks/WHK-ANY');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ type: 'api_error' });
    expect(res.headers.get('retry-after')).toBe('2');
  });

  it('matches method and RegExp paths', async () => {
    sim.injectFault({ method: 'POST', path: /^\/v2\/webhooks$/, kind: 'status', status: 500 });
    expect((await call(sim, key, 'GET', '/webhooks')).status).toBe(200);
    expect((await call(sim, key, 'POST', '/webhooks', HOOK)).status).toBe(500);
    expect(sim.webhookCount()).toBe(0);
    expect((await call(sim, key, 'POST', '/webhooks', HOOK)).status).toBe(200);
  });

  it("'slow' delays the answer; the change is not made if the client gives up first", async () => {
    sim.injectFault({ method: 'POST', path: '/v2/webhooks', kind: 'slow', delayMs: 300 });
    const started = Date.now();
    await expect(
      fetch(`${sim.baseUrl}/webhooks`, {
        method: 'POST',
        headers: { 'API-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify(HOOK),
        signal: AbortSignal.timeout(100),
      }),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sim.webhookCount()).toBe(0);
    sim.injectFault({ path: '/test', kind: 'slow', delayMs: 150 });
    const t0 = Date.now();
    expect((await call(sim, key, 'GET', '/test')).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(Date.now() - started).toBeGreaterThanOrEqual(540);
  });

  it("'slow-after-commit' makes the change, then answers too late for the client", async () => {
    sim.injectFault({ method: 'POST', path: '/webhooks', kind: 'slow-after-commit', delayMs: 5000 });
    await expect(
      fetch(`${sim.baseUrl}/webhooks`, {
        method: 'POST',
        headers: { 'API-Key': key, 'Content-Type': 'application/json' },
        body: JSON.stringify(HOOK),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(sim.webhookCount()).toBe(1);
    // The retry then collides with the webhook the "failed" request created.
    expect((await call(sim, key, 'POST', '/webhooks', HOOK)).status).toBe(409);
  });

  it("'reset' drops the connection before handling", async () => {
    sim.injectFault({ method: 'POST', path: '/webhooks', kind: 'reset' });
    await expect(call(sim, key, 'POST', '/webhooks', HOOK)).rejects.toThrow();
    expect(sim.webhookCount()).toBe(0);
    expect(sim.requests()[0]).toMatchObject({ status: 0, fault: 'reset' });
  });

  it("'reset-after-commit' handles the request, then drops the connection", async () => {
    const created = await call<Webhook>(sim, key, 'POST', '/webhooks', HOOK);
    sim.injectFault({ method: 'DELETE', path: '/webhooks/{id}', kind: 'reset-after-commit' });
    await expect(call(sim, key, 'DELETE', `/webhooks/${created.body.id}`)).rejects.toThrow();
    expect(sim.webhookCount()).toBe(0);
    expect((await call(sim, key, 'DELETE', `/webhooks/${created.body.id}`)).status).toBe(404);
  });

  it("'non-json' answers 502 with an HTML page", async () => {
    sim.injectFault({ path: '/bookings', kind: 'non-json' });
    const res = await fetch(`${sim.baseUrl}/bookings`, { headers: { 'API-Key': key } });
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toBe('text/html');
    const text = await res.text();
    expect(text).toMatch(/^<html>[\s\S]*Bad Gateway[\s\S]*<\/html>\s*$/);
  });

  it('clearFaults disarms everything; close() cuts short a pending slow fault', async () => {
    sim.injectFault({ path: '/test', kind: 'status', status: 500, times: Infinity });
    sim.clearFaults();
    expect((await call(sim, key, 'GET', '/test')).status).toBe(200);
    sim.injectFault({ path: '/test', kind: 'slow', delayMs: 60_000 });
    const pending = call(sim, key, 'GET', '/test');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sim.close();
    await expect(pending).rejects.toThrow();
  });

  it('rejects malformed faults', () => {
    expect(() => sim.injectFault({ path: '/test', kind: 'status' })).toThrow(/status/);
    expect(() => sim.injectFault({ path: 'test', kind: 'reset' })).toThrow(/start with/);
    expect(() => sim.injectFault({ path: '/test', kind: 'reset', times: 0 })).toThrow(/times/);
  });
});
