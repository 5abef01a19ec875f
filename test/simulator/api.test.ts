import nock from 'nock';
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

import { startSimulator, type ListResponse, type Simulator, type User } from './index';
import { call, seedBookingPagesAccount } from './testing';

describe('users, catalog and routing', () => {
  let sim: Simulator;
  let account: ReturnType<typeof seedBookingPagesAccount>;

  beforeEach(async () => {
    sim = await startSimulator({ seed: 9 });
    account = seedBookingPagesAccount(sim);
  });

  afterEach(async () => {
    await sim.close();
  });

  it('lists users newest first and filters by email, case-insensitively', async () => {
    const andrea = sim.createUser(account.accountId, {
      email: 'Andrea.Hartie@example.com',
      first_name: 'Andrea',
      last_name: 'Hartie',
      role_name: 'Administrator',
      timezone: 'America/Chicago',
    });
    expect(andrea).toEqual({
      object: 'user',
      id: expect.stringMatching(/^USR-[A-Z0-9]{10}$/),
      first_name: 'Andrea',
      last_name: 'Hartie',
      email: 'Andrea.Hartie@example.com',
      status: 'active',
      role_name: 'Administrator',
      timezone: 'America/Chicago',
      teams: [],
    });
    const all = await call<ListResponse<User>>(sim, account.key, 'GET', '/users');
    expect(all.body.data.map((u) => u.id)).toEqual([andrea.id, account.ownerId]);
    expect(all.body.data[1]).toMatchObject({ role_name: 'Account Owner', status: 'active' });

    const found = await call<ListResponse<User>>(sim, account.key, 'GET', '/users?email=andrea.hartie%40EXAMPLE.com');
    expect(found.body).toEqual({ object: 'list', data: [andrea], has_more: false });
    const none = await call<ListResponse<User>>(sim, account.key, 'GET', '/users?email=andrea');
    expect(none.body.data).toEqual([]);

    expect((await call(sim, account.key, 'GET', `/users/${andrea.id}`)).body).toEqual(andrea);
    sim.deleteUser(andrea.id);
    const gone = await call(sim, account.key, 'GET', `/users/${andrea.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ type: 'invalid_request_error', message: `No such user: '${andrea.id}'`, param: 'id' });
    expect(() => sim.deleteUser(account.ownerId)).toThrow(/Account Owner/);
  });

  it('serves booking pages, master pages and event types with their filters', async () => {
    const et = sim.createEventType(account.accountId, { name: 'Live demo', description: 'A demo' });
    const mp = sim.createMasterPage(account.accountId, { name: 'Star Software LLC', label: 'Dana' });
    const andrea = sim.createUser(account.accountId, { email: 'a@example.com', first_name: 'A', last_name: 'H' });
    const page = sim.createBookingPage(account.accountId, {
      name: 'Andrea Hartie',
      ownerId: andrea.id,
      eventTypeIds: [et.id],
      masterPageIds: [mp.id],
      timezone: 'America/Chicago',
    });
    expect(page).toEqual({
      object: 'booking_page',
      id: expect.stringMatching(/^BP-[A-Z0-9]{10}$/),
      name: 'Andrea Hartie',
      label: 'AndreaHartie',
      url: 'https://go.oncehub.com/AndreaHartie',
      active: true,
      timezone: 'America/Chicago',
    });
    expect(mp).toEqual({
      object: 'master_page',
      id: expect.stringMatching(/^MP-[A-Z0-9]{10}$/),
      name: 'Star Software LLC',
      label: 'Dana',
      url: 'https://go.oncehub.com/Dana',
      active: true,
    });
    expect(et).toEqual({
      object: 'event_type',
      id: expect.stringMatching(/^ET-[A-Z0-9]{10}$/),
      name: 'Live demo',
      description: 'A demo',
    });

    const pages = async (query: string): Promise<string[]> =>
      (await call<ListResponse<{ id: string }>>(sim, account.key, 'GET', `/booking-pages${query}`)).body.data.map(
        (p) => p.id,
      );
    expect(await pages('')).toEqual([page.id, account.pageId]);
    expect(await pages(`?user=${andrea.id}`)).toEqual([page.id]);
    expect(await pages(`?event_type=${et.id}`)).toEqual([page.id]);
    expect(await pages(`?master_page=${mp.id}&limit=1`)).toEqual([page.id]);

    expect((await call(sim, account.key, 'GET', `/booking-pages/${page.id}`)).body).toEqual(page);
    expect((await call(sim, account.key, 'GET', `/master-pages/${mp.id}`)).body).toEqual(mp);
    expect((await call(sim, account.key, 'GET', `/event-types/${et.id}`)).body).toEqual(et);
    expect((await call(sim, account.key, 'GET', '/master-pages')).body).toEqual({
      object: 'list',
      data: [mp],
      has_more: false,
    });
    expect((await call(sim, account.key, 'GET', '/event-types')).body).toEqual({
      object: 'list',
      data: [et],
      has_more: false,
    });
    expect((await call(sim, account.key, 'GET', '/booking-calendars')).body).toEqual({
      object: 'list',
      data: [],
      has_more: false,
    });

    for (const [path, message] of [
      ['/booking-pages/BP-X', "No such booking page: 'BP-X'"],
      ['/master-pages/MP-X', "No such master page: 'MP-X'"],
      ['/event-types/ET-X', "No such event type: 'ET-X'"],
    ] as const) {
      const res = await call(sim, account.key, 'GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ type: 'invalid_request_error', message, param: 'id' });
    }
  });

  it('404s unknown routes and methods, 400s unknown query parameters', async () => {
    for (const [method, path] of [
      ['GET', '/v2/nope'],
      ['PUT', '/v2/webhooks'],
      ['GET', '/v1/test'],
      ['GET', '/'],
    ] as const) {
      const res = await fetch(`${sim.baseUrl.replace(/\/v2$/, '')}${path}`, {
        method,
        headers: { 'API-Key': account.key },
      });
      expect(res.status).toBe(404);
      expect(res.headers.get('request-id')).toMatch(/^req_/);
      expect(await res.json()).toMatchObject({ type: 'invalid_request_error' });
    }
    const res = await call(sim, account.key, 'GET', '/test?start_date=2025-01-01');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      type: 'invalid_request_error',
      message: 'Received unknown parameter: start_date',
      param: 'start_date',
    });
  });
});
