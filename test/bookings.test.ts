/**
 * The item a Zap maps from: every field a user sees, built from OnceHub's documented deliveries.
 */
import { inTimeZone, toItem } from '../src/bookings';
import type { Booking, WebhookEvent } from '../src/oncehub';
import { eventFixture, expandedEventFixture, restFixture } from './fixtures';

function itemOf(event: WebhookEvent<Booking>) {
  return toItem(event, event.data);
}

function withData(event: WebhookEvent<Booking>, data: Partial<Booking>): WebhookEvent<Booking> {
  return { ...event, data: { ...event.data, ...data } };
}

describe('a fully filled-in Booking Pages booking', () => {
  it('becomes a flat item with every field in place', () => {
    expect(itemOf(eventFixture('booking-pages', 'booking.scheduled'))).toEqual({
      id: 'EVNT-KN56U3YL7C',
      event: 'booking.scheduled',
      event_label: 'Booking scheduled',
      event_id: 'EVNT-KN56U3YL7C',
      event_time: '2024-05-14T09:49:12.310Z',
      booking_id: 'BKNG-J4FR05BKEWEX',
      tracking_id: 'D36E0002',
      subject: 'Live demo',
      status: 'scheduled',
      in_trash: false,
      product: 'booking_pages',
      created_time: '2024-05-14T09:48:48.121Z',
      start_time: '2024-05-21T14:30:00.000Z',
      end_time: '2024-05-21T15:30:00.000Z',
      start_time_customer_timezone: '2024-05-21T10:30:00-04:00',
      last_updated_time: '2024-05-14T09:48:48.377Z',
      duration_minutes: 60,
      customer_timezone: 'America/New_York',
      location: null,
      join_url: 'https://meet.google.com/izv-daci-fyi',
      cancel_reschedule_url: 'https://oncehub.com/m/BKNG-J4FR05BKEWEX',
      cancel_url: null,
      reschedule_url: null,
      ics_url: null,
      cancel_reschedule_reason: null,
      cancel_reschedule_actioned_by: null,
      cancel_reschedule_user_id: null,
      rescheduled_booking_id: null,
      booker_name: 'Carrie Customer',
      booker_first_name: 'Carrie',
      booker_last_name: 'Customer',
      booker_email: 'carrie.customer@gmail.com',
      booker_phone: '+1 212-555-0143',
      booker_mobile_phone: '1-2025550195',
      booker_company: 'Northwind Traders',
      booker_note: 'I want to discuss whether your product can work for our office.',
      booker_guests: ['sam.jones@example.com'],
      attendees: ['carrie.customer@gmail.com', 'sam.jones@example.com'],
      form_fields: { Title: 'Executive Assistant', 'Number of seats': '25' },
      custom_fields: { discussion_points: 'Need support on new product' },
      owner_id: 'USR-FSD423423',
      owner_name: null,
      owner_first_name: null,
      owner_last_name: null,
      owner_email: null,
      booking_page_id: 'BP-X0LCRU5LES',
      booking_page_name: null,
      booking_page_url: null,
      master_page_id: 'MP-ZID28U5946',
      master_page_name: null,
      event_type_id: 'ET-7NC41GHIDZ',
      event_type_name: null,
      booking_calendar_id: null,
      external_calendar_type: 'google',
      external_calendar_event_id: '8kvu74dda8kcv0gmmlm3folrhc',
      payment_amount_charged: null,
      payment_currency: null,
      payment_transaction_id: null,
      conversation_id: null,
    });
  });

  it('names the owner, pages and event type when OnceHub sends them expanded', () => {
    expect(itemOf(expandedEventFixture())).toMatchObject({
      owner_id: 'USR-FSD423423',
      owner_name: 'Andrea Hartie',
      owner_first_name: 'Andrea',
      owner_last_name: 'Hartie',
      owner_email: 'andrea.hartie@example.com',
      booking_page_id: 'BP-X0LCRU5LES',
      booking_page_name: 'Andrea Hartie',
      booking_page_url: 'https://go.oncehub.com/andreahartie',
      master_page_id: 'MP-ZID28U5946',
      master_page_name: 'Star Software LLC',
      event_type_id: 'ET-7NC41GHIDZ',
      event_type_name: 'Live demo',
    });
  });
});

describe('canceled and rescheduled bookings', () => {
  it('a booking the customer canceled says why and who canceled it', () => {
    expect(itemOf(eventFixture('booking-pages', 'booking.canceled'))).toMatchObject({
      event: 'booking.canceled',
      event_label: 'Booking canceled',
      status: 'canceled',
      cancel_reschedule_reason: 'No longer needed',
      cancel_reschedule_actioned_by: 'customer',
      cancel_reschedule_user_id: null,
      location: '123 Office Street',
      join_url: null,
      booker_phone: null,
      booker_company: null,
      booker_note: null,
      start_time_customer_timezone: '2024-05-20T12:00:00+02:00',
    });
  });

  it('a booking a user canceled names that user', () => {
    expect(itemOf(eventFixture('booking-pages', 'booking.canceled_reschedule_requested'))).toMatchObject({
      event_label: 'Booking canceled with reschedule request',
      cancel_reschedule_reason: 'I am out of the office that day, please pick another time',
      cancel_reschedule_actioned_by: 'user',
      cancel_reschedule_user_id: 'USR-FSD423423',
      start_time_customer_timezone: '2024-05-21T14:30:00+05:30',
    });
  });

  it('a rescheduled booking points to the booking it replaced', () => {
    expect(itemOf(eventFixture('booking-pages', 'booking.rescheduled'))).toMatchObject({
      event: 'booking.rescheduled',
      status: 'rescheduled',
      rescheduled_booking_id: 'BKNG-3KM0HY2BF9SL',
      cancel_reschedule_reason: 'Change in schedule',
      start_time: '2024-05-23T18:00:00.000Z',
      end_time: '2024-05-23T19:00:00.000Z',
      start_time_customer_timezone: '2024-05-23T11:00:00-07:00',
    });
  });
});

describe('Booking Calendars bookings', () => {
  it('carry the calendar, its links and the payment', () => {
    expect(itemOf(eventFixture('booking-calendars', 'booking.scheduled'))).toMatchObject({
      product: 'booking_calendars',
      booking_calendar_id: 'BKC-03WJV0R52Z',
      ics_url: 'https://oncehub.com/api/bookings/ics/62ad3bdd-a09f-dfbdffbef389-axs01j',
      cancel_url: 'https://oncehub.com/m/BKNG-3SQY8N1D5FXC/cancel',
      reschedule_url: 'https://oncehub.com/m/BKNG-3SQY8N1D5FXC',
      payment_amount_charged: 5000,
      payment_currency: 'USD',
      payment_transaction_id: 'ch_1234567890ABCDEFGHIJ',
      conversation_id: 'CVR-022EAEA41C',
      booking_page_id: null,
      event_type_id: null,
      master_page_id: null,
      booker_first_name: 'Tomás',
      booker_last_name: 'Rivera',
      external_calendar_type: 'office_365',
      start_time_customer_timezone: '2024-05-20T15:00:00+02:00',
      end_time: '2024-05-20T13:30:00.000Z',
    });
  });

  it('a reassigned booking is labelled as a Booking Calendars event', () => {
    expect(itemOf(eventFixture('booking-calendars', 'booking.reassigned'))).toMatchObject({
      event: 'booking.reassigned',
      event_label: 'Booking reassigned (Booking Calendars)',
      booking_calendar_id: 'BKC-LDJ878496X',
      booker_note: 'Please include our IT lead.',
    });
  });

  it('a booking without a payment leaves the payment fields empty', () => {
    expect(itemOf(eventFixture('booking-calendars', 'booking.canceled'))).toMatchObject({
      payment_amount_charged: null,
      payment_currency: null,
      payment_transaction_id: null,
    });
  });
});

describe('absent values', () => {
  it('empty strings, nulls and missing fields all come out as null, lists as empty lists', () => {
    const item = itemOf(eventFixture('booking-pages', 'booking.no_show'));
    expect(item).toMatchObject({
      booker_first_name: 'Jo',
      booker_last_name: null,
      booker_phone: null,
      booker_mobile_phone: null,
      booker_company: null,
      booker_note: null,
      booker_guests: [],
      join_url: null,
      location: null,
      rescheduled_booking_id: null,
      cancel_reschedule_reason: null,
      cancel_reschedule_actioned_by: null,
      master_page_id: null,
      master_page_name: null,
      event_type_id: null,
      event_type_name: null,
      form_fields: {},
      custom_fields: {},
      start_time_customer_timezone: '2024-05-22T10:00:00+00:00',
    });
  });

  it('the same holds for a Booking Calendars booking with empty values', () => {
    expect(itemOf(eventFixture('booking-calendars', 'booking.completed'))).toMatchObject({
      join_url: null,
      booker_last_name: null,
      booker_phone: null,
      payment_amount_charged: null,
      cancel_reschedule_actioned_by: null,
      conversation_id: null,
    });
  });

  it('a booking missing whole sections still gives an item, with nulls where they were', () => {
    const bare: WebhookEvent<Booking> = {
      id: 'EVNT-BARE000001',
      object: 'event',
      creation_time: '',
      type: 'booking.scheduled',
      api_version: 'v2',
      data: { id: 'BKNG-BARE00000001' },
    };
    const item = itemOf(bare);
    expect(item).toMatchObject({
      id: 'EVNT-BARE000001',
      booking_id: 'BKNG-BARE00000001',
      event_time: null,
      start_time: null,
      end_time: null,
      start_time_customer_timezone: null,
      duration_minutes: null,
      booker_name: null,
      booker_first_name: null,
      attendees: [],
      booker_guests: [],
      owner_id: null,
      product: 'unknown',
      in_trash: false,
      external_calendar_type: null,
    });
    const missing = Object.entries(item).filter(([, value]) => value === undefined);
    expect(missing).toEqual([]);
  });

  it('a start time OnceHub could not have meant gives no start, end or local time instead of "Invalid Date"', () => {
    const item = itemOf(withData(eventFixture('booking-pages', 'booking.scheduled'), { starting_time: 'next Tuesday' }));
    expect(item).toMatchObject({ start_time: null, end_time: null, start_time_customer_timezone: null });
  });

  it('an unknown customer time zone leaves only the local start time empty', () => {
    const item = itemOf(withData(eventFixture('booking-pages', 'booking.scheduled'), { customer_timezone: 'Mars/Olympus_Mons' }));
    expect(item).toMatchObject({ customer_timezone: 'Mars/Olympus_Mons', start_time: '2024-05-21T14:30:00.000Z', start_time_customer_timezone: null });
  });

  it('blank entries in guest and attendee lists are dropped', () => {
    const event = eventFixture('booking-pages', 'booking.scheduled');
    const item = itemOf(
      withData(event, {
        attendees: ['', 'carrie.customer@gmail.com'],
        form_submission: { ...event.data.form_submission, guests: ['', 'sam.jones@example.com'] },
      }),
    );
    expect(item.attendees).toEqual(['carrie.customer@gmail.com']);
    expect(item.booker_guests).toEqual(['sam.jones@example.com']);
  });
});

describe('which OnceHub product a booking comes from', () => {
  const pages = () => eventFixture('booking-pages', 'booking.scheduled');

  it.each([
    ['a booking calendar', { booking_calendar: 'BKC-03WJV0R52Z', booking_page: null }, 'booking_calendars'],
    ['a booking page as an ID', { booking_page: 'BP-X0LCRU5LES' }, 'booking_pages'],
    ['a booking page as an object', { booking_page: { id: 'BP-X0LCRU5LES', name: 'Andrea Hartie' } }, 'booking_pages'],
    ['an empty booking calendar and a booking page', { booking_calendar: '', booking_page: 'BP-X0LCRU5LES' }, 'booking_pages'],
    ['neither', { booking_page: null, booking_calendar: undefined }, 'unknown'],
  ] as const)('a booking with %s is from %s', (_what, data, product) => {
    expect(itemOf(withData(pages(), data)).product).toBe(product);
  });
});

describe('custom fields', () => {
  const withFields = (fields: { name?: string; value?: unknown }[]) => {
    const event = eventFixture('booking-pages', 'booking.scheduled');
    return itemOf(withData(event, { custom_fields: fields, form_submission: { ...event.data.form_submission, custom_fields: fields } }));
  };

  it.each([
    ['a list of choices', ['Email', 'Phone'], 'Email, Phone'],
    ['a nested list', ['a', ['b', 'c']], 'a, b, c'],
    ['a number', 25, '25'],
    ['zero', 0, '0'],
    ['a yes/no answer', true, 'true'],
    ['an object', { city: 'Austin', zip: '78701' }, '{"city":"Austin","zip":"78701"}'],
    ['nothing', null, ''],
    ['text', 'Executive Assistant', 'Executive Assistant'],
  ])('a value that is %s becomes text a Zap can map', (_what, value, text) => {
    const item = withFields([{ name: 'Answer', value }]);
    expect(item.form_fields).toEqual({ Answer: text });
    expect(item.custom_fields).toEqual({ Answer: text });
  });

  it('fields without a name are left out rather than mapped to an empty key', () => {
    const item = withFields([{ value: 'orphan' }, { name: '', value: 'blank' }, { name: 'Kept', value: 'yes' }]);
    expect(item.form_fields).toEqual({ Kept: 'yes' });
  });
});

describe('booker names', () => {
  it.each([
    ['Carrie Customer', 'Carrie', 'Customer'],
    ['Mary Ann van der Berg', 'Mary', 'Ann van der Berg'],
    ['Chloé Martin', 'Chloé', 'Martin'],
    ['Jo', 'Jo', null],
  ])('"%s" splits into first name %p and last name %p', (name, first, last) => {
    const event = eventFixture('booking-pages', 'booking.scheduled');
    const item = itemOf(withData(event, { form_submission: { ...event.data.form_submission, name } }));
    expect([item.booker_first_name, item.booker_last_name]).toEqual([first, last]);
  });

  it('extra spaces do not produce empty name parts', () => {
    const event = eventFixture('booking-pages', 'booking.scheduled');
    const item = itemOf(withData(event, { form_submission: { ...event.data.form_submission, name: '  Carrie   Customer ' } }));
    expect([item.booker_first_name, item.booker_last_name]).toEqual(['Carrie', 'Customer']);
  });

  it('a blank name gives no name parts', () => {
    const event = eventFixture('booking-pages', 'booking.scheduled');
    const item = itemOf(withData(event, { form_submission: { ...event.data.form_submission, name: '   ' } }));
    expect([item.booker_name, item.booker_first_name, item.booker_last_name]).toEqual([null, null, null]);
  });
});

describe('bookings listed by the REST API', () => {
  it('normalise OnceHub’s second-precision times and read a conversation given as an ID', () => {
    const [booking] = restFixture('bookings.booking-pages').data;
    if (!booking) throw new Error('fixture has no bookings');
    const item = toItem({ id: `${booking.id}:booking.scheduled`, type: 'booking.scheduled', creation_time: booking.last_updated_time ?? '' }, booking);
    expect(item).toMatchObject({
      start_time: '2024-05-21T14:30:00.000Z',
      end_time: '2024-05-21T15:30:00.000Z',
      start_time_customer_timezone: '2024-05-21T10:30:00-04:00',
      event_time: '2024-05-14T09:48:48.000Z',
      conversation_id: 'CVR-ZLS0AG3YXZTH',
      owner_id: 'USR-FSD423423',
    });
  });
});

describe('inTimeZone', () => {
  it.each([
    ['a summer date in New York (daylight time)', '2024-07-01T16:00:00.000Z', 'America/New_York', '2024-07-01T12:00:00-04:00'],
    ['a winter date in New York (standard time)', '2024-01-15T16:00:00.000Z', 'America/New_York', '2024-01-15T11:00:00-05:00'],
    ['midnight, written as 00 not 24', '2024-01-15T05:00:00.000Z', 'America/New_York', '2024-01-15T00:00:00-05:00'],
    ['just before the spring-forward change', '2024-03-10T06:59:59.000Z', 'America/New_York', '2024-03-10T01:59:59-05:00'],
    ['just after the spring-forward change', '2024-03-10T07:00:00.000Z', 'America/New_York', '2024-03-10T03:00:00-04:00'],
    ['UTC', '2024-05-22T10:00:00.000Z', 'UTC', '2024-05-22T10:00:00+00:00'],
    ['a half-hour zone', '2024-05-21T09:00:00.000Z', 'Asia/Kolkata', '2024-05-21T14:30:00+05:30'],
    ['a zone ahead of UTC crossing the date line', '2024-05-21T20:00:00.000Z', 'Australia/Sydney', '2024-05-22T06:00:00+10:00'],
  ])('writes %s with its offset', (_what, iso, zone, expected) => {
    expect(inTimeZone(iso, zone)).toBe(expected);
  });

  it('describes the same instant it was given', () => {
    const iso = '2024-11-03T05:30:00.000Z';
    const local = inTimeZone(iso, 'America/New_York');
    expect(local).not.toBeNull();
    expect(new Date(local ?? '').toISOString()).toBe(iso);
  });

  it.each(['Mars/Olympus_Mons', 'Eastern Time', ''])('gives null for the zone %p instead of failing', (zone) => {
    expect(inTimeZone('2024-05-21T14:30:00.000Z', zone)).toBeNull();
    // Asked again (the zone is not remembered as valid), the answer is the same.
    expect(inTimeZone('2024-05-21T14:30:00.000Z', zone)).toBeNull();
  });

  it('gives null without a time or a zone', () => {
    expect(inTimeZone(null, 'America/New_York')).toBeNull();
    expect(inTimeZone('2024-05-21T14:30:00.000Z', null)).toBeNull();
  });
});
