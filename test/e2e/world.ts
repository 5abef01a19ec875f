/**
 * One OnceHub account in the local simulator, the real app, and the Zapier stand-in, wired over
 * real loopback HTTP. Shared by the end-to-end tests and the demo.
 */
import App from '../../index';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator';
import type { BookingPage, EventType, User } from '../simulator';
import { ZapierEmulator } from '../support/zapier';

export interface World {
  sim: Simulator;
  zapier: ZapierEmulator;
  accountId: string;
  key: string;
  michael: User;
  dana: User;
  michaelsPage: BookingPage;
  danasPage: BookingPage;
  demoType: EventType;
  close(): Promise<void>;
}

export const MICHAEL = { email: 'michael@example.com', first_name: 'Michael', last_name: 'Smith', timezone: 'America/Chicago' };
export const DANA = { email: 'dana@example.com', first_name: 'Dana', last_name: 'Lee', timezone: 'Europe/London' };

export async function startWorld(options: SimulatorOptions = {}): Promise<World> {
  const sim = await startSimulator({ retryDelaysMs: [20, 40, 80], ...options });
  process.env.ONCEHUB_API_BASE_URL = sim.baseUrl;
  const { accountId, owner } = sim.createAccount({ product: 'booking_pages', owner: MICHAEL });
  const dana = sim.createUser(accountId, { ...DANA, role_name: 'Member' });
  const michaelsPage = sim.createBookingPage(accountId, { name: 'Michael Smith', label: 'michael', ownerId: owner.id });
  const danasPage = sim.createBookingPage(accountId, { name: 'Dana Lee', label: 'dana', ownerId: dana.id });
  const demoType = sim.createEventType(accountId, { name: 'Product demo', description: '30 minutes with our team' });
  const key = sim.createApiKey(accountId);
  const zapier = await ZapierEmulator.start(App);
  return {
    sim,
    zapier,
    accountId,
    key,
    michael: owner,
    dana,
    michaelsPage,
    danasPage,
    demoType,
    async close() {
      await zapier.close();
      await sim.close();
      delete process.env.ONCEHUB_API_BASE_URL;
    },
  };
}

let customers = 0;

/** A booking by a new customer, starting `daysAhead` days from now at 15:00 UTC. */
export function book(world: World, owner: User, daysAhead = 3) {
  customers += 1;
  const start = new Date();
  start.setUTCDate(start.getUTCDate() + daysAhead);
  start.setUTCHours(15, 0, 0, 0);
  const page = owner.id === world.dana.id ? world.danasPage : world.michaelsPage;
  return world.sim.scheduleBooking(world.accountId, {
    ownerId: owner.id,
    bookingPageId: page.id,
    eventTypeId: world.demoType.id,
    startingTime: start.toISOString(),
    durationMinutes: 30,
    subject: 'Product demo',
    customer: {
      name: `Carrie Customer${customers}`,
      email: `carrie${customers}@customer.example`,
      company: 'Customer Inc.',
      timezone: 'America/New_York',
    },
    customFields: [{ name: 'Team size', value: '25' }],
  });
}
