import nock from 'nock';
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

import { startSimulator, type Booking, type ListResponse, type Simulator } from './index';
import { call, CUSTOMER, seedBookingPagesAccount, testClock } from './testing';

type BookingList = ListResponse<Booking>;

describe('bookings API (Booking Pages account)', () => {
  let sim: Simulator;
  let clock: ReturnType<typeof testClock>;
  let account: ReturnType<typeof seedBookingPagesAccount>;

  beforeEach(async () => {
    clock = testClock('2025-03-01T10:00:00.000Z');
    sim = await startSimulator({ seed: 11, now: clock.now });
    account = seedBookingPagesAccount(sim);
  });

  afterEach(async () => {
    await sim.close();
  });

  /** n bookings one hour apart (creation), starting one day apart. */
  function schedule(n: number): Booking[] {
    const made: Booking[] = [];
    for (let i = 0; i < n; i++) {
      made.push(
        sim.scheduleBooking(account.accountId, {
          ownerId: account.ownerId,
          startingTime: new Date(Date.UTC(2025, 3, 1 + i, 15)).toISOString(),
          durationMinutes: 30,
          customer: { ...CUSTOMER, email: `customer${i}@example.com` },
        }),
      );
      clock.advance(3_600_000);
    }
    return made;
  }

  it('returns a fully populated REST booking', async () => {
    const et = sim.createEventType(account.accountId, { name: '15-minute meeting', description: 'Quick chat' });
    const mp = sim.createMasterPage(account.accountId, { name: 'Star Software' });
    const booking = sim.scheduleBooking(account.accountId, {
      ownerId: account.ownerId,
      bookingPageId: account.pageId,
      eventTypeId: et.id,
      masterPageId: mp.id,
      startingTime: '2025-03-05T16:45:00Z',
      durationMinutes: 15,
      customer: { ...CUSTOMER, phone: '+12025550195', company: 'Acme', guests: ['guest@example.com'], note: 'Hi' },
      customFields: [{ name: 'Title', value: 'CEO' }],
      bookingCustomFields: [{ name: 'discussion_points', value: 'pricing' }],
      location: '123 Office Street',
      utmParams: { source: 'facebook', medium: 'social', campaign: 'c', term: 't', content: 'x' },
    });
    const res = await call<Booking>(sim, account.key, 'GET', `/bookings/${booking.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(booking);
    expect(res.body).toEqual({
      object: 'booking',
      id: expect.stringMatching(/^BKNG-[A-Z0-9]{12}$/),
      tracking_id: 'D36E0001',
      subject: '15-minute meeting',
      status: 'scheduled',
      in_trash: false,
      creation_time: '2025-03-01T10:00:00.000Z',
      starting_time: '2025-03-05T16:45:00.000Z',
      customer_timezone: 'America/New_York',
      last_updated_time: '2025-03-01T10:00:00.000Z',
      duration_minutes: 15,
      virtual_conferencing: {
        join_url: expect.stringMatching(/^https:\/\/meet\.google\.com\/[a-z0-9]{3}-[a-z0-9]{4}-[a-z0-9]{3}$/),
      },
      location_description: '123 Office Street',
      rescheduled_booking_id: '',
      cancel_reschedule_information: { reason: '', user_id: '' },
      attendees: ['carrie@customer.com', 'guest@example.com'],
      form_submission: {
        name: 'Carrie Customer',
        email: 'carrie@customer.com',
        phone: '+12025550195',
        mobile_phone: '',
        note: 'Hi',
        company: 'Acme',
        guests: ['guest@example.com'],
        custom_fields: [{ name: 'Title', value: 'CEO' }],
      },
      booking_page: account.pageId,
      master_page: mp.id,
      event_type: et.id,
      external_calendar: {
        type: 'google',
        name: 'michael@example.com',
        id: 'michael@example.com',
        event_id: expect.stringMatching(/^[a-z0-9]{26}$/),
      },
      custom_fields: [{ name: 'discussion_points', value: 'pricing' }],
      owner: account.ownerId,
      conversation: null,
      utm_params: { source: 'facebook', medium: 'social', campaign: 'c', term: 't', content: 'x' },
      contact: expect.stringMatching(/^CTC-[A-Z0-9]{14}$/),
    });
    expect(res.body).not.toHaveProperty('cancel_reschedule_url');
    expect(res.body).not.toHaveProperty('booking_calendar');
  });

  it('404 for an unknown booking', async () => {
    const res = await call(sim, account.key, 'GET', '/bookings/BKNG-NOPE');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ type: 'invalid_request_error', message: "No such booking: 'BKNG-NOPE'", param: 'id' });
  });

  it('pages newest first with after/before cursors, has_more and Link headers', async () => {
    const made = schedule(5);
    const newestFirst = made.map((b) => b.id).reverse();

    const p1 = await call<BookingList>(sim, account.key, 'GET', '/bookings?limit=2&status=scheduled');
    expect(p1.body.data.map((b) => b.id)).toEqual(newestFirst.slice(0, 2));
    expect(p1.body.has_more).toBe(true);
    expect(p1.headers.get('link')).toBe(
      `<${sim.baseUrl}/bookings?after=${newestFirst[1]}&limit=2&status=scheduled>; rel="next"`,
    );

    const p2 = await call<BookingList>(
      sim,
      account.key,
      'GET',
      `/bookings?limit=2&status=scheduled&after=${newestFirst[1]}`,
    );
    expect(p2.body.data.map((b) => b.id)).toEqual(newestFirst.slice(2, 4));
    expect(p2.body.has_more).toBe(true);
    expect(p2.headers.get('link')).toBe(
      `<${sim.baseUrl}/bookings?after=${newestFirst[3]}&limit=2&status=scheduled>; rel="next", ` +
        `<${sim.baseUrl}/bookings?before=${newestFirst[2]}&limit=2&status=scheduled>; rel="previous"`,
    );

    // Follow the Link header itself, as OnceHub's own recipe does.
    const nextUrl = /<([^>]+)>; rel="next"/.exec(p2.headers.get('link') ?? '')?.[1] ?? '';
    const p3raw = await fetch(nextUrl, { headers: { 'API-Key': account.key } });
    const p3 = (await p3raw.json()) as BookingList;
    expect(p3.data.map((b) => b.id)).toEqual(newestFirst.slice(4));
    expect(p3.has_more).toBe(false);
    expect(p3raw.headers.get('link')).toBe(
      `<${sim.baseUrl}/bookings?before=${newestFirst[4]}&limit=2&status=scheduled>; rel="previous"`,
    );

    const back = await call<BookingList>(sim, account.key, 'GET', `/bookings?limit=2&before=${newestFirst[2]}`);
    expect(back.body.data.map((b) => b.id)).toEqual(newestFirst.slice(0, 2));
    expect(back.body.has_more).toBe(false);

    const all = await call<BookingList>(sim, account.key, 'GET', '/bookings');
    expect(all.body.data).toHaveLength(5);
    expect(all.body.has_more).toBe(false);
    expect(all.headers.get('link')).toBeNull();
  });

  it('validates limit and cursors', async () => {
    const cases: [string, object][] = [
      ['limit=500', { message: 'Out of range value: 500. Please provide a number between 1 and 100.', param: 'limit' }],
      ['limit=0', { param: 'limit' }],
      ['limit=abc', { param: 'limit' }],
      ['after=A&before=B', { message: 'Received both before and after parameters. Please provide only one.' }],
      ['after=BKNG-GONE', { param: 'after' }],
      ['page=2', { message: 'Received unknown parameter: page', param: 'page' }],
    ];
    for (const [query, expected] of cases) {
      const res = await call(sim, account.key, 'GET', `/bookings?${query}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: 'invalid_request_error', ...expected });
    }
    expect((await call(sim, account.key, 'GET', '/bookings?limit=100')).status).toBe(200);
    expect((await call(sim, account.key, 'GET', '/bookings?limit=1')).status).toBe(200);
  });

  it('filters by status, owner, contact, page, event type and master page', async () => {
    const other = sim.createUser(account.accountId, {
      email: 'andrea@example.com',
      first_name: 'Andrea',
      last_name: 'Hartie',
    });
    const otherPage = sim.createBookingPage(account.accountId, { name: 'Andrea', ownerId: other.id });
    const et = sim.createEventType(account.accountId, { name: 'Demo' });
    const mp = sim.createMasterPage(account.accountId, { name: 'Team' });
    const [a, b] = schedule(2);
    const c = sim.scheduleBooking(account.accountId, {
      ownerId: other.id,
      eventTypeId: et.id,
      masterPageId: mp.id,
      startingTime: '2025-05-01T10:00:00Z',
      customer: CUSTOMER,
    });
    sim.cancelBooking(a?.id ?? '', { actionedBy: 'customer', reason: 'busy' });
    const ids = async (query: string): Promise<string[]> =>
      (await call<BookingList>(sim, account.key, 'GET', `/bookings?${query}`)).body.data.map((x) => x.id);

    expect(await ids('status=canceled')).toEqual([a?.id]);
    expect(await ids(`owner=${other.id}`)).toEqual([c.id]);
    expect(await ids(`booking_page=${otherPage.id}`)).toEqual([c.id]);
    expect(await ids(`booking_page=${account.pageId}`)).toEqual([b?.id, a?.id]);
    expect(await ids(`event_type=${et.id}`)).toEqual([c.id]);
    expect(await ids(`master_page=${mp.id}`)).toEqual([c.id]);
    expect(await ids(`contact=${c.contact}`)).toEqual([c.id]);
    expect(await ids(`booking_calendar=BKC-X`)).toEqual([]);
  });

  it('filters by time ranges given as dates or datetimes', async () => {
    const made = schedule(3); // created 10:00, 11:00, 12:00; starting Apr 1, 2, 3
    clock.set('2025-03-02T08:00:00.000Z');
    sim.completeBooking(made[0]?.id ?? '');
    const ids = async (query: string): Promise<string[]> =>
      (await call<BookingList>(sim, account.key, 'GET', `/bookings?${query}`)).body.data.map((x) => x.id);
    const [first, second, third] = made.map((b) => b.id);

    expect(await ids('creation_time.gt=2025-03-01T10:30:00.000Z')).toEqual([third, second]);
    expect(await ids('creation_time.lt=2025-03-01T11:30:00Z&creation_time.gt=2025-03-01T10:30:00Z')).toEqual([second]);
    expect(await ids('starting_time.gt=2025-04-02')).toEqual([third, second]);
    expect(await ids('starting_time.lt=2025-04-02')).toEqual([first]);
    expect(await ids('last_updated_time.gt=2025-03-02T00:00:00%2B00:00')).toEqual([first]);
    expect(await ids('last_updated_time.gt=2025-03-02')).toEqual([first]);
  });

  it('rejects invalid dates and inverted ranges', async () => {
    const bad = await call(sim, account.key, 'GET', '/bookings?creation_time.gt=2025-13-45T99:99:99Z');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      type: 'invalid_request_error',
      message: 'Invalid date: 2025-13-45T99:99:99Z',
      param: 'creation_time.gt',
    });
    for (const value of ['2025-02-30', 'yesterday', '1700000000']) {
      expect((await call(sim, account.key, 'GET', `/bookings?starting_time.lt=${value}`)).body).toMatchObject({
        param: 'starting_time.lt',
      });
    }
    const inverted = await call(
      sim,
      account.key,
      'GET',
      '/bookings?last_updated_time.gt=2025-03-02&last_updated_time.lt=2025-03-01',
    );
    expect(inverted.body).toEqual({
      type: 'invalid_request_error',
      message: 'last_updated_time.gt cannot be later than last_updated_time.lt',
      param: 'last_updated_time.gt',
    });
  });

  it('expands owner, booking_page, event_type and master_page on lists and single bookings', async () => {
    const et = sim.createEventType(account.accountId, { name: 'Demo' });
    const booking = sim.scheduleBooking(account.accountId, {
      ownerId: account.ownerId,
      eventTypeId: et.id,
      startingTime: '2025-04-01T10:00:00Z',
      customer: CUSTOMER,
    });
    const list = await call<BookingList>(
      sim,
      account.key,
      'GET',
      '/bookings?expand=data.owner,data.booking_page,event_type',
    );
    const expanded = list.body.data[0];
    expect(expanded?.owner).toEqual(sim.account(account.accountId).owner);
    expect(expanded?.owner).toMatchObject({ object: 'user', role_name: 'Account Owner', status: 'active' });
    expect(expanded?.booking_page).toMatchObject({ object: 'booking_page', id: account.pageId, active: true });
    expect(expanded?.event_type).toEqual(et);
    expect(expanded?.master_page).toBeNull();

    const single = await call<Booking>(sim, account.key, 'GET', `/bookings/${booking.id}?expand=owner`);
    expect(single.body.owner).toMatchObject({ id: account.ownerId, email: 'michael@example.com' });
    expect(single.body.booking_page).toBe(account.pageId);

    const bad = await call(sim, account.key, 'GET', '/bookings?expand=owner,contact_details');
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({
      type: 'invalid_request_error',
      message: 'This property cannot be expanded: contact_details',
      param: 'expand',
    });
  });

  it('runs the lifecycle actions', () => {
    const [booking] = schedule(1);
    const id = booking?.id ?? '';
    expect(booking?.tracking_id).toMatch(/^D36E\d{4}$/);
    const moved = sim.rescheduleBooking(id, '2025-04-09T12:00:00Z', { reason: 'conflict' });
    expect(moved).toMatchObject({
      status: 'rescheduled',
      starting_time: '2025-04-09T12:00:00.000Z',
      rescheduled_booking_id: id,
      cancel_reschedule_information: { reason: 'conflict', actioned_by: 'customer', user_id: '' },
    });
    expect(sim.completeBooking(id).status).toBe('completed');
    expect(sim.markNoShow(id).status).toBe('no_show');
    expect(() => sim.cancelBooking(id, { actionedBy: 'user' })).toThrow(/cannot become canceled/);
    expect(() => sim.reassignBooking(id, account.ownerId)).toThrow();

    const [other] = schedule(1);
    const requested = sim.requestReschedule(other?.id ?? '', { reason: 'please pick another day' });
    expect(requested).toMatchObject({
      status: 'canceled',
      cancel_reschedule_information: {
        reason: 'please pick another day',
        actioned_by: 'user',
        user_id: account.ownerId,
      },
    });

    const [third] = schedule(1);
    const replacement = sim.cancelThenReschedule(third?.id ?? '', { startingTime: '2025-06-01T09:00:00Z' });
    expect(replacement.id).not.toBe(third?.id);
    expect(replacement).toMatchObject({
      status: 'scheduled',
      rescheduled_booking_id: third?.id,
      contact: third?.contact,
    });
    expect(sim.bookings(account.accountId).find((b) => b.id === third?.id)?.status).toBe('canceled');
    expect(sim.events().map((e) => e.type)).toEqual([
      'booking.scheduled',
      'booking.rescheduled',
      'booking.completed',
      'booking.no_show',
      'booking.scheduled',
      'booking.canceled_reschedule_requested',
      'booking.scheduled',
      'booking.canceled_then_rescheduled',
    ]);
  });

  it('reassignment is a Booking Calendars feature', () => {
    const [booking] = schedule(1);
    const other = sim.createUser(account.accountId, { email: 'x@example.com', first_name: 'X', last_name: 'Y' });
    expect(() => sim.reassignBooking(booking?.id ?? '', other.id)).toThrow(/Booking Calendars/);
  });
});

describe('bookings API (Booking Calendars account)', () => {
  let sim: Simulator;

  beforeEach(async () => {
    sim = await startSimulator({ seed: 12 });
  });

  afterEach(async () => {
    await sim.close();
  });

  it('carries calendar fields, filters by calendar and host, and keeps owner on reassignment', async () => {
    const { accountId, owner } = sim.createAccount({
      product: 'booking_calendars',
      owner: { email: 'dana@example.com', first_name: 'Dana', last_name: 'Ng', timezone: 'Europe/London' },
    });
    const key = sim.createApiKey(accountId);
    const andrea = sim.createUser(accountId, {
      email: 'andrea@example.com',
      first_name: 'Andrea',
      last_name: 'Hartie',
    });
    const calendar = sim.createBookingCalendar(accountId, {
      name: 'Dana intro',
      subject: 'Intro call with Dana',
      host: owner.id,
      duration_minutes: 45,
    });
    const booking = sim.scheduleBooking(accountId, {
      ownerId: owner.id,
      startingTime: '2025-04-01T10:00:00Z',
      customer: CUSTOMER,
      payment: { amount_charged: 5000, currency: 'USD', transaction_id: 'ch_123' },
    });
    expect(booking).toMatchObject({
      subject: 'Intro call with Dana',
      duration_minutes: 45,
      booking_calendar: calendar.id,
      ics_url: expect.stringMatching(/^https:\/\/oncehub\.com\/api\/bookings\/ics\//),
      cancel_url: `https://oncehub.com/m/${booking.id}/cancel`,
      reschedule_url: `https://oncehub.com/m/${booking.id}`,
      payment_information: { amount_charged: 5000, currency: 'USD', transaction_id: 'ch_123' },
    });
    for (const field of ['booking_page', 'master_page', 'event_type', 'cancel_reschedule_url']) {
      expect(booking).not.toHaveProperty(field);
    }

    const reassigned = sim.reassignBooking(booking.id, andrea.id);
    expect(reassigned.owner).toBe(owner.id);
    expect(reassigned.external_calendar.name).toBe('andrea@example.com');
    expect(sim.events().map((e) => e.type)).toEqual(['booking.scheduled', 'booking.reassigned']);

    const ids = async (query: string): Promise<string[]> =>
      (await call<BookingList>(sim, key, 'GET', `/bookings?${query}`)).body.data.map((x) => x.id);
    expect(await ids(`booking_calendar=${calendar.id}`)).toEqual([booking.id]);
    expect(await ids(`host=${andrea.id}`)).toEqual([booking.id]);
    expect(await ids(`host=${owner.id}`)).toEqual([]);
    expect(await ids(`owner=${owner.id}`)).toEqual([booking.id]);

    const calendars = await call<ListResponse<unknown>>(sim, key, 'GET', `/booking-calendars?host=${owner.id}`);
    expect(calendars.body.data).toEqual([calendar]);
    expect((await call(sim, key, 'GET', `/booking-calendars/${calendar.id}`)).body).toEqual(calendar);
    expect((await call(sim, key, 'GET', '/booking-calendars/BKC-NOPE')).body).toEqual({
      type: 'invalid_request_error',
      message: "No such booking calendar: 'BKC-NOPE'",
      param: 'id',
    });
  });
});
