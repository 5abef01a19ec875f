/**
 * Labels and types for every field of a booking item. Typed against `BookingItem`, so a field
 * added there without a label here fails to compile.
 */
import type { BookingItem } from './bookings';

type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'datetime';
interface FieldSpec {
  label: string;
  type: FieldType;
  list?: boolean;
}

const FIELDS: Readonly<Record<Exclude<keyof BookingItem, 'form_fields' | 'custom_fields'>, FieldSpec>> = {
  id: { label: 'ID', type: 'string' },
  event: { label: 'Event', type: 'string' },
  event_label: { label: 'Event Description', type: 'string' },
  event_id: { label: 'Event ID', type: 'string' },
  event_time: { label: 'Event Time', type: 'datetime' },
  booking_id: { label: 'Booking ID', type: 'string' },
  tracking_id: { label: 'Tracking ID', type: 'string' },
  subject: { label: 'Subject', type: 'string' },
  status: { label: 'Status', type: 'string' },
  in_trash: { label: 'In Trash', type: 'boolean' },
  product: { label: 'OnceHub Product', type: 'string' },
  created_time: { label: 'Booked At', type: 'datetime' },
  start_time: { label: 'Start Time', type: 'datetime' },
  end_time: { label: 'End Time', type: 'datetime' },
  start_time_customer_timezone: { label: "Start Time in Customer's Time Zone", type: 'datetime' },
  last_updated_time: { label: 'Last Updated', type: 'datetime' },
  duration_minutes: { label: 'Duration (Minutes)', type: 'integer' },
  customer_timezone: { label: 'Customer Time Zone', type: 'string' },
  location: { label: 'Location', type: 'string' },
  join_url: { label: 'Video Conference Join URL', type: 'string' },
  cancel_reschedule_url: { label: 'Cancel/Reschedule URL', type: 'string' },
  cancel_url: { label: 'Cancel URL', type: 'string' },
  reschedule_url: { label: 'Reschedule URL', type: 'string' },
  ics_url: { label: 'Calendar File (ICS) URL', type: 'string' },
  cancel_reschedule_reason: { label: 'Cancel/Reschedule Reason', type: 'string' },
  cancel_reschedule_actioned_by: { label: 'Canceled/Rescheduled By (User or Customer)', type: 'string' },
  cancel_reschedule_user_id: { label: 'Canceled/Rescheduled By User ID', type: 'string' },
  rescheduled_booking_id: { label: 'Rescheduled Booking ID', type: 'string' },
  booker_name: { label: 'Booker Name', type: 'string' },
  booker_first_name: { label: 'Booker First Name', type: 'string' },
  booker_last_name: { label: 'Booker Last Name', type: 'string' },
  booker_email: { label: 'Booker Email', type: 'string' },
  booker_phone: { label: 'Booker Phone', type: 'string' },
  booker_mobile_phone: { label: 'Booker Mobile Phone', type: 'string' },
  booker_company: { label: 'Booker Company', type: 'string' },
  booker_note: { label: 'Booker Note', type: 'string' },
  booker_guests: { label: 'Guests', type: 'string', list: true },
  attendees: { label: 'Attendees', type: 'string', list: true },
  owner_id: { label: 'Owner ID', type: 'string' },
  owner_name: { label: 'Owner Name', type: 'string' },
  owner_first_name: { label: 'Owner First Name', type: 'string' },
  owner_last_name: { label: 'Owner Last Name', type: 'string' },
  owner_email: { label: 'Owner Email', type: 'string' },
  booking_page_id: { label: 'Booking Page ID', type: 'string' },
  booking_page_name: { label: 'Booking Page Name', type: 'string' },
  booking_page_url: { label: 'Booking Page URL', type: 'string' },
  master_page_id: { label: 'Master Page ID', type: 'string' },
  master_page_name: { label: 'Master Page Name', type: 'string' },
  event_type_id: { label: 'Event Type ID', type: 'string' },
  event_type_name: { label: 'Event Type Name', type: 'string' },
  booking_calendar_id: { label: 'Booking Calendar ID', type: 'string' },
  external_calendar_type: { label: 'External Calendar', type: 'string' },
  external_calendar_event_id: { label: 'External Calendar Event ID', type: 'string' },
  payment_amount_charged: { label: 'Payment Amount (Smallest Currency Unit)', type: 'integer' },
  payment_currency: { label: 'Payment Currency', type: 'string' },
  payment_transaction_id: { label: 'Payment Transaction ID', type: 'string' },
  conversation_id: { label: 'Conversation ID', type: 'string' },
};

export const OUTPUT_FIELDS = Object.entries(FIELDS).map(([key, spec]) => ({
  key: spec.list ? `${key}[]` : key,
  label: spec.label,
  type: spec.type,
  ...(spec.list ? { list: true } : {}),
}));
