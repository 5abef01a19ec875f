/**
 * Every way OnceHub can answer, seen through a real operation (loading a dropdown, turning a
 * Zap on): the right Zapier error class, OnceHub's words and Request-Id kept, the key never shown.
 */
import nock from 'nock';
import { retryAfterSeconds } from '../src/errors';
import { API, API_KEY, auth, AUTH, dropdowns, hooks, appTester, failure, offline, oncehub, resetNetwork } from './support/app';

const listPages = dropdowns.list_booking_pages.operation.perform;
const subscribe = hooks.booking_scheduled!.operation.performSubscribe;
const bundle = { authData: AUTH, meta: { page: 0 } };

beforeAll(() => offline());
afterEach(() => {
  resetNetwork();
  delete process.env.ONCEHUB_TIMEOUT_MS;
  delete process.env.ONCEHUB_API_BASE_URL;
});

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!(outcome instanceof Error)) throw new Error('expected the operation to fail');
  expect(outcome.message).not.toContain(API_KEY);
  expect(outcome.stack ?? '').not.toContain(API_KEY);
  return outcome;
}

describe('OnceHub error statuses', () => {
  it.each([
    ['Invalid API key.'],
    ['Expired API key. The key has been revoked by the account owner.'],
  ])('a 401 (%s) outside the connection test asks the user to reconnect', async (message) => {
    oncehub().get('/v2/booking-pages').query(true).reply(...failure(401, message, 'authentication_error'));
    const error = await failureOf(appTester(listPages, bundle));
    expect(error.name).toBe('ExpiredAuthError');
    expect(error.message).toMatch(/regenerated or deleted in OnceHub/);
    expect(error.message).toMatch(/Reconnect OnceHub in Zapier/);
    expect(error.message).toContain(message);
    expect(error.message).toContain('Request-Id: req_401abcdef012345');
  });

  it('a 403 names the plan problem', async () => {
    oncehub()
      .get('/v2/booking-pages')
      .query(true)
      .reply(...failure(403, 'Your account plan does not support API access.', 'authentication_error'));
    const error = await failureOf(appTester(listPages, bundle));
    expect(error.name).toBe('AppError');
    expect(error.message).toMatch(/plan does not include API access/);
    expect(error.message).toContain('HTTP 403');
  });

  it.each([
    [400, 'Out of range value: 500. Please provide a number between 1 and 100.', 'limit'],
    [404, "No such booking: '123'", 'id'],
    [409, "A webhook subscription with this name already exists: 'x'", 'name'],
    [422, 'Paid bookings cannot be canceled through this endpoint', undefined],
  ])('a %i caused by the request halts with OnceHub’s words', async (status, message, param) => {
    oncehub().get('/v2/booking-pages').query(true).reply(...failure(status, message, 'invalid_request_error', param));
    const error = await failureOf(appTester(listPages, bundle));
    expect(error.name).toBe('HaltedError');
    expect(error.message).toContain(`OnceHub said: "${message}"`);
    if (param) expect(error.message).toContain(`(param: ${param})`);
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.message).toContain(`req_${status}abcdef012345`);
  });

  it('a 429 is throttled, honouring Retry-After when OnceHub sends it', async () => {
    oncehub()
      .get('/v2/booking-pages')
      .query(true)
      .reply(429, { type: 'rate_limit_error', message: 'Request rate limit exceeded' }, { 'Request-Id': 'req_429', 'Retry-After': '7' });
    const error = await failureOf(appTester(listPages, bundle));
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message)).toMatchObject({ delay: 7 });
    expect(error.message).toContain('Request rate limit exceeded');
    expect(error.message).toContain('req_429');
  });

  it('a 429 without Retry-After (OnceHub documents none) leaves the delay to Zapier', async () => {
    oncehub().get('/v2/booking-pages').query(true).reply(...failure(429, 'Request rate limit exceeded', 'rate_limit_error'));
    const error = await failureOf(appTester(listPages, bundle));
    expect(error.name).toBe('ThrottledError');
    expect(JSON.parse(error.message).delay).toBeUndefined();
  });

  it.each([500, 502, 503])('a %i says OnceHub failed and the step can be retried', async (status) => {
    oncehub().get('/v2/booking-pages').query(true).reply(...failure(status, 'Internal error', 'api_error'));
    const error = await failureOf(appTester(listPages, bundle));
    expect(error.name).toBe('AppError');
    expect(JSON.parse(error.message)).toMatchObject({ code: 'OnceHubUnavailable', status });
    expect(error.message).toMatch(/can be retried/);
    expect(error.message).not.toMatch(/Something went wrong/i);
  });

  it('an undocumented 4xx is reported with its status, not swallowed', async () => {
    oncehub().get('/v2/booking-pages').query(true).reply(...failure(402, 'Payment required', 'invalid_request_error'));
    const error = await failureOf(appTester(listPages, bundle));
    expect(JSON.parse(error.message)).toMatchObject({ code: 'OnceHubUnexpectedStatus', status: 402 });
  });

  it('an HTML error page from a proxy is described, not parsed', async () => {
    oncehub().get('/v2/booking-pages').query(true).reply(502, '<html><body>Bad Gateway</body></html>', { 'Content-Type': 'text/html' });
    const error = await failureOf(appTester(listPages, bundle));
    expect(error.message).toContain('non-JSON answer');
    expect(error.message).toContain('HTTP 502');
  });

  it('a 200 whose body is not JSON is an unreadable answer, not a crash', async () => {
    oncehub().get('/v2/booking-pages').query(true).reply(200, 'OK', { 'Content-Type': 'text/plain' });
    const error = await failureOf(appTester(listPages, bundle));
    expect(JSON.parse(error.message)).toMatchObject({ code: 'OnceHubUnreadableAnswer' });
  });

  it('a 200 list without its envelope is an unreadable answer', async () => {
    oncehub().get('/v2/booking-pages').query(true).reply(200, { unexpected: true });
    const error = await failureOf(appTester(listPages, bundle));
    expect(error.message).toContain('unexpected shape');
  });

  it('errors while turning a Zap on say so', async () => {
    oncehub().post('/v2/webhooks').reply(...failure(500, 'Internal error', 'api_error'));
    const error = await failureOf(appTester(subscribe, { ...bundle, targetUrl: 'https://hooks.zapier.com/hooks/standard/1/abc/' }));
    expect(error.message).toContain('while turning the Zap on');
  });
});

describe('transport failures', () => {
  it('a timeout says OnceHub did not answer in time and can be retried', async () => {
    process.env.ONCEHUB_TIMEOUT_MS = '100';
    oncehub().get('/v2/booking-pages').query(true).delay(500).reply(200, { object: 'list', data: [], has_more: false });
    const error = await failureOf(appTester(listPages, bundle));
    expect(JSON.parse(error.message)).toMatchObject({ code: 'OnceHubUnreachable' });
    expect(error.message).toMatch(/did not answer in time while loading your booking pages/);
    expect(error.message).not.toContain('api.oncehub.com');
  });

  it('a reset connection says it was cut off and can be retried', async () => {
    oncehub().get('/v2/booking-pages').query(true).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const error = await failureOf(appTester(listPages, bundle));
    expect(error.message).toMatch(/cut off before it answered/);
    expect(error.message).toMatch(/can be retried/);
  });
});

describe('where the key may go', () => {
  it('refuses a plain-HTTP API address that is not loopback, sending nothing', async () => {
    process.env.ONCEHUB_API_BASE_URL = 'http://api.oncehub.com/v2';
    const scope = nock('http://api.oncehub.com').get(/.*/).reply(200, {});
    const error = await failureOf(appTester(listPages, bundle));
    expect(error.message).toMatch(/must use HTTPS/);
    expect(scope.isDone()).toBe(false);
  });

  it('sends the key to a loopback simulator over plain HTTP', async () => {
    process.env.ONCEHUB_API_BASE_URL = 'http://127.0.0.1:4010/v2/';
    offline({ loopback: true });
    const scope = nock('http://127.0.0.1:4010', { reqheaders: { 'api-key': API_KEY } })
      .get('/v2/booking-pages')
      .query(true)
      .reply(200, { object: 'list', data: [{ id: 'BP-1', name: 'Demo' }], has_more: false });
    await expect(appTester(listPages, bundle)).resolves.toEqual([{ id: 'BP-1', name: 'Demo' }]);
    expect(scope.isDone()).toBe(true);
    offline();
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterSeconds('12')).toBe(12);
    expect(retryAfterSeconds('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(undefined)).toBeUndefined();
  });
});

it('only talks to OnceHub’s documented API host by default', () => {
  expect(API).toBe('https://api.oncehub.com');
});

describe('redirects', () => {
  it('never follows one, so the key cannot travel to another host or over plain HTTP', async () => {
    oncehub().get('/v2/booking-pages').query(true).reply(302, '', { Location: 'http://evil.example.net/steal', 'Request-Id': 'req_302' });
    const stolen = nock('http://evil.example.net').get('/steal').reply(200, { object: 'list', data: [], has_more: false });
    const error = await failureOf(appTester(listPages, bundle));
    expect(stolen.isDone()).toBe(false);
    expect(JSON.parse(error.message)).toMatchObject({ code: 'OnceHubUnexpectedStatus', status: 302 });
    expect(error.message).toContain('req_302');
    nock.cleanAll();
  });
});
