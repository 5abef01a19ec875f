import type { Accounts } from './accounts';
import { SimulatorError } from './errors';
import type { IdFactory } from './ids';
import { renderRestBooking } from './render';
import type { AccountRecord, BookingRecord, Store } from './store';
import { toDate } from './time';
import type { Booking, BookingEventType, BookingStatus, CustomField, PaymentInformation, UtmParams } from './types';

export interface Customer {
  name: string;
  email: string;
  phone?: string | null;
  mobile_phone?: string;
  company?: string | null;
  note?: string;
  guests?: string[];
  timezone: string;
}

export interface ScheduleBookingInput {
  ownerId: string;
  /** Booking Pages accounts: defaults to a page the owner owns (else the account's newest page). */
  bookingPageId?: string;
  eventTypeId?: string;
  masterPageId?: string;
  /** Booking Calendars accounts: defaults to a calendar the owner hosts. */
  bookingCalendarId?: string;
  startingTime: string | Date;
  /** Defaults to the booking calendar's duration, else 30. */
  durationMinutes?: number;
  customer: Customer;
  /** Answers to the booking form's custom questions (form_submission.custom_fields). */
  customFields?: CustomField[];
  /** Field-library values on the meeting itself (top-level custom_fields). */
  bookingCustomFields?: CustomField[];
  subject?: string;
  location?: string;
  joinUrl?: string;
  /** Booking Calendars only. */
  payment?: PaymentInformation | null;
  utmParams?: UtmParams | null;
}

export interface RescheduleOptions {
  reason?: string;
  actionedBy?: 'user' | 'customer';
  userId?: string;
}

export interface CancelOptions {
  reason?: string;
  actionedBy: 'user' | 'customer';
  /** Defaults to the booking's host when actionedBy is 'user'. */
  userId?: string;
}

export interface CancelThenRescheduleInput {
  startingTime: string | Date;
  reason?: string;
  ownerId?: string;
  bookingPageId?: string;
  eventTypeId?: string;
  masterPageId?: string;
  bookingCalendarId?: string;
}

export type EmitEvent = (type: BookingEventType, booking: BookingRecord) => void;

const ACTIVE: readonly BookingStatus[] = ['requested', 'scheduled', 'rescheduled'];

/** Booking lifecycle: every action mutates the booking and then emits its webhook event. */
export class Bookings {
  constructor(
    private readonly store: Store,
    private readonly ids: IdFactory,
    private readonly accounts: Accounts,
    private readonly now: () => Date,
    private readonly emit: EmitEvent,
  ) {}

  scheduleBooking(accountId: string, input: ScheduleBookingInput): Booking {
    const account = this.accounts.requireAccount(accountId);
    const record = this.create(account, input);
    this.emit('booking.scheduled', record);
    return this.render(record);
  }

  rescheduleBooking(bookingId: string, newStart: string | Date, options: RescheduleOptions = {}): Booking {
    const booking = this.requireBooking(bookingId, ['scheduled', 'rescheduled'], 'rescheduled');
    const actionedBy = options.actionedBy ?? 'customer';
    booking.startingTime = toDate(newStart, 'newStart');
    booking.status = 'rescheduled';
    // The spec's only example of rescheduled_booking_id is the booking's own id.
    booking.rescheduledBookingId = booking.id;
    booking.cancelReschedule = this.actioned(booking, options.reason, actionedBy, options.userId);
    return this.touchAndEmit('booking.rescheduled', booking);
  }

  cancelBooking(bookingId: string, options: CancelOptions): Booking {
    const booking = this.requireBooking(bookingId, ACTIVE, 'canceled');
    booking.status = 'canceled';
    booking.cancelReschedule = this.actioned(booking, options.reason, options.actionedBy, options.userId);
    return this.touchAndEmit('booking.canceled', booking);
  }

  /**
   * The customer cancels and books again elsewhere. OnceHub does not document which booking
   * the event carries; the simulator sends the new one, whose rescheduled_booking_id points
   * at the canceled original. Returns the new booking.
   */
  cancelThenReschedule(bookingId: string, input: CancelThenRescheduleInput): Booking {
    const old = this.requireBooking(bookingId, ACTIVE, 'canceled');
    const account = this.accounts.requireAccount(old.accountId);
    const cancelInfo = this.actioned(old, input.reason, 'customer', undefined);
    const ownerId = input.ownerId ?? old.ownerId;
    const fresh = this.create(account, {
      ownerId,
      bookingPageId: input.bookingPageId ?? (input.ownerId === undefined ? old.bookingPageId : undefined),
      eventTypeId: input.eventTypeId ?? old.eventTypeId ?? undefined,
      masterPageId: input.masterPageId ?? old.masterPageId ?? undefined,
      bookingCalendarId: input.bookingCalendarId ?? (input.ownerId === undefined ? old.bookingCalendarId : undefined),
      startingTime: input.startingTime,
      durationMinutes: old.durationMinutes,
      customer: { ...old.form, guests: [...old.form.guests], timezone: old.customerTimezone },
      customFields: old.form.custom_fields,
      bookingCustomFields: old.customFields,
      location: old.location,
      payment: old.payment,
      utmParams: old.utmParams,
    });
    old.status = 'canceled';
    old.cancelReschedule = cancelInfo;
    old.lastUpdatedTime = this.now();
    fresh.rescheduledBookingId = old.id;
    fresh.cancelReschedule = { ...cancelInfo };
    this.emit('booking.canceled_then_rescheduled', fresh);
    return this.render(fresh);
  }

  requestReschedule(bookingId: string, options: { reason?: string; userId?: string } = {}): Booking {
    const booking = this.requireBooking(bookingId, ACTIVE, 'canceled');
    booking.status = 'canceled';
    booking.cancelReschedule = this.actioned(booking, options.reason, 'user', options.userId);
    return this.touchAndEmit('booking.canceled_reschedule_requested', booking);
  }

  completeBooking(bookingId: string): Booking {
    const booking = this.requireBooking(bookingId, ['scheduled', 'rescheduled'], 'completed');
    booking.status = 'completed';
    return this.touchAndEmit('booking.completed', booking);
  }

  markNoShow(bookingId: string): Booking {
    const booking = this.requireBooking(bookingId, ['scheduled', 'rescheduled', 'completed'], 'no_show');
    booking.status = 'no_show';
    return this.touchAndEmit('booking.no_show', booking);
  }

  /** Booking Calendars only. `owner` keeps the original user, as the spec describes. */
  reassignBooking(bookingId: string, newOwnerId: string): Booking {
    if (this.store.bookings.get(bookingId)?.product === 'booking_pages') {
      throw new SimulatorError('booking.reassigned exists only for Booking Calendars accounts');
    }
    const booking = this.requireBooking(bookingId, ['scheduled', 'rescheduled'], 'reassigned');
    this.accounts.requireAccountUser(booking.accountId, newOwnerId);
    if (newOwnerId === booking.hostId) throw new SimulatorError('Booking cannot be reassigned to the same host.', 409);
    booking.hostId = newOwnerId;
    return this.touchAndEmit('booking.reassigned', booking);
  }

  /** The account's bookings as GET /bookings would show them, newest first. */
  list(accountId: string): Booking[] {
    this.accounts.requireAccount(accountId);
    return this.store.ofAccount(this.store.bookings, accountId).map((b) => this.render(b));
  }

  private create(account: AccountRecord, input: ScheduleBookingInput): BookingRecord {
    const owner = this.accounts.requireAccountUser(account.id, input.ownerId);
    const customer = input.customer;
    if (!customer || typeof customer.email !== 'string' || typeof customer.name !== 'string') {
      throw new SimulatorError('customer.name and customer.email are required');
    }
    const now = this.now();
    const id = this.ids.id('BKNG-', 12);
    account.lastTrackingNumber += 1;
    const record: BookingRecord = {
      id,
      accountId: account.id,
      seq: this.store.nextSeq(),
      product: account.product,
      trackingId: `D36E${String(account.lastTrackingNumber % 10000).padStart(4, '0')}`,
      subject: '',
      status: 'scheduled',
      creationTime: now,
      startingTime: toDate(input.startingTime, 'startingTime'),
      lastUpdatedTime: now,
      customerTimezone: customer.timezone ?? owner.user.timezone,
      durationMinutes: input.durationMinutes ?? 30,
      joinUrl:
        input.joinUrl ??
        `https://meet.google.com/${this.ids.lowerAlnum(3)}-${this.ids.lowerAlnum(4)}-${this.ids.lowerAlnum(3)}`,
      location: input.location ?? '',
      rescheduledBookingId: '',
      cancelReschedule: { reason: '', user_id: '' },
      form: {
        name: customer.name,
        email: customer.email,
        phone: customer.phone ?? null,
        mobile_phone: customer.mobile_phone ?? '',
        note: customer.note ?? '',
        company: customer.company ?? null,
        guests: [...(customer.guests ?? [])],
        custom_fields: (input.customFields ?? []).map((f) => ({ ...f })),
      },
      masterPageId: null,
      eventTypeId: null,
      externalEventId: this.ids.lowerAlnum(26),
      icsToken: `${this.ids.hex(8)}-${this.ids.hex(4)}-${this.ids.hex(12)}-${this.ids.lowerAlnum(6)}`,
      payment: null,
      customFields: (input.bookingCustomFields ?? []).map((f) => ({ ...f })),
      ownerId: owner.id,
      hostId: owner.id,
      contactId: this.contactFor(account.id, customer.email),
      utmParams: input.utmParams ? { ...input.utmParams } : null,
    };
    if (account.product === 'booking_pages') this.attachPages(record, input);
    else this.attachCalendar(record, input);
    if (input.subject !== undefined) record.subject = input.subject;
    this.store.bookings.set(id, record);
    return record;
  }

  private attachPages(record: BookingRecord, input: ScheduleBookingInput): void {
    if (input.bookingCalendarId !== undefined || input.payment) {
      throw new SimulatorError('Booking Pages accounts have no booking calendars or payment information');
    }
    const { store } = this;
    const pages = store.ofAccount(store.bookingPages, record.accountId);
    const page =
      input.bookingPageId !== undefined
        ? store.owned(store.bookingPages, record.accountId, input.bookingPageId)
        : (pages.find((p) => p.ownerId === record.ownerId) ?? pages[0]);
    if (!page) throw new SimulatorError(`No booking page for this booking (create one first)`, 404);
    record.bookingPageId = page.id;
    if (input.masterPageId !== undefined) {
      if (!store.owned(store.masterPages, record.accountId, input.masterPageId)) {
        throw new SimulatorError(`No such master page: '${input.masterPageId}'`, 404);
      }
      record.masterPageId = input.masterPageId;
    }
    let subject = page.page.name;
    if (input.eventTypeId !== undefined) {
      const eventType = store.owned(store.eventTypes, record.accountId, input.eventTypeId);
      if (!eventType) throw new SimulatorError(`No such event type: '${input.eventTypeId}'`, 404);
      record.eventTypeId = eventType.id;
      // OnceHub's signed example uses the event type's name as the subject.
      subject = eventType.eventType.name;
    }
    record.subject = subject;
  }

  private attachCalendar(record: BookingRecord, input: ScheduleBookingInput): void {
    if (input.bookingPageId !== undefined || input.eventTypeId !== undefined || input.masterPageId !== undefined) {
      throw new SimulatorError('Booking Calendars accounts have no booking pages, master pages or event types');
    }
    const { store } = this;
    const calendars = store.ofAccount(store.bookingCalendars, record.accountId);
    const calendar =
      input.bookingCalendarId !== undefined
        ? store.owned(store.bookingCalendars, record.accountId, input.bookingCalendarId)
        : (calendars.find((c) => c.calendar.host === record.ownerId) ?? calendars[0]);
    if (!calendar) throw new SimulatorError('No booking calendar for this booking (create one first)', 404);
    record.bookingCalendarId = calendar.id;
    record.subject = calendar.calendar.subject;
    record.durationMinutes = input.durationMinutes ?? calendar.calendar.duration_minutes;
    record.payment = input.payment ? { ...input.payment } : null;
  }

  /** One contact per customer email per account, as OnceHub's CRM does. */
  private contactFor(accountId: string, email: string): string {
    const lower = email.toLowerCase();
    const existing = [...this.store.contacts.values()].find((c) => c.accountId === accountId && c.email === lower);
    if (existing) return existing.id;
    const id = this.ids.id('CTC-', 14);
    this.store.contacts.set(id, { id, accountId, seq: this.store.nextSeq(), email: lower });
    return id;
  }

  private actioned(
    booking: BookingRecord,
    reason: string | undefined,
    actionedBy: 'user' | 'customer',
    userId: string | undefined,
  ): BookingRecord['cancelReschedule'] {
    if (actionedBy !== 'user' && actionedBy !== 'customer') {
      throw new SimulatorError(`actionedBy must be 'user' or 'customer'`);
    }
    if (userId !== undefined) this.accounts.requireAccountUser(booking.accountId, userId);
    return {
      reason: reason ?? '',
      actioned_by: actionedBy,
      user_id: actionedBy === 'user' ? (userId ?? booking.hostId) : '',
    };
  }

  private requireBooking(bookingId: string, allowed: readonly BookingStatus[], target: string): BookingRecord {
    const booking = this.store.bookings.get(bookingId);
    if (!booking) throw new SimulatorError(`No such booking: '${bookingId}'`, 404);
    if (!allowed.includes(booking.status)) {
      throw new SimulatorError(`A ${booking.status} booking cannot become ${target}`, 409);
    }
    return booking;
  }

  private touchAndEmit(type: BookingEventType, booking: BookingRecord): Booking {
    booking.lastUpdatedTime = this.now();
    this.emit(type, booking);
    return this.render(booking);
  }

  private render(booking: BookingRecord): Booking {
    return renderRestBooking(this.store, booking, new Set());
  }
}
