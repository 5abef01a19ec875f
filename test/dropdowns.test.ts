/** Filter dropdowns: OnceHub's lists as id/name choices, page by page. */
import nock from 'nock';
import { restFixture } from './fixtures';
import { App, auth, dropdowns, hooks, AUTH, appTester, offline, oncehub, resetNetwork } from './support/app';

beforeAll(() => offline());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  resetNetwork();
});

it.each([
  ['list_booking_pages', '/v2/booking-pages', 'booking-pages'],
  ['list_event_types', '/v2/event-types', 'event-types'],
  ['list_booking_calendars', '/v2/booking-calendars', 'booking-calendars'],
] as const)('%s turns the first page into choices with one request', async (key, path, fixture) => {
  const list = restFixture(fixture);
  oncehub().get(path).query({ limit: 100 }).reply(200, list);
  const choices = await appTester(dropdowns[key].operation.perform, { authData: AUTH, meta: { page: 0 } });
  expect(choices.map((c) => c.id)).toEqual(list.data.map((item) => item.id));
  expect(choices.every((c) => typeof c.name === 'string' && c.name.length > 0)).toBe(true);
});

it('names a booking page by its public name and its internal label', async () => {
  oncehub()
    .get('/v2/booking-pages')
    .query(true)
    .reply(200, { object: 'list', data: [{ object: 'booking_page', id: 'BP-1', name: 'Andrea Hartie', label: 'sales-andrea' }], has_more: false });
  await expect(appTester(dropdowns.list_booking_pages.operation.perform, { authData: AUTH, meta: { page: 0 } })).resolves.toEqual([
    { id: 'BP-1', name: 'Andrea Hartie (sales-andrea)' },
  ]);
});

it('reaches page 2 by following the cursor, and a page past the end is empty', async () => {
  const page = (ids: string[], has_more: boolean) => ({
    object: 'list',
    data: ids.map((id) => ({ object: 'event_type', id, name: `Type ${id}` })),
    has_more,
  });
  oncehub().get('/v2/event-types').query({ limit: 100 }).reply(200, page(['ET-1', 'ET-2'], true));
  oncehub().get('/v2/event-types').query({ limit: 100, after: 'ET-2' }).reply(200, page(['ET-3'], false));
  await expect(appTester(dropdowns.list_event_types.operation.perform, { authData: AUTH, meta: { page: 1 } })).resolves.toEqual([
    { id: 'ET-3', name: 'Type ET-3' },
  ]);

  oncehub().get('/v2/event-types').query({ limit: 100 }).reply(200, page(['ET-1'], false));
  await expect(appTester(dropdowns.list_event_types.operation.perform, { authData: AUTH, meta: { page: 3 } })).resolves.toEqual([]);
});

it('dropdown triggers are hidden from the trigger list', () => {
  for (const key of ['list_booking_pages', 'list_event_types', 'list_booking_calendars']) {
    expect(hooks[key]?.display.hidden).toBe(true);
  }
});
