/**
 * The README's main job: the real app, driven the way Zapier drives it, against a local OnceHub
 * simulator over HTTP. Prints a short transcript of connecting, booking triggers, and a key
 * regeneration with reconnect. Dev-only; nothing here ships.
 */
import type { BookingItem } from '../../src/bookings';
import { book, startWorld, type World } from '../e2e/world';
import type { Zap } from '../support/zapier';

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const step = (title: string): void => out(`\n== ${title}`);

/** Error text as a user would read it in Zapier (core wraps some messages in JSON). */
function shown(error: unknown): string {
  // createAppTester appends the bundle it ran with ("What happened: …"); Zapier shows only the message.
  const message = (error instanceof Error ? error.message : String(error)).split('\nWhat happened:')[0] ?? '';
  try {
    const parsed = JSON.parse(message) as { message?: string };
    return parsed.message ?? message;
  } catch {
    return message;
  }
}

async function attempt(label: string, action: () => Promise<unknown>): Promise<void> {
  try {
    const result = await action();
    out(`   ${label}: OK ${typeof result === 'string' ? result : ''}`);
  } catch (error) {
    out(`   ${label}: ${(error as Error).name}`);
    out(`     "${shown(error)}"`);
  }
}

function summary(item: BookingItem): string {
  const when = item.start_time_customer_timezone ?? item.start_time;
  const reason = item.cancel_reschedule_reason ? `, reason "${item.cancel_reschedule_reason}"` : '';
  return `${item.event} ${item.booking_id} — ${item.booker_name} <${item.booker_email}> with ${item.owner_name}, ${when} (${item.customer_timezone})${reason}`;
}

function report(zaps: Zap[]): void {
  for (const zap of zaps) {
    out(`   Zap #${zap.id} ${zap.triggerKey}${zap.inputData.scope === 'all' ? ' (all bookings)' : ''}: ${zap.runs.length} run(s), ${zap.skipped} delivery(ies) not for it`);
    for (const item of zap.runs) out(`     · ${summary(item)}`);
  }
}

async function settle(world: World): Promise<void> {
  await world.sim.settled();
  await world.zapier.idle();
}

async function main(): Promise<void> {
  const world = await startWorld({ seed: 2026 });
  const { sim, zapier } = world;
  const michael = { apiKey: world.key, loginId: 'michael@example.com' };
  try {
    out(`OnceHub simulator at ${sim.baseUrl}; account ${world.accountId} (Booking Pages), owner Michael Smith, member Dana Lee.`);

    step('1. Connect OnceHub (issue #3)');
    await attempt('Connect with the API key and Login ID', async () => `→ label "${(await zapier.connect(michael)).label}"`);
    await attempt('Connect with a wrong key', () => zapier.connect({ ...michael, apiKey: 'wrong-key-123' }));
    await attempt('Connect with a Login ID from elsewhere', () => zapier.connect({ ...michael, loginId: 'stranger@example.com' }));
    await attempt('Connect with a malformed Login ID', () => zapier.connect({ ...michael, loginId: 'michael at example' }));
    const spareKey = sim.createApiKey(world.accountId);
    const regenerated = sim.regenerateApiKey(spareKey);
    await attempt('Connect with a key that was regenerated in OnceHub', () => zapier.connect({ ...michael, apiKey: spareKey }));
    await attempt('Connect with the regenerated key', async () => `→ label "${(await zapier.connect({ ...michael, apiKey: regenerated })).label}"`);
    await zapier.connect(michael);

    step('2. Booking triggers (issue #4): Zaps on, bookings change in OnceHub, Zaps run');
    const zaps = [
      await zapier.turnOn('booking_scheduled'),
      await zapier.turnOn('booking_rescheduled'),
      await zapier.turnOn('booking_canceled'),
      await zapier.turnOn('booking_lifecycle_event', { scope: 'all' }),
    ];
    out(`   Turned on ${zaps.length} Zaps → OnceHub now has ${sim.webhookCount()} webhooks`);
    const first = book(world, world.michael);
    sim.rescheduleBooking(first.id, new Date(Date.parse(first.starting_time ?? '') + 86_400_000).toISOString(), { actionedBy: 'customer', reason: 'Travelling' });
    sim.cancelBooking(first.id, { actionedBy: 'customer', reason: 'Budget frozen' });
    book(world, world.dana);
    await settle(world);
    out('   Booked, rescheduled and canceled a meeting with Michael; booked one with Dana.');
    report(zaps);
    const samples = await zapier.loadSamples('booking_canceled');
    const live = zaps[2]?.runs[0] ?? {};
    const sameKeys = samples.every((sample) => Object.keys(sample).sort().join() === Object.keys(live).sort().join());
    out(
      `   "Test trigger" on Booking Canceled loads ${samples.length} real canceled booking(s) of Michael's` +
        ` (${samples.map((s) => s.booking_id).join(', ')}), ${sameKeys ? 'with exactly the fields of a live run' : 'WITH OTHER FIELDS THAN A LIVE RUN'}.`,
    );
    const redelivered = sim.events()[0];
    if (redelivered) sim.redeliver(redelivered.id, String(zaps[0]?.subscribeData.id));
    await settle(world);
    out(`   OnceHub redelivered ${redelivered?.id}: Booking Scheduled still has ${zaps[0]?.runs.length} run (no double run).`);
    for (const zap of zaps) await zapier.turnOff(zap);
    out(`   Turned all Zaps off → OnceHub has ${sim.webhookCount()} webhooks left`);

    step('3. Key regenerated while Zaps are on, then reconnect (issue #5)');
    const zap = await zapier.turnOn('booking_scheduled');
    const newKey = sim.regenerateApiKey(world.key);
    out('   The key was regenerated in OnceHub; the Zap stays on.');
    book(world, world.michael, 5);
    await settle(world);
    out(`   A new booking still runs the Zap: ${zap.runs.length} run(s) — deliveries need no key.`);
    await attempt('Load samples with the dead key', () => zapier.loadSamples('booking_scheduled'));
    await attempt('Reconnect with the new key', async () => `→ label "${(await zapier.connect({ ...michael, apiKey: newKey })).label}"`);
    await attempt('Load samples again', async () => `→ ${(await zapier.loadSamples('booking_scheduled')).length} booking(s)`);
    const outcome = await zapier.turnOff(zap);
    out(`   Turned the Zap off with the new key → ${JSON.stringify(outcome.result)}; OnceHub has ${sim.webhookCount()} webhooks left`);

    step('4. A Zap turned off before reconnecting');
    const orphan = await zapier.turnOn('booking_canceled', { scope: 'all' });
    sim.deleteApiKey(newKey);
    await attempt('Turn the Zap off with a deleted key', async () => {
      const result = await zapier.turnOff(orphan);
      if (result.error) throw result.error;
      return result.result;
    });
    const doomed = book(world, world.michael, 6);
    sim.cancelBooking(doomed.id, { actionedBy: 'user' });
    await settle(world);
    out(`   The next delivery got 410 Gone from Zapier → OnceHub dropped the webhook; ${sim.webhookCount()} webhooks left.`);
    out('\nDemo finished: every case above ran the real app through zapier-platform-core against the simulator.');
  } finally {
    await world.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
