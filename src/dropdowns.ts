/**
 * Hidden triggers that feed the trigger filters' dynamic dropdowns from OnceHub's list endpoints.
 * Zapier asks for page N when the user scrolls; OnceHub pages by cursor, so page N is reached by
 * following `after` from the first page (stateless, and page 0 costs one request).
 */
import { defineTrigger, type PollingTriggerPerform } from 'zapier-platform-core';
import { getPage } from './client';
import type { BookingCalendar, BookingPage, EventType } from './oncehub';

const PAGE_SIZE = 100;
/** Zapier asks for one more page per scroll; deeper than this is a cursor loop, not a real list. */
const MAX_PAGE_INDEX = 20;

interface Choice {
  id: string;
  name: string;
}

interface ChoiceSource<T extends { id: string }> {
  key: string;
  noun: string;
  path: string;
  product: string;
  toName: (item: T) => string;
}

function choiceTrigger<T extends { id: string }>(source: ChoiceSource<T>) {
  const perform = (async (z, bundle) => {
    const what = `loading your ${source.noun.toLowerCase()}s`;
    const pageIndex = Math.max(0, Number(bundle.meta?.page) || 0);
    if (pageIndex > MAX_PAGE_INDEX) return [];
    let after: string | undefined;
    for (let index = 0; ; index += 1) {
      const { data, has_more } = await getPage<T>(z, source.path, { limit: PAGE_SIZE, after }, what);
      if (index === pageIndex) {
        return data.map((item): Choice => ({ id: item.id, name: source.toName(item) || item.id }));
      }
      const last = data.at(-1)?.id;
      if (!has_more || !last || last === after) return [];
      after = last;
    }
  }) satisfies PollingTriggerPerform<Record<string, unknown>, Choice>;

  return defineTrigger({
    key: source.key,
    noun: source.noun,
    display: {
      label: `List ${source.noun}s`,
      description: `Triggers when a ${source.noun.toLowerCase()} is added (${source.product}); used to fill dropdowns.`,
      hidden: true,
    },
    operation: {
      type: 'polling',
      canPaginate: true,
      perform,
      sample: { id: 'ID-123', name: `Sample ${source.noun}` },
      outputFields: [
        { key: 'id', label: 'ID' },
        { key: 'name', label: 'Name' },
      ],
    },
  });
}

function labelled(name: string | undefined, label: string | undefined): string {
  return [name?.trim(), label?.trim() && label.trim() !== name?.trim() ? `(${label.trim()})` : '']
    .filter(Boolean)
    .join(' ');
}

export const DROPDOWN_TRIGGERS = [
  choiceTrigger<BookingPage>({
    key: 'list_booking_pages',
    noun: 'Booking Page',
    path: '/booking-pages',
    product: 'Booking Pages accounts',
    toName: (page) => labelled(page.name, page.label),
  }),
  choiceTrigger<EventType>({
    key: 'list_event_types',
    noun: 'Event Type',
    path: '/event-types',
    product: 'Booking Pages accounts',
    toName: (type) => type.name?.trim() ?? '',
  }),
  choiceTrigger<BookingCalendar>({
    key: 'list_booking_calendars',
    noun: 'Booking Calendar',
    path: '/booking-calendars',
    product: 'Booking Calendars accounts',
    toName: (calendar) => labelled(calendar.name, calendar.subject),
  }),
];
