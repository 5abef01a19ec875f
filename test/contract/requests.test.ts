/**
 * Every request the app sends, checked against OnceHub's spec: the app runs every operation of
 * every trigger against the simulator, and each request the simulator logged (method, path,
 * query, body) must match a documented operation. Also: the static sample's source payload is a
 * valid OnceHub delivery.
 */
import { SAMPLE_EVENT } from '../../src/samples';
import { TRIGGERS } from '../../src/events';
import { startWorld, book, type World } from '../e2e/world';
import { offline } from '../support/app';
import { validateRequest, validateWebhookDelivery } from './openapi';

let world: World;
beforeAll(() => offline({ loopback: true }));
afterAll(() => world?.close());

it('the static sample is built from a delivery OnceHub could send (its signed-example form)', () => {
  expect(validateWebhookDelivery(SAMPLE_EVENT, { allowPublishedExampleDeviations: true })).toEqual([]);
});

it('every request of every operation matches an operation in OnceHub’s spec', async () => {
  world = await startWorld({ seed: 5 });
  const { zapier, sim } = world;
  await zapier.connect({ apiKey: world.key, loginId: 'michael@example.com' });
  await zapier.connect({ apiKey: world.key, loginId: world.accountId });
  book(world, world.michael);
  for (const row of TRIGGERS) {
    for (const inputData of [{}, { scope: 'all', booking_page: world.michaelsPage.id, event_type: world.demoType.id }]) {
      await zapier.loadSamples(row.key, inputData);
      const zap = await zapier.turnOn(row.key, inputData);
      await zapier.turnOff(zap);
      await zapier.turnOff(zap);
    }
  }
  await zapier.loadSamples('booking_lifecycle_event', { events: ['booking.canceled', 'booking.no_show'] });
  for (const key of ['list_booking_pages', 'list_event_types']) await zapier.dropdown(key);

  const requests = sim.requests();
  const problems = requests.flatMap((request) => {
    const query = new URLSearchParams(Object.entries(request.query)).toString();
    const url = `${request.path}${query ? `?${query}` : ''}`;
    return validateRequest({ method: request.method, url, body: request.body }).map((p) => `${request.method} ${url}: ${p}`);
  });
  expect(problems).toEqual([]);
  const operations = new Set(requests.map((r) => `${r.method} ${r.path.replace(/WHK-\w+/, '{id}')}`));
  expect([...operations].sort()).toEqual(
    ['DELETE /v2/webhooks/{id}', 'GET /v2/bookings', 'GET /v2/booking-pages', 'GET /v2/event-types', 'GET /v2/test', 'GET /v2/users', 'POST /v2/webhooks'].sort(),
  );
});
