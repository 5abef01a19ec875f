/**
 * Runs the simulator standalone with a seeded Booking Pages account, for trying the app by hand:
 *
 *   npm run build:dev && PORT=4010 node .dev-dist/test/simulator/main.js
 *   ONCEHUB_API_BASE_URL=http://127.0.0.1:4010/v2 zapier-platform invoke auth test
 *
 * PORT defaults to 4010 and SEED to 1, so the printed ids and key are the same on every run.
 */
import { startSimulator, type Simulator } from './index';

const DAY = 24 * 60 * 60 * 1000;

function seed(sim: Simulator): { accountId: string; loginId: string; apiKey: string } {
  const { accountId, owner } = sim.createAccount({
    product: 'booking_pages',
    owner: { email: 'michael@example.com', first_name: 'Michael', last_name: 'Smith', timezone: 'America/New_York' },
  });
  const apiKey = sim.createApiKey(accountId);
  const andrea = sim.createUser(accountId, {
    email: 'andrea.hartie@example.com',
    first_name: 'Andrea',
    last_name: 'Hartie',
    role_name: 'Administrator',
    timezone: 'America/Chicago',
  });
  const sam = sim.createUser(accountId, { email: 'sam.lee@example.com', first_name: 'Sam', last_name: 'Lee' });
  const quick = sim.createEventType(accountId, { name: '15-minute meeting', description: 'A quick intro call.' });
  const demo = sim.createEventType(accountId, {
    name: 'Live demo',
    description: 'Schedule a live demo with us for an in-depth look at our enterprise solutions.',
  });
  const team = sim.createMasterPage(accountId, { name: 'Star Software LLC', label: 'StarSoftware' });
  const michaelPage = sim.createBookingPage(accountId, {
    name: 'Michael Smith',
    ownerId: owner.id,
    eventTypeIds: [quick.id, demo.id],
    masterPageIds: [team.id],
  });
  sim.createBookingPage(accountId, { name: 'Andrea Hartie', ownerId: andrea.id, eventTypeIds: [demo.id] });
  sim.createBookingPage(accountId, { name: 'Sam Lee', ownerId: sam.id, eventTypeIds: [quick.id] });

  const inDays = (days: number, hourUtc: number): string => {
    const date = new Date(Date.now() + days * DAY);
    date.setUTCHours(hourUtc, 0, 0, 0);
    return date.toISOString();
  };
  const carrie = { name: 'Carrie Customer', email: 'carrie.customer@example.com', timezone: 'America/New_York' };
  sim.scheduleBooking(accountId, {
    ownerId: owner.id,
    bookingPageId: michaelPage.id,
    eventTypeId: demo.id,
    masterPageId: team.id,
    startingTime: inDays(2, 15),
    durationMinutes: 60,
    customer: {
      ...carrie,
      company: 'Acme Inc.',
      note: 'I want to discuss whether your product can work for our office.',
    },
    customFields: [{ name: 'Title', value: 'Executive Assistant' }],
    utmParams: { source: 'newsletter', medium: 'email', campaign: 'spring', term: '', content: 'cta' },
  });
  const moved = sim.scheduleBooking(accountId, {
    ownerId: andrea.id,
    eventTypeId: demo.id,
    startingTime: inDays(3, 17),
    durationMinutes: 60,
    customer: {
      name: 'Dan Buyer',
      email: 'dan.buyer@example.com',
      timezone: 'Europe/London',
      mobile_phone: '+447700900123',
    },
  });
  sim.rescheduleBooking(moved.id, inDays(4, 17), { reason: 'Travelling that day' });
  const dropped = sim.scheduleBooking(accountId, {
    ownerId: sam.id,
    eventTypeId: quick.id,
    startingTime: inDays(1, 14),
    durationMinutes: 15,
    customer: { name: 'Erin Prospect', email: 'erin@example.com', timezone: 'America/Los_Angeles' },
  });
  sim.cancelBooking(dropped.id, { actionedBy: 'customer', reason: 'Found another solution' });
  const done = sim.scheduleBooking(accountId, {
    ownerId: owner.id,
    eventTypeId: quick.id,
    startingTime: inDays(-1, 16),
    durationMinutes: 15,
    customer: carrie,
  });
  sim.completeBooking(done.id);
  return { accountId, loginId: owner.email, apiKey };
}

async function main(): Promise<void> {
  const port = Number(process.env['PORT'] ?? 4010);
  const sim = await startSimulator({ port, seed: Number(process.env['SEED'] ?? 1) });
  const { accountId, loginId, apiKey } = seed(sim);
  const lines = [
    'OnceHub API simulator (dev only)',
    `Base URL:    ${sim.baseUrl}`,
    `Admin URL:   ${sim.adminUrl}`,
    `Account ID:  ${accountId}`,
    `Login ID:    ${loginId}`,
    `API key:     ${apiKey}`,
    '',
    'Try it:',
    `  curl -H 'API-Key: ${apiKey}' ${sim.baseUrl}/test`,
    `  ONCEHUB_API_BASE_URL=${sim.baseUrl} zapier-platform invoke auth test`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
