/**
 * Compile-time proof that the hand-written payload types in src/oncehub.ts agree with OnceHub's
 * OpenAPI spec, via types generated from it (oncehub-openapi.d.ts, kept in sync by
 * types-drift.test.ts). Nothing here runs: `tsc -p test/tsconfig.json` fails if any `Assert`
 * below stops holding.
 *
 * Two directions are checked:
 *   1. Whatever the spec allows OnceHub to send is assignable to our type (so our narrowing code
 *      sees every case the spec permits).
 *   2. Our types name no field the spec lacks (so we never read a field OnceHub doesn't send).
 *
 * Where src/oncehub.ts deliberately differs, the spec type is adjusted by a named EXCEPTION
 * below, and a second Assert proves the exception is still needed, so a stale one fails too.
 */
import type { BookingEvent } from '../../src/events';
import type {
  Booking,
  BookingCalendar,
  BookingPage,
  DeletedObject,
  EventType,
  FormSubmission,
  ListEnvelope,
  MasterPage,
  OnceHubError,
  PaymentInformation,
  User,
  Webhook,
  WebhookEvent,
} from '../../src/oncehub';
import type { components, paths, webhooks } from './oncehub-openapi';

type Schemas = components['schemas'];

// ---------------------------------------------------------------- assertion helpers

type Assert<T extends true> = T;
type Not<T extends boolean> = T extends true ? false : true;
type IsNever<T> = [T] extends [never] ? true : false;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** `never` is assignable to everything, so it must not count as proof. */
type Assignable<From, To> = IsNever<From> extends true ? false : [From] extends [To] ? true : false;
/** Keys our type declares that the spec's type lacks. */
type ExtraKeys<Ours, Spec> = Exclude<keyof Ours, keyof Spec>;
type NoExtraKeys<Ours, Spec> = IsNever<ExtraKeys<Ours, Spec>>;

type JsonBody<Op, Status extends number> = Op extends { responses: infer R }
  ? Status extends keyof R
    ? R[Status] extends { content: { 'application/json': infer B } }
      ? B
      : never
    : never
  : never;
type Delivery<E extends keyof webhooks> = NonNullable<
  webhooks[E]['post']['requestBody']
>['content']['application/json'];
type ObjectPart<T> = Extract<NonNullable<T>, object>;

// ---------------------------------------------------------------- documented exceptions

/**
 * EXCEPTION ours-requires-id: every src/oncehub.ts object type has a required `id`; the spec
 * marks `id` optional on every schema except DeletedObject and WebhookEvent. Every spec example
 * and every delivery carries one, and the app keys on it, so ours keeps it required.
 */
type WithRequiredIds<T> = T extends readonly (infer E)[]
  ? WithRequiredIds<E>[]
  : T extends object
    ? { [K in keyof T]: WithRequiredIds<T[K]> } & ('id' extends keyof T ? { id: string } : unknown)
    : T;

/**
 * EXCEPTION ours-list-envelope-required: ListEnvelope requires object ('list'), data and
 * has_more; the spec's *List schemas mark none required and type object as a plain string. The
 * docs (pagination; ListResponseBase) say every list response carries all three, object "list".
 */
type AsListEnvelope<L extends { data?: unknown }> = {
  object: 'list';
  data: WithRequiredIds<NonNullable<L['data']>>;
  has_more: boolean;
};

/**
 * EXCEPTION ours-delivery-requires-data: WebhookEvent requires `data`; the spec's delivery
 * schemas don't list it as required. A delivery without data would carry nothing to trigger on.
 */
type AsDelivery<D extends { data?: unknown }> = WithRequiredIds<D> & { data: WithRequiredIds<NonNullable<D['data']>> };

/**
 * EXCEPTION ours-utm-params-open-record: Booking.utm_params is Record<string, string | null>,
 * so it admits keys beyond the spec's five (source, medium, campaign, term, content).
 */
type UtmExtraKeys = ExtraKeys<NonNullable<Booking['utm_params']>, Schemas['UtmParams']>;

export type ExceptionsStillNeeded = [
  Assert<Not<Assignable<Schemas['Webhook'], Webhook>>>,
  Assert<Not<Assignable<Schemas['BookingList'], ListEnvelope<WithRequiredIds<Schemas['Booking']>>>>>,
  Assert<Not<Assignable<WithRequiredIds<Delivery<'booking.scheduled'>>, WebhookEvent<Booking>>>>,
  Assert<Same<UtmExtraKeys, string>>,
];

// ---------------------------------------------------------------- 1. spec → ours

export type SpecObjectsAssignableToOurs = [
  Assert<Assignable<Schemas['Error'], OnceHubError>>,
  Assert<Assignable<Schemas['DeletedObject'], DeletedObject>>,
  Assert<Assignable<WithRequiredIds<Schemas['Webhook']>, Webhook>>,
  Assert<Assignable<WithRequiredIds<Schemas['User']>, User>>,
  Assert<Assignable<WithRequiredIds<Schemas['BookingPage']>, BookingPage>>,
  Assert<Assignable<WithRequiredIds<Schemas['MasterPage']>, MasterPage>>,
  Assert<Assignable<WithRequiredIds<Schemas['EventType']>, EventType>>,
  Assert<Assignable<WithRequiredIds<Schemas['BookingCalendar']>, BookingCalendar>>,
  // REST bookings and webhook booking data are both read as our one Booking type.
  Assert<Assignable<WithRequiredIds<Schemas['Booking']>, Booking>>,
  Assert<Assignable<WithRequiredIds<Schemas['BookingWebhookData']>, Booking>>,
];

export type SpecListsAssignableToOurs = [
  Assert<Assignable<AsListEnvelope<Schemas['BookingList']>, ListEnvelope<Booking>>>,
  Assert<Assignable<AsListEnvelope<Schemas['UserList']>, ListEnvelope<User>>>,
  Assert<Assignable<AsListEnvelope<Schemas['WebhookList']>, ListEnvelope<Webhook>>>,
  Assert<Assignable<AsListEnvelope<Schemas['BookingPageList']>, ListEnvelope<BookingPage>>>,
  Assert<Assignable<AsListEnvelope<Schemas['EventTypeList']>, ListEnvelope<EventType>>>,
  Assert<Assignable<AsListEnvelope<Schemas['BookingCalendarList']>, ListEnvelope<BookingCalendar>>>,
  // SPEC GAP: GET /master-pages documents only an example, no schema, so its body is unknown
  // and only the items can be checked (MasterPage above; fixtures.test.ts checks the envelope).
  Assert<Same<JsonBody<paths['/master-pages']['get'], 200>, unknown>>,
  // The envelope fields exist in the spec and "list" is a value its `object` admits.
  Assert<NoExtraKeys<ListEnvelope<unknown>, Schemas['BookingList']>>,
  Assert<Assignable<'list', NonNullable<Schemas['BookingList']['object']>>>,
];

/** The operations the app calls, by their documented response bodies. */
export type SpecResponsesAssignableToOurs = [
  Assert<Assignable<WithRequiredIds<JsonBody<paths['/webhooks']['post'], 200>>, Webhook>>,
  Assert<Assignable<AsListEnvelope<JsonBody<paths['/webhooks']['get'], 200>>, ListEnvelope<Webhook>>>,
  Assert<Assignable<WithRequiredIds<JsonBody<paths['/webhooks/{id}']['get'], 200>>, Webhook>>,
  Assert<Assignable<JsonBody<paths['/webhooks/{id}']['delete'], 200>, DeletedObject>>,
  Assert<Assignable<AsListEnvelope<JsonBody<paths['/bookings']['get'], 200>>, ListEnvelope<Booking>>>,
  Assert<Assignable<WithRequiredIds<JsonBody<paths['/bookings/{id}']['get'], 200>>, Booking>>,
  Assert<Assignable<AsListEnvelope<JsonBody<paths['/users']['get'], 200>>, ListEnvelope<User>>>,
  Assert<Assignable<JsonBody<paths['/test']['get'], 401>, OnceHubError>>,
  Assert<Assignable<JsonBody<paths['/test']['get'], 403>, OnceHubError>>,
  Assert<Assignable<JsonBody<paths['/webhooks']['post'], 409>, OnceHubError>>,
  Assert<Assignable<JsonBody<paths['/bookings']['get'], 429>, OnceHubError>>,
];

/** Every booking event the app knows is a spec webhook, and its delivery fits WebhookEvent<Booking>. */
type DeliveriesFit = { [E in BookingEvent]: Assignable<AsDelivery<Delivery<E>>, WebhookEvent<Booking>> };
export type SpecDeliveriesAssignableToOurs = Assert<Same<DeliveriesFit[BookingEvent], true>>;

/** ...and the spec has no booking event the app lacks (conversation.* are not booking events). */
export type NoSpecBookingEventMissing = Assert<
  IsNever<Exclude<Extract<keyof webhooks, `booking.${string}`>, BookingEvent>>
>;

// ---------------------------------------------------------------- 2. ours reads only spec fields

type SpecBookingAny = Schemas['Booking'] & Schemas['BookingWebhookData'];
type SpecForm = NonNullable<Schemas['BookingBase']['form_submission']>;

export type OursNamesOnlySpecFields = [
  Assert<NoExtraKeys<OnceHubError, Schemas['Error']>>,
  Assert<NoExtraKeys<DeletedObject, Schemas['DeletedObject']>>,
  Assert<NoExtraKeys<Webhook, Schemas['Webhook']>>,
  Assert<NoExtraKeys<User, Schemas['User']>>,
  Assert<NoExtraKeys<BookingPage, Schemas['BookingPage']>>,
  Assert<NoExtraKeys<MasterPage, Schemas['MasterPage']>>,
  Assert<NoExtraKeys<EventType, Schemas['EventType']>>,
  Assert<NoExtraKeys<BookingCalendar, Schemas['BookingCalendar']>>,
  Assert<NoExtraKeys<WebhookEvent, Delivery<'booking.scheduled'>>>,
  Assert<NoExtraKeys<Booking, SpecBookingAny>>,
  Assert<NoExtraKeys<FormSubmission, SpecForm>>,
  Assert<
    NoExtraKeys<NonNullable<FormSubmission['custom_fields']>[number], NonNullable<SpecForm['custom_fields']>[number]>
  >,
  Assert<
    NoExtraKeys<NonNullable<Booking['custom_fields']>[number], NonNullable<SpecBookingAny['custom_fields']>[number]>
  >,
  Assert<NoExtraKeys<ObjectPart<Booking['virtual_conferencing']>, ObjectPart<SpecBookingAny['virtual_conferencing']>>>,
  Assert<
    NoExtraKeys<
      ObjectPart<Booking['cancel_reschedule_information']>,
      ObjectPart<SpecBookingAny['cancel_reschedule_information']>
    >
  >,
  Assert<NoExtraKeys<ObjectPart<Booking['external_calendar']>, ObjectPart<SpecBookingAny['external_calendar']>>>,
  Assert<NoExtraKeys<PaymentInformation, ObjectPart<SpecBookingAny['payment_information']>>>,
  Assert<NoExtraKeys<ObjectPart<Booking['conversation']>, Schemas['Conversation']>>,
  Assert<NoExtraKeys<ObjectPart<Booking['contact']>, Schemas['Contact']>>,
];
