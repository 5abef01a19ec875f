/**
 * What the Zap editor shows before a live booking arrives: the static sample, real recent
 * bookings and the output field labels must all describe the same item a live delivery
 * produces, and pass Zapier's publishing checks (D018 Title Case labels, D021 descriptions,
 * D023 datetimes with an offset).
 */
import nock from 'nock';
import { inTimeZone, toItem, type BookingItem } from '../src/bookings';
import { SAMPLE_EVENT, SAMPLE_START_IN_CUSTOMER_ZONE } from '../src/samples';
import { TRIGGERS, type TriggerRow } from '../src/events';
import { eventFixture, restFixture, type RestFixtureName } from './fixtures';
import { API_KEY, App, appTester, offline, oncehub, resetNetwork } from './support/app';

const AUTH = { apiKey: API_KEY, loginId: 'andrea.hartie@example.com' };
const ALL = { scope: 'all' };
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);

beforeAll(() => offline());
afterEach(() => {
  // Reset before asserting, so one failing test leaves no interceptors behind for the next.
  const pending = nock.pendingMocks();
  resetNetwork();
  expect(pending).toEqual([]);
});

function hookOperation(key: string) {
  const operation = App.triggers?.[key]?.operation;
  if (!operation || operation.type !== 'hook') throw new Error(`${key} is not a hook trigger`);
  return operation;
}

function staticSample(key: string): Record<string, unknown> {
  const sample = hookOperation(key).sample;
  if (!sample) throw new Error(`${key} has no sample`);
  return sample;
}

function outputFields(key: string): { key: string; label?: string; type?: string }[] {
  const fields = hookOperation(key).outputFields ?? [];
  return fields.flatMap((field) => (typeof field === 'object' && field !== null && 'key' in field ? [field] : []));
}

async function deliveredItem(row: TriggerRow): Promise<BookingItem> {
  const event = eventFixture(row.bookingCalendarsOnly ? 'booking-calendars' : 'booking-pages', row.events[0] ?? 'booking.scheduled');
  const items = await appTester(
    hookOperation(row.key).perform,
    { authData: AUTH, inputData: ALL, cleanedRequest: { ...event, querystring: {} } },
    true,
  );
  const [item] = items as BookingItem[];
  if (!item) throw new Error(`${row.key} produced no item for ${event.type}`);
  return item;
}

async function listedItems(key: string, fixture: RestFixtureName): Promise<BookingItem[]> {
  const list = hookOperation(key).performList;
  if (typeof list !== 'function') throw new Error(`${key} has no performList function`);
  oncehub().get('/v2/bookings').query(true).reply(200, restFixture(fixture));
  // App.triggers is keyed by string, so core's types only know items as objects; they are BookingItems.
  return (await appTester(list, { authData: AUTH, inputData: ALL, meta: { isLoadingSample: true } }, true)) as BookingItem[];
}

const keysOf = (item: object): string[] => Object.keys(item).sort();

/** Zapier's Title Case: every word capitalised except short joining words after the first. */
function isTitleCase(label: string): boolean {
  return label
    .split(/[\s/]+/)
    .map((word) => word.replace(/^[("']+|[)"'.,:]+$/g, ''))
    .filter(Boolean)
    .every((word, index) => (index > 0 && SMALL_WORDS.has(word)) || word.split('-').every((part) => /^[A-Z0-9]/.test(part)));
}

it('the Title Case rule used below tells Title Case from sentence case', () => {
  expect(isTitleCase('Booking Marked No-Show')).toBe(true);
  expect(isTitleCase("Start Time in Customer's Time Zone")).toBe(true);
  expect(isTitleCase('Booking scheduled')).toBe(false);
  expect(isTitleCase('Booking Marked No-show')).toBe(false);
});

describe.each(TRIGGERS.map((row) => [row.key, row] as const))('the %s trigger', (key, row) => {
  it('has a static sample with the same fields as a live delivery', async () => {
    expect(keysOf(staticSample(key))).toEqual(keysOf(await deliveredItem(row)));
  });

  it.each(['bookings.booking-pages', 'bookings.booking-calendars'] as const)(
    'has a static sample with the same fields as the recent bookings loaded from %s',
    async (fixture) => {
      const items = await listedItems(key, fixture);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) expect(keysOf(item)).toEqual(keysOf(staticSample(key)));
    },
  );

  it('returns no bookings for an account without any, so Zapier falls back to the static sample', async () => {
    expect(await listedItems(key, 'bookings.empty')).toEqual([]);
  });

  it('has a static sample of its own event, with an id', () => {
    const sample = staticSample(key);
    expect(sample.id).toEqual(expect.stringMatching(/\S/));
    expect(sample.event).toBe(row.events[0]);
    expect(sample.status).toBe(row.sampleStatus ?? 'scheduled');
  });

  it('labels every field of the sample except the per-booking form and custom field maps', () => {
    const labelled = outputFields(key).map((field) => field.key.replace(/\[\]$/, ''));
    expect(new Set(labelled).size).toBe(labelled.length);
    for (const field of labelled) expect(staticSample(key)).toHaveProperty([field]);
    expect([...labelled, 'form_fields', 'custom_fields'].sort()).toEqual(keysOf(staticSample(key)));
  });

  it('gives every output field a non-empty Title Case label', () => {
    for (const field of outputFields(key)) {
      expect({ key: field.key, label: field.label?.trim() }).toEqual({ key: field.key, label: expect.stringMatching(/\S/) });
      expect({ key: field.key, titleCase: isTitleCase(field.label ?? '') }).toEqual({ key: field.key, titleCase: true });
    }
  });

  it('writes every date and time in the sample as ISO 8601 with a time zone (Z or an offset)', () => {
    const sample = staticSample(key);
    const datetimeFields = outputFields(key).filter((field) => field.type === 'datetime');
    expect(datetimeFields.length).toBeGreaterThan(0);
    for (const field of datetimeFields) {
      expect({ [field.key]: sample[field.key] }).toEqual({ [field.key]: expect.stringMatching(ISO_WITH_OFFSET) });
    }
    const dateLike = Object.entries(sample).filter(([, value]) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value));
    expect(dateLike.length).toBeGreaterThanOrEqual(datetimeFields.length);
    for (const [field, value] of dateLike) expect({ [field]: value }).toEqual({ [field]: expect.stringMatching(ISO_WITH_OFFSET) });
  });

  it('is described as "Triggers when …." and labelled in Title Case', () => {
    const trigger = App.triggers?.[key];
    expect(trigger?.display.description).toMatch(/^Triggers when [a-z].*[^.]\.$/);
    expect(trigger?.display.label).toMatch(/\S/);
    expect(isTitleCase(trigger?.display.label ?? '')).toBe(true);
  });
});

it('the static sample’s start in the customer’s time zone is what a live item would show', () => {
  expect(SAMPLE_START_IN_CUSTOMER_ZONE).toBe(inTimeZone(SAMPLE_EVENT.data.starting_time ?? null, SAMPLE_EVENT.data.customer_timezone ?? null));
  expect(toItem(SAMPLE_EVENT, SAMPLE_EVENT.data).start_time_customer_timezone).toBe(SAMPLE_START_IN_CUSTOMER_ZONE);
});
