import type {
  BookingCalendar,
  BookingPage,
  BookingStatus,
  CancelRescheduleInformation,
  CustomField,
  EventType,
  FormSubmission,
  MasterPage,
  PaymentInformation,
  Product,
  User,
  UtmParams,
  Webhook,
} from './types';

/** Everything an account owns carries its account and a creation sequence number. */
export interface Owned {
  id: string;
  accountId: string;
  /**
   * Lists are reverse chronological. Timestamps tie under a frozen test clock, so ordering
   * uses this insertion counter instead.
   */
  seq: number;
}

export interface AccountRecord extends Owned {
  product: Product;
  apiAccess: boolean;
  ownerId: string;
  lastTrackingNumber: number;
}

export interface KeyRecord {
  accountId: string;
  /** Revoked keys are kept so they can be told apart from keys that never existed. */
  active: boolean;
}

export interface UserRecord extends Owned {
  user: User;
  deleted: boolean;
}

export interface BookingPageRecord extends Owned {
  page: BookingPage;
  // Not part of the BookingPage schema; only used by GET /booking-pages filters.
  ownerId: string;
  masterPageIds: string[];
  eventTypeIds: string[];
}

export interface MasterPageRecord extends Owned {
  page: MasterPage;
}

export interface EventTypeRecord extends Owned {
  eventType: EventType;
}

export interface BookingCalendarRecord extends Owned {
  calendar: BookingCalendar;
}

export interface WebhookRecord extends Owned {
  webhook: Webhook & { secret: string };
}

export interface ContactRecord extends Owned {
  email: string;
}

export interface BookingRecord extends Owned {
  product: Product;
  trackingId: string;
  subject: string;
  status: BookingStatus;
  creationTime: Date;
  startingTime: Date;
  lastUpdatedTime: Date;
  customerTimezone: string;
  durationMinutes: number;
  joinUrl: string;
  location: string;
  rescheduledBookingId: string;
  cancelReschedule: CancelRescheduleInformation;
  form: FormSubmission;
  bookingPageId?: string;
  masterPageId: string | null;
  eventTypeId: string | null;
  bookingCalendarId?: string;
  externalEventId: string;
  icsToken: string;
  payment: PaymentInformation | null;
  customFields: CustomField[];
  /** Who first accepted the booking; the spec says it never changes, even on reassignment. */
  ownerId: string;
  /** Who hosts it now; differs from ownerId after a reassignment. */
  hostId: string;
  contactId: string;
  utmParams: UtmParams | null;
}

export class Store {
  private lastSeq = 0;
  readonly accounts = new Map<string, AccountRecord>();
  readonly keys = new Map<string, KeyRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly bookingPages = new Map<string, BookingPageRecord>();
  readonly masterPages = new Map<string, MasterPageRecord>();
  readonly eventTypes = new Map<string, EventTypeRecord>();
  readonly bookingCalendars = new Map<string, BookingCalendarRecord>();
  readonly webhooks = new Map<string, WebhookRecord>();
  readonly contacts = new Map<string, ContactRecord>();
  readonly bookings = new Map<string, BookingRecord>();

  nextSeq(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }

  /** The account's records, newest first. */
  ofAccount<T extends Owned>(records: Map<string, T>, accountId: string): T[] {
    return newestFirst([...records.values()].filter((r) => r.accountId === accountId));
  }

  /** A record by id, but only if it belongs to the account (other accounts' ids are "not found"). */
  owned<T extends Owned>(records: Map<string, T>, accountId: string, id: string): T | undefined {
    const record = records.get(id);
    return record && record.accountId === accountId ? record : undefined;
  }
}

export function newestFirst<T extends { seq: number }>(records: T[]): T[] {
  return [...records].sort((a, b) => b.seq - a.seq);
}
