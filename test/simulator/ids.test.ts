import nock from 'nock';
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);

import { IdFactory, seededRandom } from './ids';
import { startSimulator, type Simulator, type Webhook } from './index';
import { call, CUSTOMER } from './testing';

describe('ids', () => {
  it('are reproducible for a seed and differ between seeds', () => {
    const a = new IdFactory(seededRandom(42));
    const b = new IdFactory(seededRandom(42));
    const c = new IdFactory(seededRandom(43));
    const take = (f: IdFactory): string[] => [f.id('ACT-', 12), f.apiKey(), f.webhookSecret()];
    const first = take(a);
    expect(take(b)).toEqual(first);
    expect(take(c)).not.toEqual(first);
    expect(first[0]).toMatch(/^ACT-[A-Z0-9]{12}$/);
    expect(first[1]).toMatch(/^[0-9A-Za-z]{40}$/);
    expect(first[2]).toMatch(/^[0-9a-f]{32}$/);
  });

  it('never repeat, even from a tiny alphabet', () => {
    const f = new IdFactory(seededRandom(1));
    const seen = new Set(Array.from({ length: 30 }, () => f.id('X-', 1)));
    expect(seen.size).toBe(30);
  });

  describe('a seeded simulator', () => {
    const sims: Simulator[] = [];
    afterAll(async () => {
      await Promise.all(sims.map((s) => s.close()));
    });

    async function run(): Promise<unknown[]> {
      const sim = await startSimulator({ seed: 2024, now: () => new Date('2025-01-01T00:00:00Z') });
      sims.push(sim);
      const { accountId, owner } = sim.createAccount({
        product: 'booking_pages',
        owner: { email: 'michael@example.com', first_name: 'Michael', last_name: 'Smith' },
      });
      sim.createBookingPage(accountId, { name: 'Michael', ownerId: owner.id });
      const key = sim.createApiKey(accountId);
      // Request ids come from their own stream, so extra requests don't shift object ids.
      if (sims.length === 1) await call(sim, key, 'GET', '/test');
      const hook = await call<Webhook>(sim, key, 'POST', '/webhooks', {
        name: 'x',
        url: 'https://example.com/x',
        events: ['booking.completed'],
      });
      const booking = sim.scheduleBooking(accountId, {
        ownerId: owner.id,
        startingTime: '2025-02-01T10:00:00Z',
        customer: CUSTOMER,
      });
      return [accountId, owner.id, key, hook.body, booking, sim.events()];
    }

    it('produces identical ids, keys, secrets and bookings', async () => {
      expect(await run()).toEqual(await run());
    });
  });
});
