/**
 * Every booking trigger, generated from the one table in events.ts: same inputs, same
 * subscribe/unsubscribe, same item shape; only the events differ.
 */
import {
  defineTrigger,
  type InputField,
  type WebhookTriggerPerform,
  type WebhookTriggerPerformList,
  type WebhookTriggerPerformSubscribe,
  type WebhookTriggerPerformUnsubscribe,
} from 'zapier-platform-core';
import type { BookingItem } from './bookings';
import { receiveDelivery } from './deliveries';
import { BOOKING_EVENTS, EVENT_LABELS, isBookingEvent, TRIGGERS, type BookingEvent, type TriggerRow } from './events';
import { OUTPUT_FIELDS } from './outputFields';
import { listRecentBookings } from './recentBookings';
import { sampleFor } from './samples';
import { ALL_BOOKINGS, defaultScopeOf, MY_BOOKINGS, type TriggerInput } from './scope';
import { subscribe, unsubscribe, type SubscribeData, type UnsubscribeResult } from './webhooks';

/** The events this Zap receives: the row's, narrowed by the user's pick where allowed. */
export function wantedEvents(row: TriggerRow, input: TriggerInput | undefined): BookingEvent[] {
  if (!row.userPicksEvents) return [...row.events];
  const raw = input?.events;
  const picked = (Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [])
    .map((event) => event.trim())
    .filter(isBookingEvent)
    .filter((event) => row.events.includes(event));
  return picked.length > 0 ? [...new Set(picked)] : [...row.events];
}

function inputFieldsFor(row: TriggerRow): InputField[] {
  const pagesProduct = !row.bookingCalendarsOnly;
  return [
    ...(row.userPicksEvents
      ? [
          {
            key: 'events',
            label: 'Events',
            list: true,
            required: false,
            choices: BOOKING_EVENTS.map((event) => ({ value: event, sample: event, label: EVENT_LABELS[event] })),
            helpText: 'Which booking events run this Zap. Leave empty for all of them.',
          },
        ]
      : []),
    {
      key: 'scope',
      label: 'Bookings',
      required: false,
      default: defaultScopeOf(row),
      choices: [
        { value: MY_BOOKINGS, sample: MY_BOOKINGS, label: 'Only bookings owned by the connected Login ID' },
        { value: ALL_BOOKINGS, sample: ALL_BOOKINGS, label: 'All bookings in the OnceHub account' },
      ],
      helpText:
        'OnceHub administrators can run the Zap for bookings owned by anyone in the account. ' +
        'A booking’s owner is the user who first accepted it, even after it is reassigned. ' +
        'Accounts connected with an Account ID (ACT-…) always get all bookings.',
    },
    ...(pagesProduct
      ? [
          {
            key: 'booking_page',
            label: 'Booking Page',
            required: false,
            dynamic: 'list_booking_pages.id.name',
            helpText: 'Booking Pages accounts: run only for bookings made on this page.',
          },
          {
            key: 'event_type',
            label: 'Event Type',
            required: false,
            dynamic: 'list_event_types.id.name',
            helpText: 'Booking Pages accounts: run only for bookings of this event type.',
          },
        ]
      : []),
    {
      key: 'booking_calendar',
      label: 'Booking Calendar',
      required: false,
      dynamic: 'list_booking_calendars.id.name',
      helpText: 'Booking Calendars accounts: run only for bookings made on this calendar.',
    },
  ];
}

export function bookingTrigger(row: TriggerRow) {
  const scope = defaultScopeOf(row);
  const performSubscribe = (async (z, bundle) =>
    subscribe(z, bundle, row, wantedEvents(row, bundle.inputData))) satisfies WebhookTriggerPerformSubscribe<
    TriggerInput,
    SubscribeData
  >;
  const performUnsubscribe = (async (z, bundle) => unsubscribe(z, bundle)) satisfies WebhookTriggerPerformUnsubscribe<
    TriggerInput,
    UnsubscribeResult
  >;
  const perform = (async (z, bundle) =>
    receiveDelivery(z, bundle, wantedEvents(row, bundle.inputData), scope)) satisfies WebhookTriggerPerform<
    TriggerInput,
    BookingItem
  >;
  // No bookings yet: an empty list makes Zapier fall back to the static `sample` below,
  // shown as sample data rather than passed off as a real booking.
  const performList = (async (z, bundle) =>
    listRecentBookings(z, bundle, row, wantedEvents(row, bundle.inputData))) satisfies WebhookTriggerPerformList<
    TriggerInput,
    BookingItem
  >;

  return defineTrigger({
    key: row.key,
    noun: 'Booking',
    display: {
      label: row.label,
      description: `Triggers when ${row.when}.`,
    },
    operation: {
      type: 'hook',
      inputFields: inputFieldsFor(row),
      performSubscribe,
      performUnsubscribe,
      perform,
      performList,
      sample: sampleFor(row),
      outputFields: OUTPUT_FIELDS,
    },
  });
}

export const BOOKING_TRIGGERS = TRIGGERS.map(bookingTrigger);
