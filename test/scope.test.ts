/**
 * Whose bookings the Zap editor shows as samples: the same scope a live Zap applies, sent to
 * OnceHub as `GET /bookings` filters. Every query is matched exactly, so an extra, missing or
 * different parameter fails the test.
 */
import nock from 'nock';
import type { BookingItem } from '../src/bookings';
import { restFixture } from './fixtures';
import { API_KEY, App, appTester, offline, oncehub, resetNetwork, unmatchedRequests } from './support/app';

const ANDREA = 'andrea.hartie@example.com';
const DANA = 'dana@example.com';
const SAMPLE = { isLoadingSample: true };

const unmatched = unmatchedRequests();

afterEach(() => {
  // Reset before asserting, so one failing test leaves no interceptors behind for the next.
  const pending = nock.pendingMocks();
  const refused = [...unmatched];
  resetNetwork();
  expect(refused).toEqual([]);
  expect(pending).toEqual([]);
});

function performList(key: string) {
  const operation = App.triggers?.[key]?.operation;
  const list = operation?.type === 'hook' ? operation.performList : undefined;
  if (typeof list !== 'function') throw new Error(`${key} has no performList function`);
  return list;
}

/** Loads samples as the Zap editor does; a fresh z.cache unless the test is about remembering. */
async function loadSamples(
  inputData: Record<string, unknown>,
  loginId: string,
  options: { key?: string; keepCache?: boolean } = {},
): Promise<BookingItem[]> {
  const items = await appTester(
    performList(options.key ?? 'booking_scheduled'),
    { authData: { apiKey: API_KEY, loginId }, inputData, meta: SAMPLE },
    !options.keepCache,
  );
  // App.triggers is keyed by string, so core's types only know items as objects; they are BookingItems.
  return items as BookingItem[];
}

function usersNamed(email: string) {
  const users = restFixture('users');
  return { ...users, data: users.data.filter((user) => user.email === email) };
}

function expectUsersLookup(email: string, reply: object = usersNamed(email)): nock.Scope {
  return oncehub().get('/v2/users').query({ email }).reply(200, reply);
}

function expectBookings(query: Record<string, string>, reply: object = restFixture('bookings.booking-pages')): nock.Scope {
  return oncehub().get('/v2/bookings').query(query).reply(200, reply);
}

describe('by default, only bookings owned by the connected Login ID', () => {
  it('looks up the Login ID’s user and asks OnceHub for that owner’s bookings', async () => {
    const lookup = expectUsersLookup(ANDREA);
    const bookings = expectBookings({ owner: 'USR-FSD423423', status: 'scheduled', limit: '3' });
    const items = await loadSamples({}, ANDREA);
    expect(lookup.isDone() && bookings.isDone()).toBe(true);
    expect(items.map((item) => item.booking_id)).toEqual(restFixture('bookings.booking-pages').data.map((booking) => booking.id));
  });

  it('asks for a member’s own bookings when a member is connected', async () => {
    expectUsersLookup(DANA);
    expectBookings({ owner: 'USR-HYPGJXN3A8', status: 'scheduled', limit: '3' }, restFixture('bookings.booking-calendars'));
    const items = await loadSamples({ scope: 'mine' }, DANA);
    expect(items).toHaveLength(3);
  });

  it('looks the Login ID up trimmed and as typed, and matches the user ignoring case', async () => {
    expectUsersLookup('Andrea.Hartie@EXAMPLE.com', usersNamed(ANDREA));
    expectBookings({ owner: 'USR-FSD423423', status: 'scheduled', limit: '3' });
    await loadSamples({}, '  Andrea.Hartie@EXAMPLE.com ');
  });

  it('remembers the Login ID’s user, so loading samples again asks only for bookings', async () => {
    expectUsersLookup(ANDREA);
    expectBookings({ owner: 'USR-FSD423423', status: 'scheduled', limit: '3' });
    await loadSamples({}, ANDREA);

    expectBookings({ owner: 'USR-FSD423423', status: 'scheduled', limit: '3' });
    const again = await loadSamples({}, ANDREA, { keepCache: true });
    expect(again).toHaveLength(3);
  });

  it('the lifecycle trigger asks for the owner’s bookings in any status', async () => {
    expectUsersLookup(ANDREA);
    expectBookings({ owner: 'USR-FSD423423', limit: '3' });
    await loadSamples({}, ANDREA, { key: 'booking_lifecycle_event' });
  });
});

describe('all bookings in the account', () => {
  it('sends no owner and makes no users lookup', async () => {
    expectBookings({ status: 'scheduled', limit: '3' });
    const items = await loadSamples({ scope: 'all' }, ANDREA);
    expect(items).toHaveLength(3);
  });

  it('are what an account connected with an Account ID always gets', async () => {
    expectBookings({ status: 'scheduled', limit: '3' });
    await loadSamples({}, 'ACT-BK3LA26D857Z');
  });
});

describe('the trigger’s filters', () => {
  it('become booking_page and event_type query parameters', async () => {
    expectBookings({ booking_page: 'BP-X0LCRU5LES', event_type: 'ET-7NC41GHIDZ', status: 'scheduled', limit: '3' });
    await loadSamples({ scope: 'all', booking_page: 'BP-X0LCRU5LES', event_type: 'ET-7NC41GHIDZ' }, ANDREA);
  });

  it('become a booking_calendar query parameter', async () => {
    expectBookings({ booking_calendar: 'BKC-03WJV0R52Z', status: 'scheduled', limit: '3' }, restFixture('bookings.booking-calendars'));
    await loadSamples({ scope: 'all', booking_calendar: 'BKC-03WJV0R52Z' }, ANDREA);
  });

  it('combine with the owner in the default scope', async () => {
    expectUsersLookup(DANA);
    expectBookings({ owner: 'USR-HYPGJXN3A8', booking_calendar: 'BKC-03WJV0R52Z', status: 'scheduled', limit: '3' });
    await loadSamples({ booking_calendar: 'BKC-03WJV0R52Z' }, DANA);
  });

  it('are left out when the user cleared them', async () => {
    expectBookings({ status: 'scheduled', limit: '3' });
    await loadSamples({ scope: 'all', booking_page: '', event_type: '', booking_calendar: '' }, ANDREA);
  });
});

describe('a Login ID that is not a user of the account', () => {
  it('stops with an error that says so and how to fix it, instead of showing other people’s bookings', async () => {
    expectUsersLookup('gone@example.com', restFixture('users.empty'));
    const error = await loadSamples({}, 'gone@example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('is not a user of this OnceHub account');
    expect(message).toContain('Reconnect OnceHub');
    expect(message).toContain('gone@example.com');
    expect(message).toContain('All bookings in the OnceHub account');
    expect(message).toContain('LoginIdNotInAccount');
    expect(message).not.toContain(API_KEY);
  });

  it('is not confused with another user OnceHub lists for a similar email', async () => {
    // Only an exact email match counts as the Login ID's user.
    expectUsersLookup('andrea@example.com', restFixture('users'));
    await expect(loadSamples({}, 'andrea@example.com')).rejects.toThrow(/is not a user of this OnceHub account/);
  });
});
