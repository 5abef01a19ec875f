/**
 * Turning Zaps on and off when things go wrong: retried subscribes, lost answers, webhooks that
 * are already gone, dead keys. OnceHub must never be left with two webhooks for one Zap.
 */
import nock from 'nock';
import { TRIGGERS } from '../src/events';
import { webhookName } from '../src/webhooks';
import { restFixture } from './fixtures';
import { API_KEY, App, auth, dropdowns, hooks, AUTH, appTester, failure, offline, oncehub, resetNetwork } from './support/app';

const TARGET = 'https://hooks.zapier.com/hooks/standard/123/abcdef/';
const row = TRIGGERS.find((r) => r.key === 'booking_scheduled')!;
const NAME = webhookName(row, TARGET);
const subscribe = hooks.booking_scheduled!.operation.performSubscribe;
const unsubscribe = hooks.booking_scheduled!.operation.performUnsubscribe;
const on = { authData: AUTH, targetUrl: TARGET, inputData: {} };
const off = { authData: AUTH, targetUrl: TARGET, subscribeData: { id: 'WHK-7JD9LBVZTQ' } };
const conflict = failure(409, `A webhook subscription with this name already exists: '${NAME}'`, 'invalid_request_error', 'name');
const existing = { object: 'webhook', id: 'WHK-EXISTING01', api_version: 'v2', name: NAME, url: TARGET, events: ['booking.scheduled'], creation_time: '2026-01-01T00:00:00.000Z' };
const list = (data: object[], has_more = false) => ({ object: 'list', data, has_more });

beforeAll(() => offline());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  resetNetwork();
  delete process.env.ONCEHUB_TIMEOUT_MS;
});

describe('turning a Zap on', () => {
  it('reuses the webhook an earlier attempt created (409), so OnceHub keeps one', async () => {
    oncehub().post('/v2/webhooks').reply(...conflict);
    oncehub()
      .get('/v2/webhooks')
      .query({ limit: 100 })
      .reply(200, list([{ ...existing, secret: 'abc123abc123abc123abc123abc123ab' }]));
    await expect(appTester(subscribe, on)).resolves.toEqual({
      id: 'WHK-EXISTING01',
      name: NAME,
      events: ['booking.scheduled'],
      secret: 'abc123abc123abc123abc123abc123ab',
    });
  });

  it('replaces it when OnceHub does not return its secret on read (unconfirmed either way), so signatures stay checked', async () => {
    const created = restFixture('webhook.created');
    oncehub().post('/v2/webhooks').reply(...conflict);
    oncehub().get('/v2/webhooks').query({ limit: 100 }).reply(200, list([existing]));
    oncehub().delete('/v2/webhooks/WHK-EXISTING01').reply(200, { id: 'WHK-EXISTING01', deleted: true });
    oncehub().post('/v2/webhooks', { name: NAME, url: TARGET, events: ['booking.scheduled'] }).reply(200, created);
    await expect(appTester(subscribe, on)).resolves.toMatchObject({ id: created.id, secret: created.secret });
  });

  it('replaces it when it subscribes to other events than this Zap wants', async () => {
    const created = restFixture('webhook.created');
    oncehub().post('/v2/webhooks').reply(...conflict);
    oncehub()
      .get('/v2/webhooks')
      .query({ limit: 100 })
      .reply(200, list([{ ...existing, events: ['booking.canceled'], secret: 'a'.repeat(32) }]));
    oncehub().delete('/v2/webhooks/WHK-EXISTING01').reply(404, { type: 'invalid_request_error', message: "No such webhook: 'WHK-EXISTING01'", param: 'id' });
    oncehub().post('/v2/webhooks', { name: NAME, url: TARGET, events: ['booking.scheduled'] }).reply(200, created);
    await expect(appTester(subscribe, on)).resolves.toMatchObject({ id: created.id, events: created.events });
  });

  it('stops following a webhook list whose cursor repeats', async () => {
    const other = { ...existing, id: 'WHK-OTHER0', name: 'Other' };
    oncehub().post('/v2/webhooks').reply(...conflict);
    oncehub().get('/v2/webhooks').query({ limit: 100 }).reply(200, list([other], true));
    oncehub().get('/v2/webhooks').query({ limit: 100, after: 'WHK-OTHER0' }).reply(200, list([other], true));
    oncehub().post('/v2/webhooks').reply(200, restFixture('webhook.created'));
    await expect(appTester(subscribe, on)).resolves.toMatchObject({ id: restFixture('webhook.created').id });
  });

  it('pages through the account’s webhooks to find it', async () => {
    const others = Array.from({ length: 3 }, (_, i) => ({ ...existing, id: `WHK-OTHER${i}`, name: `Other ${i}` }));
    oncehub().post('/v2/webhooks').reply(...conflict);
    oncehub().get('/v2/webhooks').query({ limit: 100 }).reply(200, list(others, true));
    oncehub().get('/v2/webhooks').query({ limit: 100, after: 'WHK-OTHER2' }).reply(200, list([{ ...existing, secret: 's'.repeat(32) }]));
    await expect(appTester(subscribe, on)).resolves.toMatchObject({ id: 'WHK-EXISTING01' });
  });

  it('survives a lost answer: the retry after a timeout finds the webhook OnceHub did create', async () => {
    process.env.ONCEHUB_TIMEOUT_MS = '100';
    oncehub().post('/v2/webhooks').delay(400).reply(200, { ...existing, secret: 's'.repeat(32) });
    await expect(appTester(subscribe, on)).rejects.toThrow(/did not answer in time while turning the Zap on.*can be retried/);
    await new Promise((resolve) => setTimeout(resolve, 400));

    oncehub().post('/v2/webhooks').reply(...conflict);
    oncehub().get('/v2/webhooks').query({ limit: 100 }).reply(200, list([{ ...existing, secret: 's'.repeat(32) }]));
    await expect(appTester(subscribe, on)).resolves.toMatchObject({ id: 'WHK-EXISTING01' });
  });

  it('creates it again when the conflicting webhook vanished before it could be read', async () => {
    oncehub().post('/v2/webhooks').reply(...conflict);
    oncehub().get('/v2/webhooks').query({ limit: 100 }).reply(200, list([]));
    oncehub().post('/v2/webhooks').reply(200, restFixture('webhook.created'));
    await expect(appTester(subscribe, on)).resolves.toMatchObject({ id: restFixture('webhook.created').id });
  });

  it('halts with advice when the name belongs to a webhook for another address', async () => {
    oncehub().post('/v2/webhooks').reply(...conflict);
    oncehub().get('/v2/webhooks').query({ limit: 100 }).reply(200, list([{ ...existing, url: 'https://example.com/other' }]));
    const error = (await appTester(subscribe, on).catch((e: Error) => e)) as Error;
    expect(error.name).toBe('HaltedError');
    expect(error.message).toMatch(/already exists for another address/);
  });

  it.each(['http://hooks.zapier.com/x', 'not a url', ''])('refuses a non-HTTPS target URL %p before calling OnceHub', async (targetUrl) => {
    await expect(appTester(subscribe, { ...on, targetUrl })).rejects.toThrow(/not HTTPS/);
  });

  it.each([
    [429, 'ThrottledError'],
    [500, 'AppError'],
    [503, 'AppError'],
  ])('a %i leaves nothing half-done and can be retried', async (status, name) => {
    oncehub().post('/v2/webhooks').reply(...failure(status, 'busy', status === 429 ? 'rate_limit_error' : 'api_error'));
    const error = (await appTester(subscribe, on).catch((e: Error) => e)) as Error;
    expect(error.name).toBe(name);
  });

  it('a dead key asks the user to reconnect', async () => {
    oncehub().post('/v2/webhooks').reply(...failure(401, 'Invalid API key.', 'authentication_error'));
    await expect(appTester(subscribe, on)).rejects.toMatchObject({ name: 'ExpiredAuthError' });
  });
});

describe('turning a Zap off', () => {
  it('is still a success when retried after it succeeded', async () => {
    oncehub().delete('/v2/webhooks/WHK-7JD9LBVZTQ').reply(200, restFixture('deleted'));
    oncehub().delete('/v2/webhooks/WHK-7JD9LBVZTQ').reply(...failure(404, "No such webhook: 'WHK-7JD9LBVZTQ'", 'invalid_request_error', 'id'));
    await expect(appTester(unsubscribe, off)).resolves.toMatchObject({ deleted: true });
    await expect(appTester(unsubscribe, off)).resolves.toMatchObject({ deleted: true, note: 'already gone' });
  });

  it('uses the connection’s current key, so a webhook made under a regenerated key is deleted after reconnecting', async () => {
    const newKey = 'ohk_after_reconnect_0001';
    oncehub(newKey).delete('/v2/webhooks/WHK-7JD9LBVZTQ').reply(200, restFixture('deleted'));
    await expect(appTester(unsubscribe, { ...off, authData: { ...AUTH, apiKey: newKey } })).resolves.toMatchObject({ deleted: true });
  });

  it('with a dead key, says the Zap is off, why the webhook stays, and what OnceHub does with it', async () => {
    oncehub()
      .delete('/v2/webhooks/WHK-7JD9LBVZTQ')
      .reply(...failure(401, 'Expired API key. The key has been revoked by the account owner.', 'authentication_error'));
    const error = (await appTester(unsubscribe, off).catch((e: Error) => e)) as Error;
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/Reconnect OnceHub in Zapier/);
    expect(error.message).toMatch(/The Zap is off, but its OnceHub webhook WHK-7JD9LBVZTQ could not be deleted/);
    expect(error.message).toMatch(/410 Gone/);
    expect(error.message).toContain('req_401abcdef012345');
    expect(error.message).not.toContain(API_KEY);
  });

  it('has nothing to delete when no webhook was recorded', async () => {
    await expect(appTester(unsubscribe, { authData: AUTH, subscribeData: { id: '' } })).resolves.toMatchObject({ deleted: false });
  });

  it.each([
    [429, 'ThrottledError'],
    [500, 'AppError'],
  ])('a %i is a retryable error', async (status, name) => {
    oncehub().delete('/v2/webhooks/WHK-7JD9LBVZTQ').reply(...failure(status, 'busy', status === 429 ? 'rate_limit_error' : 'api_error'));
    await expect(appTester(unsubscribe, off)).rejects.toMatchObject({ name });
  });
});
