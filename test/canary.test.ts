/**
 * The API key never shows up where a user, Zapier support or a log reader could see it. A
 * distinctive canary key is used for every operation with core's stdout logging switched on
 * (console lines and detailed HTTP logs); everything printed, every result and every error
 * message and stack is collected and searched for it. Each request must still carry the canary
 * in its API-Key header (nock's reqheaders), so the key really was in play.
 */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import type { Bundle } from 'zapier-platform-core';
import authentication, { type ConnectedAccount } from '../src/authentication';
import { errorFixture, expandedEventFixture, restFixture } from './fixtures';
import { App, appTester, offline, oncehub, resetNetwork } from './support/app';

const CANARY = 'ohk_CANARY_7d1f0e9b2c4a';
/** The random tail alone, in case something prints a shortened or re-cased key. */
const CANARY_TAIL = '7d1f0e9b2c4a';
const LOGIN = 'andrea.hartie@example.com';
const AUTH = { apiKey: CANARY, loginId: LOGIN };
const SECRET = 'd7686b8c83f04913929079aeae40189e';
const TARGET = 'https://hooks.zapier.com/hooks/standard/1234567/0a1b2c3d4e5f4a6b8c9d0e1f2a3b4c5d/';
const WEBHOOK = { id: 'WHK-7JD9LBVZTQ', name: 'Zapier Booking Scheduled 0123456789abcdef', events: ['booking.scheduled'], secret: SECRET };

const captured: string[] = [];
const keyHeaders: unknown[] = [];
const unmatched: string[] = [];
const onNoMatch = (req: { method?: string; path?: string }): void => {
  unmatched.push(`${req.method ?? '?'} ${req.path ?? '?'}`);
};
let spies: jest.SpyInstance[] = [];

const saved = { log: process.env.LOG_TO_STDOUT, detailed: process.env.DETAILED_LOG_TO_STDOUT };

beforeAll(() => {
  // Read by core's app tester on every call: console and HTTP logs go to console.log.
  process.env.LOG_TO_STDOUT = '1';
  process.env.DETAILED_LOG_TO_STDOUT = '1';
  offline();
  nock.emitter.on('no match', onNoMatch);
});

afterAll(() => {
  nock.emitter.removeListener('no match', onNoMatch);
  for (const [name, value] of [
    ['LOG_TO_STDOUT', saved.log],
    ['DETAILED_LOG_TO_STDOUT', saved.detailed],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

beforeEach(() => {
  captured.length = 0;
  keyHeaders.length = 0;
  unmatched.length = 0;
  const record = (...args: unknown[]): void => {
    captured.push(args.map((arg) => (typeof arg === 'string' ? arg : arg instanceof Error ? `${arg.message}\n${arg.stack ?? ''}` : safeJson(arg))).join(' '));
  };
  const write = ((chunk: unknown): boolean => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk));
    return true;
  }) as typeof process.stdout.write;
  spies = [
    jest.spyOn(console, 'log').mockImplementation(record),
    jest.spyOn(console, 'error').mockImplementation(record),
    jest.spyOn(console, 'warn').mockImplementation(record),
    jest.spyOn(console, 'info').mockImplementation(record),
    jest.spyOn(console, 'debug').mockImplementation(record),
    jest.spyOn(process.stdout, 'write').mockImplementation(write),
    jest.spyOn(process.stderr, 'write').mockImplementation(write),
  ];
});

afterEach(() => {
  for (const spy of spies) spy.mockRestore();
  delete process.env.ONCEHUB_TIMEOUT_MS;
  // Reset before asserting, so one failing test leaves no interceptors behind for the next.
  const pending = nock.pendingMocks();
  const refused = [...unmatched];
  resetNetwork();
  expect(refused).toEqual([]);
  expect(pending).toEqual([]);
});

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A OnceHub API scope that only answers requests carrying the canary, and records the header. */
function api(): nock.Scope {
  const scope = oncehub(CANARY);
  scope.on('request', (req: { headers: Record<string, unknown> }) => keyHeaders.push(req.headers['api-key']));
  return scope;
}

/** Runs an operation; returns everything a person could read from it: logs, result or error. */
async function observe(run: () => Promise<unknown>): Promise<{ text: string; failed: boolean }> {
  let failed = false;
  try {
    captured.push(safeJson(await run()));
  } catch (error) {
    failed = true;
    captured.push(error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : safeJson(error));
  }
  return { text: captured.join('\n'), failed };
}

function expectNoCanary(text: string, shows: (string | RegExp)[]): void {
  expect(text.trim()).not.toBe('');
  for (const marker of shows) expect(text).toMatch(marker);
  expect(text).not.toContain(CANARY);
  expect(text).not.toContain(CANARY_TAIL);
}

function expectKeySent(requests: number): void {
  expect(keyHeaders).toHaveLength(requests);
  for (const header of keyHeaders) expect(header).toBe(CANARY);
}

function hook(key: string) {
  const operation = App.triggers?.[key]?.operation;
  if (!operation || operation.type !== 'hook') throw new Error(`${key} is not a hook trigger`);
  const { perform, performList, performSubscribe, performUnsubscribe } = operation;
  if (typeof performList !== 'function' || typeof performSubscribe !== 'function' || typeof performUnsubscribe !== 'function') {
    throw new Error(`${key} lacks a hook operation function`);
  }
  return { perform, performList, performSubscribe, performUnsubscribe };
}

function dropdown(key: string) {
  const operation = App.triggers?.[key]?.operation;
  const perform = operation?.type === 'polling' ? operation.perform : undefined;
  if (typeof perform !== 'function') throw new Error(`${key} is not a polling trigger with a perform function`);
  return perform;
}

const scheduled = hook('booking_scheduled');

it('the collector would catch a key that reached a log line or an error', async () => {
  // An ad-hoc step (not app code) that leaks on purpose, to prove the checks below can fail.
  const { text, failed } = await observe(() =>
    appTester(
      async (z) => {
        z.console.log(`debug: ${String(z.JSON.stringify({ key: CANARY }))}`);
        throw new Error(`leaked ${CANARY_TAIL}`);
      },
      { authData: AUTH },
    ),
  );
  expect(failed).toBe(true);
  expect(text).toContain(CANARY);
  expect(text.split(CANARY_TAIL).length).toBeGreaterThan(2);
});

describe('connecting an account', () => {
  it('a successful connection test and its label never show the key', async () => {
    api().get('/v2/test').reply(200, restFixture('test.ok'));
    api().get('/v2/users').query({ email: LOGIN }).reply(200, restFixture('users'));
    let account: ConnectedAccount | undefined;
    const { text, failed } = await observe(async () => {
      account = await appTester(authentication.test, { authData: AUTH });
      return { account, label: account.connection_label };
    });
    expect(failed).toBe(false);
    expect(account?.email).toBe(LOGIN);
    expectNoCanary(text, ['GET https://api.oncehub.com/v2/test', 'Andrea Hartie (andrea.hartie@example.com)']);
    expectKeySent(2);
  });

  it('a key OnceHub rejects is reported without showing it', async () => {
    api().get('/v2/test').reply(401, errorFixture('401.invalid'), { 'Request-Id': 'req_401canary' });
    const { text, failed } = await observe(() => appTester(authentication.test, { authData: AUTH }));
    expect(failed).toBe(true);
    expectNoCanary(text, ['did not accept this API key', 'Invalid API key.', 'req_401canary']);
    expectKeySent(1);
  });

  it('a malformed Login ID is reported before anything is sent, without showing the key', async () => {
    const { text, failed } = await observe(() => appTester(authentication.test, { authData: { apiKey: CANARY, loginId: 'andrea' } }));
    expect(failed).toBe(true);
    expectNoCanary(text, ['neither an email address nor an Account ID']);
    expectKeySent(0);
  });

  it('a key pasted with a line break inside is reported without echoing it', async () => {
    const broken = `${CANARY.slice(0, 11)}\n${CANARY.slice(11)}`;
    const { text, failed } = await observe(() => appTester(authentication.test, { authData: { apiKey: broken, loginId: LOGIN } }));
    expect(failed).toBe(true);
    expectNoCanary(text, ['contains spaces']);
    expect(text).not.toContain(CANARY.slice(11));
    expectKeySent(0);
  });
});

describe('turning a Zap on and off', () => {
  it('creating the webhook never shows the key', async () => {
    api().post('/v2/webhooks').reply(200, restFixture('webhook.created'));
    const { text, failed } = await observe(() => appTester(scheduled.performSubscribe, { authData: AUTH, inputData: {}, targetUrl: TARGET }));
    expect(failed).toBe(false);
    expectNoCanary(text, ['POST https://api.oncehub.com/v2/webhooks', 'WHK-7JD9LBVZTQ']);
    expectKeySent(1);
  });

  it('a OnceHub failure while creating the webhook never shows the key', async () => {
    api().post('/v2/webhooks').reply(500, errorFixture('500'), { 'Request-Id': 'req_500canary' });
    const { text, failed } = await observe(() => appTester(scheduled.performSubscribe, { authData: AUTH, inputData: {}, targetUrl: TARGET }));
    expect(failed).toBe(true);
    expectNoCanary(text, ['while turning the Zap on', 'req_500canary']);
    expectKeySent(1);
  });

  it.each([
    ['deleted', 200, restFixture('deleted'), false, /"deleted":true/],
    ['already gone', 404, errorFixture('404.webhook'), false, 'was already gone'],
    ['refused because the key was revoked', 401, errorFixture('401.expired'), true, 'could not be deleted with this key'],
  ] as const)('deleting the webhook (%s) never shows the key', async (_what, status, body, fails, marker) => {
    api().delete('/v2/webhooks/WHK-7JD9LBVZTQ').reply(status, body);
    const { text, failed } = await observe(() => appTester(scheduled.performUnsubscribe, { authData: AUTH, inputData: {}, subscribeData: WEBHOOK }));
    expect(failed).toBe(fails);
    expectNoCanary(text, ['DELETE https://api.oncehub.com/v2/webhooks/WHK-7JD9LBVZTQ', marker]);
    expectKeySent(1);
  });
});

describe('receiving deliveries', () => {
  const raw = JSON.stringify(expandedEventFixture());
  const signature = createHmac('sha256', SECRET).update(`1716000000.${raw}`).digest('hex');
  const delivery = (content: string) => ({
    authData: AUTH,
    inputData: {},
    cleanedRequest: { ...(JSON.parse(content) as object), querystring: {} },
    rawRequest: { content, headers: { 'Http-Oncehub-Signature': `t=1716000000,s=${signature}` } },
    subscribeData: WEBHOOK,
  });

  it('a genuine delivery runs the Zap without the key anywhere in its output', async () => {
    const { text, failed } = await observe(() => appTester(scheduled.perform, delivery(raw), true));
    expect(failed).toBe(false);
    expectNoCanary(text, ['EVNT-KN56U3YL7C', 'Carrie Customer']);
    expectKeySent(0);
  });

  it('a forged delivery is logged as ignored without the key', async () => {
    const forged = raw.replace('Carrie Customer', 'Mallory Forger');
    const { text, failed } = await observe(() => appTester(scheduled.perform, delivery(forged), true));
    expect(failed).toBe(false);
    expectNoCanary(text, ['OnceHub delivery ignored: the signature does not match the body']);
    expectKeySent(0);
  });
});

describe('loading samples and dropdowns', () => {
  it('recent bookings load without the key in the logs', async () => {
    api().get('/v2/users').query({ email: LOGIN }).reply(200, restFixture('users'));
    api().get('/v2/bookings').query({ owner: 'USR-FSD423423', status: 'scheduled', limit: '3' }).reply(200, restFixture('bookings.booking-pages'));
    const { text, failed } = await observe(() =>
      appTester(scheduled.performList, { authData: AUTH, inputData: {}, meta: { isLoadingSample: true } }, true),
    );
    expect(failed).toBe(false);
    expectNoCanary(text, ['GET https://api.oncehub.com/v2/bookings', 'BKNG-J4FR05BKEWEX']);
    expectKeySent(2);
  });

  it.each([
    ['list_booking_pages', '/v2/booking-pages', 'booking-pages', 'Andrea Hartie (AndreaHartie)'],
    ['list_event_types', '/v2/event-types', 'event-types', 'Live demo'],
    ['list_booking_calendars', '/v2/booking-calendars', 'booking-calendars', 'Dana Wilson booking calendar'],
  ] as const)('the %s dropdown loads without the key in the logs', async (key, path, fixture, shown) => {
    api().get(path).query({ limit: '100' }).reply(200, restFixture(fixture));
    const { text, failed } = await observe(() => appTester(dropdown(key), { authData: AUTH, meta: { page: 0 } }));
    expect(failed).toBe(false);
    expectNoCanary(text, [`GET https://api.oncehub.com${path}`, shown]);
    expectKeySent(1);
  });
});

describe('OnceHub slowing down or not answering', () => {
  it('a 429 is reported without the key', async () => {
    api().get('/v2/booking-pages').query(true).reply(429, errorFixture('429'), { 'Request-Id': 'req_429canary' });
    const { text, failed } = await observe(() => appTester(dropdown('list_booking_pages'), { authData: AUTH, meta: { page: 0 } }));
    expect(failed).toBe(true);
    expectNoCanary(text, ['Request rate limit exceeded', 'req_429canary']);
    expectKeySent(1);
  });

  it('a timeout is reported without the key', async () => {
    process.env.ONCEHUB_TIMEOUT_MS = '50';
    api().get('/v2/event-types').query(true).delay(1000).reply(200, restFixture('event-types'));
    const { text, failed } = await observe(() => appTester(dropdown('list_event_types'), { authData: AUTH, meta: { page: 0 } }));
    expect(failed).toBe(true);
    expectNoCanary(text, ['did not answer in time while loading your event types']);
    expectKeySent(1);
  });
});
