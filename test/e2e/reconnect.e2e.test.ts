/**
 * The key is regenerated in OnceHub while Zaps are on: deliveries keep running the Zaps, the
 * first operation needing the key asks for a reconnect, and after reconnecting every Zap turns
 * off cleanly with the new key. No event lost, none doubled, no webhook left behind.
 */
import { offline } from '../support/app';
import { book, startWorld, type World } from './world';

let world: World;
beforeAll(() => offline({ loopback: true }));
beforeEach(async () => {
  world = await startWorld({ seed: 23 });
  await world.zapier.connect({ apiKey: world.key, loginId: 'michael@example.com' });
});
afterEach(async () => {
  delete process.env.ONCEHUB_TIMEOUT_MS;
  await world.close();
});

async function settle(): Promise<void> {
  await world.sim.settled();
  await world.zapier.idle();
}

function cancel(bookingId: string) {
  return world.sim.cancelBooking(bookingId, { actionedBy: 'customer', reason: 'Plans changed' });
}

it('regenerate, keep running, reconnect, turn off: zero webhooks left and every event ran its Zaps exactly once', async () => {
  const { zapier, sim } = world;
  const scheduled = await zapier.turnOn('booking_scheduled');
  const canceled = await zapier.turnOn('booking_canceled');
  const lifecycle = await zapier.turnOn('booking_lifecycle_event', { scope: 'all' });

  const first = book(world, world.michael);
  cancel(first.id);
  await settle();

  const newKey = sim.regenerateApiKey(world.key);
  const second = book(world, world.michael);
  cancel(second.id);
  book(world, world.dana);
  await settle();

  expect(scheduled.runs.map((r) => r.booking_id)).toEqual([first.id, second.id]);
  expect(canceled.runs.map((r) => r.booking_id)).toEqual([first.id, second.id]);
  expect(lifecycle.runs).toHaveLength(5);

  const expired = await zapier.loadSamples('booking_scheduled').catch((e: Error) => e);
  expect(expired).toMatchObject({ name: 'ExpiredAuthError' });
  expect((expired as Error).message).toMatch(/regenerated or deleted in OnceHub.*Reconnect OnceHub in Zapier/);
  expect((expired as Error).message).toMatch(/Request-Id: req_/);
  expect((expired as Error).message).not.toContain(world.key);
  await expect(zapier.dropdown('list_booking_pages')).rejects.toMatchObject({ name: 'ExpiredAuthError' });

  await zapier.connect({ apiKey: newKey, loginId: 'michael@example.com' });
  await expect(zapier.loadSamples('booking_canceled')).resolves.toHaveLength(2);
  for (const zap of zapier.zaps) expect(await zapier.turnOff(zap)).toMatchObject({ result: { deleted: true } });
  expect(sim.webhookCount()).toBe(0);

  const runIds = zapier.zaps.flatMap((zap) => zap.runs.map((r) => `${zap.id}:${r.id}`));
  expect(new Set(runIds).size).toBe(runIds.length);
  // Every acknowledged delivery reached its Zap once: it ran, or (Dana's booking on Michael's
  // scoped Zap) was left out of scope. Nothing failed, nothing was retried into a second run.
  const acknowledged = sim.deliveries().filter((d) => d.status === 'acknowledged');
  expect(sim.deliveries()).toHaveLength(acknowledged.length);
  expect(scheduled.skipped + canceled.skipped + lifecycle.skipped).toBe(1);
  expect(runIds.length + 1).toBe(acknowledged.length);
});

it('a Zap turned off while the key is dead goes off, says why its webhook stays, and OnceHub drops the webhook on the next 410', async () => {
  const zap = await world.zapier.turnOn('booking_scheduled');
  world.sim.deleteApiKey(world.key);
  const outcome = await world.zapier.turnOff(zap);
  expect(zap.on).toBe(false);
  expect(outcome.error?.name).toBe('ExpiredAuthError');
  expect(outcome.error?.message).toMatch(/The Zap is off, but its OnceHub webhook WHK-\w+ could not be deleted.*410 Gone/);
  expect(world.sim.webhookCount()).toBe(1);

  book(world, world.michael);
  await settle();
  expect(zap.runs).toEqual([]);
  expect(world.sim.deliveries().map((d) => d.status)).toEqual(['gone']);
  expect(world.sim.webhookCount()).toBe(0);
});

it('reconnected to another OnceHub account, turning off an old Zap succeeds and says where its webhook lives', async () => {
  const zap = await world.zapier.turnOn('booking_scheduled');
  const other = world.sim.createAccount({
    product: 'booking_calendars',
    owner: { email: 'michael@example.com', first_name: 'Michael', last_name: 'Smith' },
  });
  await world.zapier.connect({ apiKey: world.sim.createApiKey(other.accountId), loginId: 'michael@example.com' });
  const outcome = await world.zapier.turnOff(zap);
  expect(outcome.result).toMatchObject({ deleted: true, note: 'already gone' });
  expect(world.sim.webhookCount(world.accountId)).toBe(1);
});

it('after reconnecting with another Login ID, a Zap follows the new user from the next delivery on', async () => {
  const zap = await world.zapier.turnOn('booking_scheduled');
  const michaels = book(world, world.michael);
  book(world, world.dana);
  await settle();
  await world.zapier.connect({ apiKey: world.key, loginId: 'dana@example.com' });
  book(world, world.michael);
  const danas = book(world, world.dana);
  await settle();
  expect(zap.runs.map((r) => r.booking_id)).toEqual([michaels.id, danas.id]);
});

it('a subscribe whose answer is lost leaves one webhook after the retry', async () => {
  process.env.ONCEHUB_TIMEOUT_MS = '150';
  world.sim.injectFault({ method: 'POST', path: '/webhooks', kind: 'slow-after-commit', delayMs: 400 });
  const id = world.zapier.reserveZapId();
  await expect(world.zapier.turnOn('booking_scheduled', {}, id)).rejects.toThrow(/did not answer in time.*can be retried/);
  const zap = await world.zapier.turnOn('booking_scheduled', {}, id);
  expect(world.sim.webhookCount()).toBe(1);
  book(world, world.michael);
  await settle();
  expect(zap.runs).toHaveLength(1);
});

it('unsubscribe retried after it succeeded still succeeds', async () => {
  const zap = await world.zapier.turnOn('booking_scheduled');
  expect(await world.zapier.turnOff(zap)).toMatchObject({ result: { deleted: true } });
  expect(await world.zapier.turnOff(zap)).toMatchObject({ result: { deleted: true, note: 'already gone' } });
});

it.each([
  ['status', 429, 'ThrottledError'],
  ['status', 503, 'AppError'],
  ['reset', undefined, 'AppError'],
  ['non-json', undefined, 'AppError'],
] as const)('a %s %s fault is a retryable error that leaves nothing half-done', async (kind, status, name) => {
  world.sim.injectFault({ method: 'POST', path: '/webhooks', kind, ...(status ? { status } : {}) });
  const id = world.zapier.reserveZapId();
  await expect(world.zapier.turnOn('booking_scheduled', {}, id)).rejects.toMatchObject({ name });
  expect(world.sim.webhookCount()).toBe(0);
  const zap = await world.zapier.turnOn('booking_scheduled', {}, id);

  world.sim.injectFault({ method: 'DELETE', path: '/webhooks/{id}', kind, ...(status ? { status } : {}) });
  expect((await world.zapier.turnOff(zap)).error?.name).toBe(name);
  expect(world.sim.webhookCount()).toBe(1);
  expect(await world.zapier.turnOff(zap)).toMatchObject({ result: { deleted: true } });

  world.sim.injectFault({ method: 'GET', path: '/bookings', kind, ...(status ? { status } : {}) });
  await expect(world.zapier.loadSamples('booking_scheduled', { scope: 'all' })).rejects.toMatchObject({ name });
  expect(world.sim.webhookCount()).toBe(0);
});
