/**
 * Many Zaps turned on and off while OnceHub misbehaves (429 bursts, 5xx, lost answers, reset
 * connections, HTML error pages), with bookings and redeliveries in between. Zapier retries a
 * failed subscribe or unsubscribe; at the end no webhook may be left and no event lost or doubled.
 * Bounded: a fixed number of cycles against loopback only.
 */
import { offline } from '../support/app';
import type { FaultSpec } from '../simulator';
import type { Zap } from '../support/zapier';
import { book, startWorld, type World } from './world';

const CYCLES = 30;
const MAX_ATTEMPTS = 8;

let world: World;
beforeAll(() => offline({ loopback: true }));
beforeEach(async () => {
  world = await startWorld({ seed: 99 });
  process.env.ONCEHUB_TIMEOUT_MS = '150';
  await world.zapier.connect({ apiKey: world.key, loginId: 'michael@example.com' });
});
afterEach(async () => {
  delete process.env.ONCEHUB_TIMEOUT_MS;
  await world.close();
});

/** A deterministic pseudo-random sequence, so a failing run can be replayed exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const FAULTS: Omit<FaultSpec, 'method' | 'path'>[] = [
  { kind: 'status', status: 429, times: 2 },
  { kind: 'status', status: 500 },
  { kind: 'status', status: 503 },
  { kind: 'slow-after-commit', delayMs: 300 },
  { kind: 'reset-after-commit' },
  { kind: 'reset' },
  { kind: 'non-json' },
];

async function withRetries<T>(attempt: () => Promise<T>, counts: { failures: number }): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      counts.failures += 1;
      if (i >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 350));
    }
  }
}

it(`${CYCLES} on/off cycles under injected faults leave zero orphan webhooks and no lost or doubled event`, async () => {
  const { sim, zapier } = world;
  const next = random(2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const counts = { failures: 0, faults: 0, redeliveries: 0 };
  const expected = new Map<number, Set<string>>();

  for (let cycle = 0; cycle < CYCLES; cycle += 1) {
    if (next() < 0.7) {
      sim.injectFault({ method: 'POST', path: '/webhooks', ...pick(FAULTS) });
      counts.faults += 1;
    }
    const id = zapier.reserveZapId();
    const zap: Zap = await withRetries(() => zapier.turnOn('booking_lifecycle_event', { scope: 'all' }, id), counts);
    expect(zapier.zaps.filter((z) => z.id === id)).toHaveLength(1);

    const booking = book(world, next() < 0.5 ? world.michael : world.dana);
    if (next() < 0.5) sim.cancelBooking(booking.id, { actionedBy: 'user' });
    await sim.settled();
    const mine = sim.events().filter((e) => e.payload.data.id === booking.id);
    expected.set(zap.id, new Set(mine.map((e) => e.id)));
    if (next() < 0.5) {
      for (const event of mine) sim.redeliver(event.id, String(zap.subscribeData.id));
      counts.redeliveries += mine.length;
    }
    await sim.settled();
    await zapier.idle();

    if (next() < 0.7) {
      sim.injectFault({ method: 'DELETE', path: '/webhooks/{id}', ...pick(FAULTS) });
      counts.faults += 1;
    }
    await withRetries(async () => {
      const outcome = await zapier.turnOff(zap);
      if (outcome.error) throw outcome.error;
      return outcome;
    }, counts);
    sim.clearFaults();
  }
  await sim.settled();
  await zapier.idle();

  let lost = 0;
  let doubled = 0;
  for (const zap of zapier.zaps) {
    const want = expected.get(zap.id) ?? new Set<string>();
    const got = zap.runs.map((r) => r.id);
    lost += [...want].filter((id) => !got.includes(id)).length;
    doubled += got.length - new Set(got).size;
  }
  const events = [...expected.values()].reduce((sum, ids) => sum + ids.size, 0);
  // Printed so a soak run's scale is visible in CI logs.
  process.stdout.write(
    `soak: ${CYCLES} cycles, ${counts.faults} faults injected, ${counts.failures} failed attempts retried, ` +
      `${events} events, ${counts.redeliveries} redeliveries, ${sim.webhookCount()} webhooks left, ${lost} lost, ${doubled} doubled\n`,
  );
  expect(counts.faults).toBeGreaterThan(10);
  expect(counts.failures).toBeGreaterThan(0);
  expect(sim.webhookCount()).toBe(0);
  expect(lost).toBe(0);
  expect(doubled).toBe(0);
}, 120_000);
