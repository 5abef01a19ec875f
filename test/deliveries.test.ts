/**
 * A OnceHub delivery reaching a Zap, through the hook trigger's `perform` as Zapier runs it:
 * which events run which Zap, whose bookings, which filters, what counts as forged or broken,
 * and that a redelivered event runs a Zap only once.
 */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import type { BookingItem } from '../src/bookings';
import { BOOKING_EVENTS, TRIGGERS } from '../src/events';
import type { Booking, User, WebhookEvent } from '../src/oncehub';
import { allEventFixtures, eventFixture, expandedEventFixture, publishedSignedExample, restFixture } from './fixtures';
import { API_KEY, App, appTester, offline, oncehub, resetNetwork, unmatchedRequests } from './support/app';

const ANDREA = 'andrea.hartie@example.com';
const DANA = 'dana@example.com';
const ACCOUNT_ID = 'ACT-BK3LA26D857Z';
const SECRET = 'd7686b8c83f04913929079aeae40189e';
const T = '1716000000';

interface DeliveryBundle {
  authData: { apiKey: string; loginId: string };
  inputData: Record<string, unknown>;
  cleanedRequest?: unknown;
  rawRequest?: { content?: string; headers?: Record<string, string> };
  subscribeData?: { id: string; name: string; events: string[]; secret?: string };
}

interface Outcome {
  items: BookingItem[];
  logs: string[];
}

let consoleLog: jest.SpyInstance;
const unmatched = unmatchedRequests();

beforeEach(() => {
  consoleLog = jest.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleLog.mockRestore();
  // Reset before asserting, so one failing test leaves no interceptors behind for the next.
  const pending = nock.pendingMocks();
  const refused = [...unmatched];
  resetNetwork();
  expect(refused).toEqual([]);
  expect(pending).toEqual([]);
});

function perform(key: string) {
  const operation = App.triggers?.[key]?.operation;
  if (!operation || operation.type !== 'hook' || !operation.perform) throw new Error(`${key} is not a hook trigger`);
  return operation.perform;
}

function hmac(secret: string, t: string, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}

function webhook(id = 'WHK-7JD9LBVZTQ', secret?: string): NonNullable<DeliveryBundle['subscribeData']> {
  return { id, name: 'Zapier Booking Scheduled 0123456789abcdef', events: ['booking.scheduled'], ...(secret ? { secret } : {}) };
}

/** A delivery as Zapier hands it over: parsed body (plus Zapier's querystring key) and no raw request. */
function bundleFor(event: unknown, overrides: Partial<DeliveryBundle> = {}): DeliveryBundle {
  return {
    authData: { apiKey: API_KEY, loginId: ANDREA },
    inputData: {},
    cleanedRequest: event && typeof event === 'object' && !Array.isArray(event) ? { ...event, querystring: {} } : event,
    subscribeData: webhook(),
    ...overrides,
  };
}

/** The same delivery with its raw body and a signature header computed over `signedBody`. */
function signedBundle(
  event: WebhookEvent<Booking>,
  options: { secret?: string; signWith?: string; header?: string; content?: string; signedBody?: string } = {},
  overrides: Partial<DeliveryBundle> = {},
): DeliveryBundle {
  const content = options.content ?? JSON.stringify(event);
  const signature = hmac(options.signWith ?? SECRET, T, options.signedBody ?? content);
  return bundleFor(JSON.parse(content), {
    rawRequest: { content, headers: { [options.header ?? 'Http-Oncehub-Signature']: `t=${T},s=${signature}` } },
    subscribeData: webhook('WHK-7JD9LBVZTQ', options.secret ?? SECRET),
    ...overrides,
  });
}

/** Runs one delivery; by default with a fresh z.cache, as a first delivery to a new Zap would see. */
async function deliver(key: string, bundle: DeliveryBundle, keepCache = false): Promise<Outcome> {
  consoleLog.mockClear();
  // App.triggers is keyed by string, so core's types only know items as objects; they are BookingItems.
  const items = (await appTester(perform(key), bundle, !keepCache)) as BookingItem[];
  const logs = consoleLog.mock.calls.map((call: unknown[]) => call.map(String).join(' '));
  return { items, logs };
}

function expectIgnored(outcome: Outcome, why: RegExp | string): void {
  expect(outcome.items).toEqual([]);
  const lines = outcome.logs.filter((line) => line.startsWith('OnceHub delivery ignored: '));
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.join('\n')).toMatch(why);
}

function withData(event: WebhookEvent<Booking>, data: Partial<Booking>): WebhookEvent<Booking> {
  return { ...event, data: { ...event.data, ...data } };
}

function user(email: string): User {
  const found = restFixture('users').data.find((candidate) => candidate.email === email);
  if (!found) throw new Error(`no fixture user ${email}`);
  return found;
}

function usersNamed(email: string) {
  const users = restFixture('users');
  return { ...users, data: users.data.filter((candidate) => candidate.email === email) };
}

const ALL = { scope: 'all' };
const FIXTURES = allEventFixtures();

it('has a delivery fixture for every booking event in both products', () => {
  expect(new Set(FIXTURES.map((fixture) => fixture.eventType))).toEqual(new Set(BOOKING_EVENTS));
  expect(new Set(FIXTURES.map((fixture) => fixture.product))).toEqual(new Set(['booking-pages', 'booking-calendars']));
});

describe.each(TRIGGERS.map((row) => [row.key, row] as const))('the %s trigger', (key, row) => {
  it.each(FIXTURES.map((fixture) => [`${fixture.product} ${fixture.eventType}`, fixture] as const))(
    'runs for a %s delivery exactly when it subscribes to that event',
    async (_name, fixture) => {
      const outcome = await deliver(key, bundleFor(fixture.event, { inputData: ALL }));
      if (row.events.includes(fixture.eventType)) {
        expect(outcome.items).toHaveLength(1);
        const [item] = outcome.items;
        expect(item?.id).toBe(fixture.event.id);
        expect(item?.event_id).toBe(fixture.event.id);
        expect(item?.event).toBe(fixture.eventType);
        expect(item?.booking_id).toBe(fixture.event.data.id);
        expect(item?.product).toBe(fixture.product === 'booking-pages' ? 'booking_pages' : 'booking_calendars');
        expect(outcome.logs.filter((line) => line.startsWith('OnceHub delivery ignored'))).toEqual([]);
      } else {
        expectIgnored(outcome, `event ${fixture.event.id} is ${fixture.eventType}, which this Zap does not trigger on`);
      }
    },
  );
});

describe('the lifecycle trigger narrowed to the events the user picked', () => {
  it.each(BOOKING_EVENTS.map((event) => [event] as const))('picking only %s runs the Zap for that event alone', async (picked) => {
    for (const fixture of FIXTURES) {
      const outcome = await deliver('booking_lifecycle_event', bundleFor(fixture.event, { inputData: { scope: 'all', events: [picked] } }));
      expect({ file: fixture.file, ran: outcome.items.length }).toEqual({ file: fixture.file, ran: fixture.eventType === picked ? 1 : 0 });
    }
  });

  it('accepts the picked events as a comma-separated text too', async () => {
    const inputData = { scope: 'all', events: 'booking.canceled, booking.no_show' };
    const canceled = await deliver('booking_lifecycle_event', bundleFor(eventFixture('booking-pages', 'booking.canceled'), { inputData }));
    const noShow = await deliver('booking_lifecycle_event', bundleFor(eventFixture('booking-pages', 'booking.no_show'), { inputData }));
    const scheduled = await deliver('booking_lifecycle_event', bundleFor(eventFixture('booking-pages', 'booking.scheduled'), { inputData }));
    expect(canceled.items).toHaveLength(1);
    expect(noShow.items).toHaveLength(1);
    expectIgnored(scheduled, 'is booking.scheduled, which this Zap does not trigger on');
  });

  it('runs for every event when the user picked none', async () => {
    for (const fixture of FIXTURES) {
      const outcome = await deliver('booking_lifecycle_event', bundleFor(fixture.event, { inputData: { scope: 'all', events: [] } }));
      expect({ file: fixture.file, ran: outcome.items.length }).toEqual({ file: fixture.file, ran: 1 });
    }
  });
});

it('two events about the same booking run the Zap twice, as two items with different ids', async () => {
  const scheduled = eventFixture('booking-pages', 'booking.scheduled');
  const canceled: WebhookEvent<Booking> = {
    ...scheduled,
    id: 'EVNT-C4NCE11ED0',
    type: 'booking.canceled',
    creation_time: '2024-05-15T08:00:00.000Z',
    data: { ...scheduled.data, status: 'canceled' },
  };
  const first = await deliver('booking_lifecycle_event', bundleFor(scheduled, { inputData: ALL }));
  const second = await deliver('booking_lifecycle_event', bundleFor(canceled, { inputData: ALL }), true);
  expect(first.items).toHaveLength(1);
  expect(second.items).toHaveLength(1);
  expect(first.items[0]?.booking_id).toBe(second.items[0]?.booking_id);
  expect(first.items[0]?.id).not.toBe(second.items[0]?.id);
  expect([first.items[0]?.event, second.items[0]?.event]).toEqual(['booking.scheduled', 'booking.canceled']);
});

describe('references sent as IDs or expanded objects', () => {
  it('give the same IDs either way, and the expanded delivery also fills in the names', async () => {
    const [byId] = (await deliver('booking_scheduled', bundleFor(eventFixture('booking-pages', 'booking.scheduled'), { inputData: ALL }))).items;
    const [expanded] = (await deliver('booking_scheduled', bundleFor(expandedEventFixture(), { inputData: ALL }))).items;
    for (const field of ['booking_page_id', 'event_type_id', 'owner_id', 'master_page_id'] as const) {
      expect(expanded?.[field]).toBe(byId?.[field]);
    }
    expect(byId).toMatchObject({
      booking_page_id: 'BP-X0LCRU5LES',
      event_type_id: 'ET-7NC41GHIDZ',
      owner_id: 'USR-FSD423423',
      booking_page_name: null,
      event_type_name: null,
      owner_name: null,
      owner_email: null,
    });
    expect(expanded).toMatchObject({
      booking_page_name: 'Andrea Hartie',
      booking_page_url: 'https://go.oncehub.com/andreahartie',
      master_page_name: 'Star Software LLC',
      event_type_name: 'Live demo',
      owner_name: 'Andrea Hartie',
      owner_first_name: 'Andrea',
      owner_last_name: 'Hartie',
      owner_email: ANDREA,
    });
  });
});

describe('whose bookings run the Zap', () => {
  it('by default runs for a booking of the connected user, matched by the expanded owner’s email without asking OnceHub', async () => {
    const outcome = await deliver('booking_scheduled', bundleFor(expandedEventFixture()));
    expect(outcome.items).toHaveLength(1);
    expect(outcome.items[0]?.owner_email).toBe(ANDREA);
  });

  it('matches the expanded owner’s email whatever its letter case and however the Login ID was typed', async () => {
    const event = expandedEventFixture();
    const shouting = withData(event, { owner: { ...user(ANDREA), email: 'Andrea.Hartie@EXAMPLE.com' } });
    const outcome = await deliver(
      'booking_scheduled',
      bundleFor(shouting, { authData: { apiKey: API_KEY, loginId: ' ANDREA.hartie@example.com ' } }),
    );
    expect(outcome.items).toHaveLength(1);
  });

  it('by default skips a booking owned by another user, without asking OnceHub', async () => {
    const danas = withData(expandedEventFixture(), { owner: user(DANA) });
    const outcome = await deliver('booking_scheduled', bundleFor(danas));
    expectIgnored(outcome, `outside this Zap's scope: the booking is owned by another user (${DANA})`);
  });

  it('looks up the Login ID’s user once for an owner sent as an ID, then remembers it for later deliveries', async () => {
    const lookup = oncehub().get('/v2/users').query({ email: ANDREA }).reply(200, usersNamed(ANDREA));
    const first = await deliver('booking_scheduled', bundleFor(eventFixture('booking-pages', 'booking.scheduled')));
    expect(first.items).toHaveLength(1);
    expect(lookup.isDone()).toBe(true);

    // No interceptor is left: a second lookup would be refused by nock and fail the delivery.
    const second = await deliver('booking_canceled', bundleFor(eventFixture('booking-pages', 'booking.canceled')), true);
    expect(second.items).toHaveLength(1);
    expect(second.items[0]?.owner_id).toBe('USR-FSD423423');
  });

  it('skips a booking whose owner ID is another user’s', async () => {
    oncehub().get('/v2/users').query({ email: ANDREA }).reply(200, usersNamed(ANDREA));
    const outcome = await deliver('booking_scheduled', bundleFor(eventFixture('booking-calendars', 'booking.scheduled')));
    expectIgnored(outcome, 'the booking is owned by another user (USR-HYPGJXN3A8)');
  });

  it('skips a booking that names no owner at all', async () => {
    const ownerless = withData(eventFixture('booking-pages', 'booking.scheduled'), { owner: null });
    const outcome = await deliver('booking_scheduled', bundleFor(ownerless));
    expectIgnored(outcome, 'the booking names no owner');
  });

  it.each([
    ['an ID', () => eventFixture('booking-calendars', 'booking.scheduled')],
    ['an expanded object', () => withData(expandedEventFixture(), { owner: user(DANA) })],
  ])('with "All bookings" runs for another user’s booking whose owner is %s, without asking OnceHub', async (_how, event) => {
    const outcome = await deliver('booking_scheduled', bundleFor(event(), { inputData: ALL }));
    expect(outcome.items).toHaveLength(1);
  });

  it.each([
    ['Dana’s booking (owner as an ID)', () => eventFixture('booking-calendars', 'booking.scheduled')],
    ['Andrea’s booking (owner as an ID)', () => eventFixture('booking-pages', 'booking.scheduled')],
    ['Dana’s booking (owner expanded)', () => withData(expandedEventFixture(), { owner: user(DANA) })],
  ])('an account connected with an Account ID runs for %s without asking OnceHub', async (_whose, event) => {
    const outcome = await deliver('booking_scheduled', bundleFor(event(), { authData: { apiKey: API_KEY, loginId: ACCOUNT_ID } }));
    expect(outcome.items).toHaveLength(1);
  });
});

describe('the trigger’s filters', () => {
  const pages = () => eventFixture('booking-pages', 'booking.scheduled');
  const calendars = () => eventFixture('booking-calendars', 'booking.scheduled');

  it.each([
    ['booking page given as an ID', pages, { booking_page: 'BP-X0LCRU5LES' }],
    ['booking page given as an object', expandedEventFixture, { booking_page: 'BP-X0LCRU5LES' }],
    ['event type given as an ID', pages, { event_type: 'ET-7NC41GHIDZ' }],
    ['event type given as an object', expandedEventFixture, { event_type: 'ET-7NC41GHIDZ' }],
    ['booking page and event type together', expandedEventFixture, { booking_page: 'BP-X0LCRU5LES', event_type: 'ET-7NC41GHIDZ' }],
    ['booking calendar', calendars, { booking_calendar: 'BKC-03WJV0R52Z' }],
  ])('run the Zap when the booking’s %s is the chosen one', async (_what, event, filter) => {
    const outcome = await deliver('booking_scheduled', bundleFor(event(), { inputData: { ...ALL, ...filter } }));
    expect(outcome.items).toHaveLength(1);
  });

  it.each([
    ['booking page', pages, { booking_page: 'BP-3F7JAWT4UA' }, 'booking page BP-X0LCRU5LES is not the chosen BP-3F7JAWT4UA'],
    ['expanded booking page', expandedEventFixture, { booking_page: 'BP-3F7JAWT4UA' }, 'booking page BP-X0LCRU5LES is not the chosen BP-3F7JAWT4UA'],
    ['event type', pages, { event_type: 'ET-7I7PKDTFJS' }, 'event type ET-7NC41GHIDZ is not the chosen ET-7I7PKDTFJS'],
    ['expanded event type', expandedEventFixture, { event_type: 'ET-7I7PKDTFJS' }, 'event type ET-7NC41GHIDZ is not the chosen ET-7I7PKDTFJS'],
    ['booking calendar', calendars, { booking_calendar: 'BKC-LDJ878496X' }, 'booking calendar BKC-03WJV0R52Z is not the chosen BKC-LDJ878496X'],
    ['booking calendar on a Booking Pages booking', pages, { booking_calendar: 'BKC-03WJV0R52Z' }, 'booking calendar none is not the chosen BKC-03WJV0R52Z'],
    ['booking page on a Booking Calendars booking', calendars, { booking_page: 'BP-X0LCRU5LES' }, 'booking page none is not the chosen BP-X0LCRU5LES'],
  ])('skip a booking of another %s and say which', async (_what, event, filter, why) => {
    const outcome = await deliver('booking_scheduled', bundleFor(event(), { inputData: { ...ALL, ...filter } }));
    expectIgnored(outcome, why);
  });

  it('skip a booking of another booking page before looking up whose it is', async () => {
    // Default scope with an owner ID would need a users lookup; the filter decides first, so none is made.
    const outcome = await deliver('booking_scheduled', bundleFor(pages(), { inputData: { booking_page: 'BP-3F7JAWT4UA' } }));
    expectIgnored(outcome, 'is not the chosen BP-3F7JAWT4UA');
  });
});

describe('deliveries that are not OnceHub booking events', () => {
  const good = () => eventFixture('booking-pages', 'booking.scheduled');
  const without = (key: string): Record<string, unknown> => {
    const copy: Record<string, unknown> = { ...good() };
    delete copy[key];
    return copy;
  };
  const withoutBookingId = (): Record<string, unknown> => {
    const { id: _id, ...data } = good().data;
    return { ...good(), data };
  };

  it.each([
    ['a body that is a JSON array', () => [good()], 'the body is not a JSON object'],
    ['a body that is plain text', () => 'hello', 'the body is not a JSON object'],
    ['an envelope without an id', () => without('id'), 'it has no event id'],
    ['an envelope with an empty id', () => ({ ...good(), id: '' }), 'it has no event id'],
    ['an envelope without a type', () => without('type'), 'event EVNT-KN56U3YL7C has no type'],
    ['an envelope without data', () => without('data'), 'event EVNT-KN56U3YL7C has no data object'],
    ['an envelope whose data is an array', () => ({ ...good(), data: [good().data] }), 'event EVNT-KN56U3YL7C has no data object'],
    ['an envelope whose data has no booking id', withoutBookingId, 'event EVNT-KN56U3YL7C carries no booking id'],
    ['an envelope with a malformed creation_time', () => ({ ...good(), creation_time: 1716000000 }), 'malformed creation_time'],
  ])('%s is ignored with a log line saying why, and never fails the Zap', async (_what, body, why) => {
    for (const key of ['booking_scheduled', 'booking_lifecycle_event']) {
      const outcome = await deliver(key, bundleFor(body(), { inputData: ALL }));
      expectIgnored(outcome, why);
      expect(outcome.logs.join('\n')).toContain('it is not a OnceHub booking event');
    }
  });

  it('a conversation event is ignored by every booking trigger, naming the event type', async () => {
    for (const row of TRIGGERS) {
      const outcome = await deliver(row.key, bundleFor({ ...good(), type: 'conversation.started' }, { inputData: ALL }));
      expectIgnored(outcome, /^OnceHub delivery ignored: event EVNT-KN56U3YL7C is conversation\.started, which this Zap does not trigger on\.$/m);
    }
  });

  it('without a parsed body, reads the raw JSON body instead', async () => {
    const event = good();
    const outcome = await deliver('booking_scheduled', {
      ...bundleFor(undefined, { inputData: ALL }),
      rawRequest: { content: JSON.stringify(event), headers: {} },
    });
    expect(outcome.items).toHaveLength(1);
    expect(outcome.items[0]?.id).toBe(event.id);
  });

  it('without a parsed body, ignores a raw body that is not JSON', async () => {
    const outcome = await deliver('booking_scheduled', {
      ...bundleFor(undefined, { inputData: ALL }),
      rawRequest: { content: '<xml>not json</xml>', headers: {} },
    });
    expectIgnored(outcome, 'the body is not a JSON object');
  });

  it('ignores Zapier’s querystring key beside the delivered JSON', async () => {
    const outcome = await deliver('booking_scheduled', bundleFor({ ...good(), querystring: { zap: '1' } }, { inputData: ALL }));
    expect(outcome.items).toHaveLength(1);
    expect(outcome.items[0]).not.toHaveProperty('querystring');
  });
});

describe('signed deliveries', () => {
  const event = () => eventFixture('booking-pages', 'booking.scheduled');

  it.each(['Http-Oncehub-Signature', 'Oncehub-Signature'])('a body correctly signed in %s runs the Zap', async (header) => {
    const outcome = await deliver('booking_scheduled', signedBundle(event(), { header }, { inputData: ALL }));
    expect(outcome.items).toHaveLength(1);
  });

  it('a body changed after signing is ignored as possibly forged', async () => {
    const signedBody = JSON.stringify(event());
    const content = JSON.stringify(withData(event(), { subject: 'Free money' }));
    const outcome = await deliver('booking_scheduled', signedBundle(event(), { content, signedBody }, { inputData: ALL }));
    expectIgnored(outcome, 'the signature does not match the body, so it may be forged');
  });

  it('a body signed with another secret is ignored as possibly forged', async () => {
    const outcome = await deliver('booking_scheduled', signedBundle(event(), { signWith: 'not-the-webhook-secret' }, { inputData: ALL }));
    expectIgnored(outcome, 'the signature does not match the body, so it may be forged');
  });

  it('a delivery without a signature header is ignored when the webhook has a secret', async () => {
    const bundle = signedBundle(event(), {}, { inputData: ALL });
    const outcome = await deliver('booking_scheduled', { ...bundle, rawRequest: { ...bundle.rawRequest, headers: { 'Content-Type': 'application/json' } } });
    expectIgnored(outcome, 'the delivery has no Oncehub-Signature header, so it may be forged');
  });

  it.each(['v1=abc', `t=${T}`, `s=${'a'.repeat(64)}`, `t=yesterday,s=${'a'.repeat(64)}`, `t=${T},s=not-hex`])(
    'a malformed signature header (%s) is ignored as possibly forged',
    async (value) => {
      const bundle = signedBundle(event(), {}, { inputData: ALL });
      const outcome = await deliver('booking_scheduled', { ...bundle, rawRequest: { ...bundle.rawRequest, headers: { 'Http-Oncehub-Signature': value } } });
      expectIgnored(outcome, 'the Oncehub-Signature header is malformed, so it may be forged');
    },
  );

  it('a webhook without a secret on record runs the Zap even with a signature it cannot check', async () => {
    const bundle = signedBundle(event(), { signWith: 'unknown' }, { inputData: ALL, subscribeData: webhook() });
    const outcome = await deliver('booking_scheduled', bundle);
    expect(outcome.items).toHaveLength(1);
  });

  it('a delivery without any raw request runs the Zap, as there is nothing to check', async () => {
    const outcome = await deliver('booking_scheduled', bundleFor(event(), { inputData: ALL, subscribeData: webhook('WHK-7JD9LBVZTQ', SECRET) }));
    expect(outcome.items).toHaveLength(1);
  });

  it('a signature over the compact JSON is accepted when Zapier hands over the body pretty-printed', async () => {
    const content = JSON.stringify(event(), null, 2);
    const outcome = await deliver('booking_scheduled', signedBundle(event(), { content, signedBody: JSON.stringify(event()) }, { inputData: ALL }));
    expect(outcome.items).toHaveLength(1);
  });

  it('OnceHub’s published signed example verifies over its exact bytes', async () => {
    const { raw, event: published } = publishedSignedExample();
    const t = '1611144604';
    const header = `t=${t},s=${hmac(SECRET, t, raw)}`;
    const bundle = (content: string): DeliveryBundle => ({
      // Default scope: the example's owner is expanded, so Michael's Login ID matches without a request.
      authData: { apiKey: API_KEY, loginId: 'michael@example.com' },
      inputData: {},
      cleanedRequest: { ...(JSON.parse(content) as object), querystring: {} },
      rawRequest: { content, headers: { 'Http-Oncehub-Signature': header } },
      subscribeData: webhook('WHK-7JD9LBVZTQ', SECRET),
    });

    const outcome = await deliver('booking_scheduled', bundle(raw));
    expect(outcome.items).toHaveLength(1);
    expect(outcome.items[0]).toMatchObject({ id: published.id, booking_id: 'BKNG-YNMGHKQ24XV5', owner_email: 'michael@example.com' });

    // One byte of the body different and the same signature no longer holds.
    const changed = await deliver('booking_scheduled', bundle(raw.replace('"15-minute meeting"', '"16-minute meeting"')));
    expectIgnored(changed, 'the signature does not match the body');
  });
});

describe('redelivered events', () => {
  const event = () => eventFixture('booking-pages', 'booking.scheduled');

  it('the same event delivered twice to one Zap runs it once', async () => {
    const first = await deliver('booking_scheduled', bundleFor(event(), { inputData: ALL }));
    const again = await deliver('booking_scheduled', bundleFor(event(), { inputData: ALL }), true);
    expect(first.items).toHaveLength(1);
    expectIgnored(again, 'event EVNT-KN56U3YL7C was delivered again and has already run this Zap');
  });

  it('the same event delivered to two Zaps, each through its own webhook, runs both', async () => {
    const zapA = await deliver('booking_scheduled', bundleFor(event(), { inputData: ALL, subscribeData: webhook('WHK-AAAAAAAAAA') }));
    const zapB = await deliver('booking_scheduled', bundleFor(event(), { inputData: ALL, subscribeData: webhook('WHK-BBBBBBBBBB') }), true);
    expect(zapA.items).toHaveLength(1);
    expect(zapB.items).toHaveLength(1);
    expect(zapA.items[0]?.id).toBe(zapB.items[0]?.id);
  });

  it('a delivery skipped as out of scope does not stop a later, wanted delivery of the same event', async () => {
    const skipped = await deliver('booking_scheduled', bundleFor(event(), { inputData: { ...ALL, booking_page: 'BP-3F7JAWT4UA' } }));
    const wanted = await deliver('booking_scheduled', bundleFor(event(), { inputData: ALL }), true);
    expect(skipped.items).toEqual([]);
    expect(wanted.items).toHaveLength(1);
  });
});

describe('fixes from review', () => {
  it('halts, naming the Login ID, when it is no user of the account and the owner comes as an ID — and asks OnceHub only once', async () => {
    const event = eventFixture('booking-pages', 'booking.scheduled');
    oncehub().get('/v2/users').query({ email: 'gone@example.com' }).reply(200, restFixture('users.empty'));
    const bundle = bundleFor(event, { authData: { apiKey: API_KEY, loginId: 'gone@example.com' } });
    await expect(deliver('booking_scheduled', bundle)).rejects.toMatchObject({ name: 'HaltedError' });
    const again = await appTester(perform('booking_scheduled'), bundleFor({ ...event, id: 'EVNT-SECOND0001' }, bundle)).catch((e: Error) => e);
    expect(again).toMatchObject({ name: 'HaltedError', message: expect.stringContaining('gone@example.com is not a user') });
  });

  it('trims a filter value typed with stray spaces', async () => {
    const event = eventFixture('booking-pages', 'booking.scheduled');
    const page = ` ${String(event.data.booking_page)} `;
    const outcome = await deliver('booking_scheduled', bundleFor(event, { inputData: { ...ALL, booking_page: page } }));
    expect(outcome.items).toHaveLength(1);
  });

  it('Booking Reassigned runs for the whole account by default: the owner stays the first host', async () => {
    const event = eventFixture('booking-calendars', 'booking.reassigned');
    const outcome = await deliver('booking_reassigned', bundleFor(event, { authData: { apiKey: API_KEY, loginId: DANA } }));
    expect(outcome.items.map((item) => item.event)).toEqual(['booking.reassigned']);
  });

  it('says so in the log when a delivery cannot be signature-checked', async () => {
    const outcome = await deliver('booking_scheduled', bundleFor(eventFixture('booking-pages', 'booking.scheduled'), { inputData: ALL }));
    expect(outcome.items).toHaveLength(1);
    expect(outcome.logs.join('\n')).toMatch(/signature not checked: this webhook has no signing secret on record/);
  });
});
