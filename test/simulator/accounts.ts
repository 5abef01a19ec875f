import { SimulatorError } from './errors';
import type { IdFactory } from './ids';
import type { AccountRecord, Owned, Store, UserRecord } from './store';
import type { BookingCalendar, BookingPage, EventType, MasterPage, Product, RoleName, User } from './types';

export interface CreateAccountInput {
  product: Product;
  owner: { email: string; first_name: string; last_name: string; timezone?: string };
  /** false → every API call answers 403 (plan without API access). Default true. */
  apiAccess?: boolean;
}

export interface CreatedAccount {
  accountId: string;
  owner: User;
}

export interface CreateUserInput {
  email: string;
  first_name: string;
  last_name: string;
  role_name?: RoleName;
  timezone?: string;
  status?: 'active' | 'invited';
}

export interface CreateBookingPageInput {
  name: string;
  label?: string;
  ownerId: string;
  timezone?: string;
  active?: boolean;
  masterPageIds?: string[];
  eventTypeIds?: string[];
}

export interface CreateMasterPageInput {
  name: string;
  label?: string;
  active?: boolean;
}

export interface CreateEventTypeInput {
  name: string;
  description?: string;
}

export interface CreateBookingCalendarInput {
  name: string;
  subject: string;
  /** User ID of the host (the spec's BookingCalendar.host). */
  host: string;
  duration_minutes: number;
  published?: boolean;
}

export interface AccountInfo {
  accountId: string;
  product: Product;
  apiAccess: boolean;
  owner: User;
  users: User[];
  activeKeyCount: number;
  bookingPages: BookingPage[];
  masterPages: MasterPage[];
  eventTypes: EventType[];
  bookingCalendars: BookingCalendar[];
}

/** OnceHub allows up to 25 active keys per account (help-center: api-key-security-management). */
export const MAX_ACTIVE_KEYS = 25;
const DEFAULT_TIMEZONE = 'America/New_York';

export type AuthResult =
  | { ok: true; account: AccountRecord }
  | { ok: false; reason: 'invalid' | 'expired' | 'no_api_access'; accountId?: string };

/** Accounts, API keys, users and the scheduling catalog (pages, event types, calendars). */
export class Accounts {
  constructor(
    private readonly store: Store,
    private readonly ids: IdFactory,
  ) {}

  createAccount(input: CreateAccountInput): CreatedAccount {
    if (input.product !== 'booking_pages' && input.product !== 'booking_calendars') {
      throw new SimulatorError(`product must be 'booking_pages' or 'booking_calendars'`);
    }
    const accountId = this.ids.id('ACT-', 12);
    const account: AccountRecord = {
      id: accountId,
      accountId,
      seq: this.store.nextSeq(),
      product: input.product,
      apiAccess: input.apiAccess ?? true,
      ownerId: '',
      lastTrackingNumber: 0,
    };
    this.store.accounts.set(accountId, account);
    const owner = this.addUser(accountId, { ...input.owner, role_name: 'Account Owner' });
    account.ownerId = owner.id;
    return { accountId, owner };
  }

  account(accountId: string): AccountInfo {
    const account = this.requireAccount(accountId);
    const { store } = this;
    return {
      accountId,
      product: account.product,
      apiAccess: account.apiAccess,
      owner: copyUser(this.requireUser(account.ownerId).user),
      users: store
        .ofAccount(store.users, accountId)
        .filter((u) => !u.deleted)
        .map((u) => copyUser(u.user)),
      activeKeyCount: this.activeKeyCount(accountId),
      bookingPages: store.ofAccount(store.bookingPages, accountId).map((r) => ({ ...r.page })),
      masterPages: store.ofAccount(store.masterPages, accountId).map((r) => ({ ...r.page })),
      eventTypes: store.ofAccount(store.eventTypes, accountId).map((r) => ({ ...r.eventType })),
      bookingCalendars: store.ofAccount(store.bookingCalendars, accountId).map((r) => ({ ...r.calendar })),
    };
  }

  createApiKey(accountId: string): string {
    this.requireAccount(accountId);
    if (this.activeKeyCount(accountId) >= MAX_ACTIVE_KEYS) {
      throw new SimulatorError(`An account can have at most ${MAX_ACTIVE_KEYS} active API keys`, 409);
    }
    const key = this.ids.apiKey();
    this.store.keys.set(key, { accountId, active: true });
    return key;
  }

  /** Mirrors the pre-2026 "Regenerate" link: the old key is revoked at once. */
  regenerateApiKey(key: string): string {
    const record = this.requireActiveKey(key);
    record.active = false;
    const fresh = this.ids.apiKey();
    this.store.keys.set(fresh, { accountId: record.accountId, active: true });
    return fresh;
  }

  deleteApiKey(key: string): void {
    this.requireActiveKey(key).active = false;
  }

  authenticate(key: string | undefined): AuthResult {
    const record = key === undefined ? undefined : this.store.keys.get(key);
    if (!record) return { ok: false, reason: 'invalid' };
    if (!record.active) return { ok: false, reason: 'expired', accountId: record.accountId };
    const account = this.requireAccount(record.accountId);
    if (!account.apiAccess) return { ok: false, reason: 'no_api_access', accountId: account.id };
    return { ok: true, account };
  }

  createUser(accountId: string, input: CreateUserInput): User {
    this.requireAccount(accountId);
    if (input.role_name === 'Account Owner') {
      throw new SimulatorError('An account has exactly one Account Owner, created with the account');
    }
    return this.addUser(accountId, input);
  }

  deleteUser(userId: string): void {
    const record = this.requireUser(userId);
    if (this.requireAccount(record.accountId).ownerId === userId) {
      throw new SimulatorError('The Account Owner cannot be deleted');
    }
    record.deleted = true;
  }

  createBookingPage(accountId: string, input: CreateBookingPageInput): BookingPage {
    this.requireProduct(accountId, 'booking_pages');
    requireText(input.name, 'name');
    this.requireAccountUser(accountId, input.ownerId);
    for (const id of input.masterPageIds ?? []) this.requireOwned('masterPages', accountId, id, 'master page');
    for (const id of input.eventTypeIds ?? []) this.requireOwned('eventTypes', accountId, id, 'event type');
    const label = input.label ?? slug(input.name);
    const page: BookingPage = {
      object: 'booking_page',
      id: this.ids.id('BP-', 10),
      name: input.name,
      label,
      url: `https://go.oncehub.com/${label}`,
      active: input.active ?? true,
      timezone: input.timezone ?? this.requireUser(input.ownerId).user.timezone,
    };
    this.store.bookingPages.set(page.id, {
      id: page.id,
      accountId,
      seq: this.store.nextSeq(),
      page,
      ownerId: input.ownerId,
      masterPageIds: [...(input.masterPageIds ?? [])],
      eventTypeIds: [...(input.eventTypeIds ?? [])],
    });
    return { ...page };
  }

  createMasterPage(accountId: string, input: CreateMasterPageInput): MasterPage {
    this.requireProduct(accountId, 'booking_pages');
    requireText(input.name, 'name');
    const label = input.label ?? slug(input.name);
    const page: MasterPage = {
      object: 'master_page',
      id: this.ids.id('MP-', 10),
      name: input.name,
      label,
      url: `https://go.oncehub.com/${label}`,
      active: input.active ?? true,
    };
    this.store.masterPages.set(page.id, { id: page.id, accountId, seq: this.store.nextSeq(), page });
    return { ...page };
  }

  createEventType(accountId: string, input: CreateEventTypeInput): EventType {
    this.requireProduct(accountId, 'booking_pages');
    requireText(input.name, 'name');
    const eventType: EventType = {
      object: 'event_type',
      id: this.ids.id('ET-', 10),
      name: input.name,
      description: input.description ?? '',
    };
    this.store.eventTypes.set(eventType.id, { id: eventType.id, accountId, seq: this.store.nextSeq(), eventType });
    return { ...eventType };
  }

  createBookingCalendar(accountId: string, input: CreateBookingCalendarInput): BookingCalendar {
    this.requireProduct(accountId, 'booking_calendars');
    requireText(input.name, 'name');
    requireText(input.subject, 'subject');
    this.requireAccountUser(accountId, input.host);
    if (!Number.isInteger(input.duration_minutes) || input.duration_minutes <= 0) {
      throw new SimulatorError('duration_minutes must be a positive integer');
    }
    const calendar: BookingCalendar = {
      object: 'booking_calendar',
      id: this.ids.id('BKC-', 10),
      host: input.host,
      name: input.name,
      subject: input.subject,
      url: `https://oncehub.com/${slug(input.name).toLowerCase()}`,
      published: input.published ?? true,
      duration_minutes: input.duration_minutes,
    };
    this.store.bookingCalendars.set(calendar.id, { id: calendar.id, accountId, seq: this.store.nextSeq(), calendar });
    return { ...calendar };
  }

  requireAccount(accountId: string): AccountRecord {
    const account = this.store.accounts.get(accountId);
    if (!account) throw new SimulatorError(`No such account: '${accountId}'`, 404);
    return account;
  }

  /** A live user of the given account. */
  requireAccountUser(accountId: string, userId: string): UserRecord {
    const record = this.store.users.get(userId);
    if (!record || record.deleted || record.accountId !== accountId) {
      throw new SimulatorError(`No such user in account ${accountId}: '${userId}'`, 404);
    }
    return record;
  }

  private requireUser(userId: string): UserRecord {
    const record = this.store.users.get(userId);
    if (!record) throw new SimulatorError(`No such user: '${userId}'`, 404);
    return record;
  }

  private requireOwned(collection: 'masterPages' | 'eventTypes', accountId: string, id: string, kind: string): void {
    const records: Map<string, Owned> = this.store[collection];
    if (!this.store.owned(records, accountId, id)) {
      throw new SimulatorError(`No such ${kind} in account ${accountId}: '${id}'`, 404);
    }
  }

  private requireProduct(accountId: string, product: Product): void {
    if (this.requireAccount(accountId).product !== product) {
      throw new SimulatorError(`Account ${accountId} is not a ${product} account`);
    }
  }

  private requireActiveKey(key: string): { accountId: string; active: boolean } {
    const record = this.store.keys.get(key);
    if (!record || !record.active) throw new SimulatorError('No such active API key', 404);
    return record;
  }

  private activeKeyCount(accountId: string): number {
    let count = 0;
    for (const record of this.store.keys.values()) if (record.active && record.accountId === accountId) count++;
    return count;
  }

  private addUser(accountId: string, input: CreateUserInput): User {
    requireText(input.email, 'email');
    requireText(input.first_name, 'first_name');
    if (typeof input.last_name !== 'string') throw new SimulatorError('last_name must be a string');
    const email = input.email.toLowerCase();
    const taken = this.store
      .ofAccount(this.store.users, accountId)
      .some((u) => !u.deleted && u.user.email.toLowerCase() === email);
    if (taken) throw new SimulatorError(`Email already exists: '${input.email}'`, 409);
    const user: User = {
      object: 'user',
      id: this.ids.id('USR-', 10),
      first_name: input.first_name,
      last_name: input.last_name,
      email: input.email,
      status: input.status ?? 'active',
      role_name: input.role_name ?? 'Member',
      timezone: input.timezone ?? DEFAULT_TIMEZONE,
      teams: [],
    };
    this.store.users.set(user.id, { id: user.id, accountId, seq: this.store.nextSeq(), user, deleted: false });
    return copyUser(user);
  }
}

export function copyUser(user: User): User {
  return { ...user, teams: [...user.teams] };
}

function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.trim() === '') throw new SimulatorError(`${field} is required`);
}

function slug(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '') || 'page';
}
