/** Booking triggers end to end: Zaps on, bookings change in OnceHub, Zaps run, Zaps off. */
import { offline } from '../support/app';
import { book, startWorld, type World } from './world';

let world: World;
beforeAll(() => offline({ loopback: true }));
beforeEach(async () => {
  world = await startWorld({ seed: 11 });
  await world.zapier.connect({ apiKey: world.key, loginId: 'michael@example.com' });
});
afterEach(() => world.close());

async function settle(): Promise<void> {
  await world.sim.settled();
  await world.zapier.idle();
}

it('runs each Zap once per matching booking event, with clean Zap data, and leaves no webhook behind', async () => {
  const { zapier, sim } = world;
  const scheduled = await zapier.turnOn('booking_scheduled');
  const rescheduled = await zapier.turnOn('booking_rescheduled');
  const canceled = await zapier.turnOn('booking_canceled');
  const everything = await zapier.turnOn('booking_lifecycle_event', { scope: 'all' });
  expect(sim.webhookCount(world.accountId)).toBe(4);

  const mine = book(world, world.michael);
  sim.rescheduleBooking(mine.id, new Date(Date.parse(mine.starting_time ?? '') + 86_400_000).toISOString(), { actionedBy: 'customer' });
  sim.cancelBooking(mine.id, { actionedBy: 'customer', reason: 'Found another slot' });
  const danas = book(world, world.dana);
  await settle();

  expect(scheduled.runs.map((r) => r.booking_id)).toEqual([mine.id]);
  expect(rescheduled.runs.map((r) => r.event)).toEqual(['booking.rescheduled']);
  expect(canceled.runs).toHaveLength(1);
  expect(canceled.runs[0]).toMatchObject({
    event: 'booking.canceled',
    booking_id: mine.id,
    status: 'canceled',
    cancel_reschedule_reason: 'Found another slot',
    cancel_reschedule_actioned_by: 'customer',
    owner_email: 'michael@example.com',
    owner_name: 'Michael Smith',
    booking_page_name: 'Michael Smith',
    event_type_name: 'Product demo',
    customer_timezone: 'America/New_York',
    form_fields: { 'Team size': '25' },
  });
  expect(canceled.runs[0]?.start_time_customer_timezone).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);
  // The "all bookings" Zap also sees Dana's booking; the scoped ones do not.
  expect(everything.runs.map((r) => [r.event, r.booking_id])).toEqual([
    ['booking.scheduled', mine.id],
    ['booking.rescheduled', mine.id],
    ['booking.canceled', mine.id],
    ['booking.scheduled', danas.id],
  ]);
  expect(new Set(everything.runs.map((r) => r.id)).size).toBe(4);
  expect(sim.deliveries().every((d) => d.status === 'acknowledged')).toBe(true);

  for (const zap of zapier.zaps) expect(await zapier.turnOff(zap)).toMatchObject({ result: { deleted: true } });
  expect(sim.webhookCount(world.accountId)).toBe(0);
});

it('a redelivered event does not run the Zap twice; two Zaps on one trigger each run once', async () => {
  const first = await world.zapier.turnOn('booking_scheduled');
  const second = await world.zapier.turnOn('booking_scheduled');
  book(world, world.michael);
  await settle();
  const [event] = world.sim.events();
  world.sim.redeliver(event!.id, String(first.subscribeData.id));
  await settle();
  expect(first.runs).toHaveLength(1);
  expect(first.skipped).toBe(1);
  expect(second.runs).toHaveLength(1);
});

it('a forged delivery to a Zap’s hook URL runs nothing', async () => {
  const zap = await world.zapier.turnOn('booking_scheduled', { scope: 'all' });
  const forged = { id: 'EVNT-FORGED0001', object: 'event', type: 'booking.scheduled', creation_time: new Date().toISOString(), api_version: 'v2', data: { id: 'BKNG-FORGED00001' } };
  const response = await fetch(zap.targetUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Oncehub-Signature': `t=${Math.floor(Date.now() / 1000)},s=${'0'.repeat(64)}` },
    body: JSON.stringify(forged),
  });
  expect(response.status).toBe(200);
  await world.zapier.idle();
  expect(zap.runs).toEqual([]);
  expect(zap.skipped).toBe(1);
});

it('loads samples from the user’s real recent bookings, in the same shape as live runs', async () => {
  const zap = await world.zapier.turnOn('booking_scheduled');
  book(world, world.michael, 1);
  book(world, world.dana, 2);
  const latest = book(world, world.michael, 4);
  await settle();
  const samples = await world.zapier.loadSamples('booking_scheduled');
  expect(samples[0]?.booking_id).toBe(latest.id);
  expect(samples.every((s) => s.owner_id === world.michael.id)).toBe(true);
  expect(samples).toHaveLength(2);
  expect(Object.keys(samples[0]!).sort()).toEqual(Object.keys(zap.runs[0]!).sort());
});

it('fills the filter dropdowns from the account', async () => {
  const pages = await world.zapier.dropdown('list_booking_pages');
  expect(pages.map((p) => p.id).sort()).toEqual([world.michaelsPage.id, world.danasPage.id].sort());
  const types = await world.zapier.dropdown('list_event_types');
  expect(types).toEqual([{ id: world.demoType.id, name: 'Product demo' }]);
});

it('a booking-page filter runs the Zap only for that page', async () => {
  const zap = await world.zapier.turnOn('booking_scheduled', { scope: 'all', booking_page: world.danasPage.id });
  book(world, world.michael);
  const danas = book(world, world.dana);
  await settle();
  expect(zap.runs.map((r) => r.booking_id)).toEqual([danas.id]);
});
