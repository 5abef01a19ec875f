/**
 * Wire shapes, transcribed from components.schemas in test/spec/oncehub-api.json.
 * Only spec fields appear here: responses are validated against the spec elsewhere.
 */

export type Product = 'booking_pages' | 'booking_calendars';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type RoleName = 'Account Owner' | 'Administrator' | 'Member' | 'Team Manager';

export interface User {
  object: 'user';
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  status: 'active' | 'invited';
  role_name: RoleName;
  timezone: string;
  teams: string[];
}

export interface BookingPage {
  object: 'booking_page';
  id: string;
  name: string;
  label: string;
  url: string;
  active: boolean;
  timezone: string;
}

export interface MasterPage {
  object: 'master_page';
  id: string;
  name: string;
  label: string;
  url: string;
  active: boolean;
}

export interface EventType {
  object: 'event_type';
  id: string;
  name: string;
  description: string;
}

export interface BookingCalendar {
  object: 'booking_calendar';
  id: string;
  host: string;
  name: string;
  subject: string;
  url: string;
  published: boolean;
  duration_minutes: number;
}

export interface Webhook {
  object: 'webhook';
  id: string;
  api_version: 'v2';
  name: string;
  url: string;
  events: string[];
  creation_time: string;
  /** Omitted on reads when the simulator runs with secretOnRead: false. */
  secret?: string;
}

/** DELETE responses (components.schemas.DeletedObject). */
export interface DeletedObject {
  id: string;
  deleted: true;
}

/** How docs/overview/deleted-resources says expanded references to deleted objects look. */
export interface RedactedObject {
  id: string;
  object: string;
  deleted: true;
}

export type ErrorType = 'authentication_error' | 'invalid_request_error' | 'rate_limit_error' | 'api_error';

export interface ErrorBody {
  type: ErrorType;
  message: string;
  param?: string;
}

export interface ListResponse<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
}

export type BookingStatus = 'requested' | 'scheduled' | 'rescheduled' | 'completed' | 'canceled' | 'no_show';

export interface CustomField {
  name: string;
  value: JsonValue;
}

export interface FormSubmission {
  name: string;
  email: string;
  phone: string | null;
  mobile_phone: string;
  note: string;
  company: string | null;
  guests: string[];
  custom_fields: CustomField[];
}

export interface CancelRescheduleInformation {
  reason: string;
  /** The spec's enum has no empty value, so it is left out until someone actions the booking. */
  actioned_by?: 'user' | 'customer';
  user_id: string;
}

export interface ExternalCalendar {
  type: 'google' | 'exchange' | 'office_365' | 'icloud';
  name: string;
  id: string;
  event_id: string;
}

export interface PaymentInformation {
  amount_charged: number;
  currency: string;
  transaction_id: string;
}

export interface UtmParams {
  source: string;
  medium: string;
  campaign: string;
  term: string;
  content: string;
}

export type Ref<T> = string | T | RedactedObject;

/** components.schemas.BookingBase */
export interface BookingBase {
  object: 'booking';
  id: string;
  tracking_id: string;
  subject: string;
  status: BookingStatus;
  in_trash: boolean;
  creation_time: string;
  starting_time: string;
  customer_timezone: string;
  last_updated_time: string;
  duration_minutes: number;
  virtual_conferencing: { join_url: string };
  location_description: string;
  rescheduled_booking_id: string;
  cancel_reschedule_information: CancelRescheduleInformation;
  attendees: string[];
  form_submission: FormSubmission;
  // Booking Pages product only
  booking_page?: Ref<BookingPage>;
  master_page?: Ref<MasterPage> | null;
  event_type?: Ref<EventType> | null;
  external_calendar: ExternalCalendar;
  // Booking Calendars product only
  ics_url?: string;
  booking_calendar?: string;
  cancel_url?: string;
  reschedule_url?: string;
  payment_information?: PaymentInformation | null;
  custom_fields: CustomField[];
}

/** components.schemas.Booking: what GET /bookings returns. */
export interface Booking extends BookingBase {
  owner: Ref<User>;
  conversation: null;
  utm_params: UtmParams | null;
  contact: string;
}

/**
 * components.schemas.BookingWebhookData. The spec types `owner` as an ID, but OnceHub's
 * signed example expands it, so both are possible depending on SimulatorOptions.webhookRefs.
 */
export interface BookingWebhookData extends BookingBase {
  owner: Ref<User>;
  conversation: null;
  cancel_reschedule_url: string;
}

export interface WebhookEvent {
  id: string;
  object: 'event';
  creation_time: string;
  type: BookingEventType;
  api_version: 'v2';
  data: BookingWebhookData;
}

/** The keys of the spec's `webhooks:` section (a test keeps this in sync with the spec). */
export const WEBHOOK_EVENT_TYPES = [
  'booking.scheduled',
  'booking.rescheduled',
  'booking.reassigned',
  'booking.canceled_then_rescheduled',
  'booking.canceled_reschedule_requested',
  'booking.canceled',
  'booking.completed',
  'booking.no_show',
  'conversation.started',
  'conversation.closed',
  'conversation.abandoned',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The simulator models bookings only; conversation events can be subscribed to but never fire. */
export type BookingEventType = Extract<WebhookEventType, `booking.${string}`>;

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}
