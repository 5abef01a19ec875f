import {
  Accounts,
  type AccountInfo,
  type CreateAccountInput,
  type CreateBookingCalendarInput,
  type CreateBookingPageInput,
  type CreateEventTypeInput,
  type CreateMasterPageInput,
  type CreatedAccount,
  type CreateUserInput,
} from './accounts';
import { createAdminRouter } from './admin';
import { createApiRouter } from './api';
import {
  Bookings,
  type CancelOptions,
  type CancelThenRescheduleInput,
  type RescheduleOptions,
  type ScheduleBookingInput,
} from './bookings';
import { DeliveryEngine, type DeliveryLogEntry } from './deliveries';
import { SimulatorError } from './errors';
import { EventLog, type SimEvent } from './events';
import { Faults, type FaultSpec } from './faults';
import { cryptoRandom, IdFactory, seededRandom } from './ids';
import { renderWebhook, type WebhookRefs } from './render';
import { SimServer, type RequestLogEntry } from './server';
import { Store } from './store';
import type { Booking, BookingCalendar, BookingPage, EventType, MasterPage, User, Webhook } from './types';

export type * from './types';
export type { AccountInfo, CreateAccountInput, CreateBookingCalendarInput, CreateBookingPageInput } from './accounts';
export type { CreateEventTypeInput, CreateMasterPageInput, CreatedAccount, CreateUserInput } from './accounts';
export type {
  CancelOptions,
  CancelThenRescheduleInput,
  Customer,
  RescheduleOptions,
  ScheduleBookingInput,
} from './bookings';
export type { DeliveryLogEntry, DeliveryStatus } from './deliveries';
export type { SimEvent } from './events';
export type { FaultKind, FaultSpec } from './faults';
export type { RequestLogEntry } from './server';
export type { WebhookRefs } from './render';
export { WEBHOOK_EVENT_TYPES } from './types';
export { SimulatorError } from './errors';
export { signatureHeader, verifySignature } from './signature';

export interface SimulatorOptions {
  /** Listen port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Makes ids, keys, secrets and request ids reproducible. */
  seed?: number;
  /** The simulator's clock (creation times, signature timestamps). Retry delays use real timers. */
  now?: () => Date;
  /**
   * How owner/booking_page/master_page/event_type appear in webhook deliveries. OnceHub's signed
   * example expands them; the spec's BookingWebhookData says IDs. Default 'expanded'.
   */
  webhookRefs?: WebhookRefs;
  /** Whether GET /webhooks(/{id}) include `secret`; OnceHub's docs don't say. Default true. */
  secretOnRead?: boolean;
  /** Wait before each retry; the delivery is 'failed' once they run out. Default [100, 200, 400, 800, 1600]. */
  retryDelaysMs?: number[];
  /** Per-attempt delivery timeout. Default 5000. */
  deliveryTimeoutMs?: number;
}

/** A WebhookRecord as inspection shows it: the Webhook (with secret) plus its account. */
export type SimWebhook = Webhook & { secret: string; accountId: string };

export interface Simulator {
  /** e.g. http://127.0.0.1:4010/v2 */
  readonly baseUrl: string;
  /** e.g. http://127.0.0.1:4010/_sim */
  readonly adminUrl: string;
  close(): Promise<void>;

  createAccount(input: CreateAccountInput): CreatedAccount;
  account(accountId: string): AccountInfo;
  createApiKey(accountId: string): string;
  regenerateApiKey(key: string): string;
  deleteApiKey(key: string): void;
  createUser(accountId: string, input: CreateUserInput): User;
  deleteUser(userId: string): void;
  createBookingPage(accountId: string, input: CreateBookingPageInput): BookingPage;
  createMasterPage(accountId: string, input: CreateMasterPageInput): MasterPage;
  createEventType(accountId: string, input: CreateEventTypeInput): EventType;
  createBookingCalendar(accountId: string, input: CreateBookingCalendarInput): BookingCalendar;

  scheduleBooking(accountId: string, input: ScheduleBookingInput): Booking;
  rescheduleBooking(bookingId: string, newStart: string | Date, options?: RescheduleOptions): Booking;
  cancelBooking(bookingId: string, options: CancelOptions): Booking;
  cancelThenReschedule(bookingId: string, input: CancelThenRescheduleInput): Booking;
  requestReschedule(bookingId: string, options?: { reason?: string; userId?: string }): Booking;
  completeBooking(bookingId: string): Booking;
  markNoShow(bookingId: string): Booking;
  reassignBooking(bookingId: string, newOwnerId: string): Booking;

  events(): SimEvent[];
  deliveries(): DeliveryLogEntry[];
  settled(): Promise<void>;
  redeliver(eventId: string, webhookId: string): void;

  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  requests(): RequestLogEntry[];
  resetRequests(): void;

  webhooks(accountId?: string): SimWebhook[];
  webhookCount(accountId?: string): number;
  bookings(accountId: string): Booking[];
}

/**
 * Starts a dev-only OnceHub API v2 simulator on 127.0.0.1. Tests drive it in-process (the methods
 * below); other processes use the same operations under `${adminUrl}`. Always `await sim.close()`.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const now = options.now ?? ((): Date => new Date());
  const seeded = options.seed !== undefined;
  const ids = new IdFactory(seeded ? seededRandom(options.seed ?? 0) : cryptoRandom());
  const requestIds = new IdFactory(seeded ? seededRandom((options.seed ?? 0) ^ 0x5bd1e995) : cryptoRandom());
  const store = new Store();
  const accounts = new Accounts(store, ids);
  const engine = new DeliveryEngine({
    retryDelaysMs: [...(options.retryDelaysMs ?? [100, 200, 400, 800, 1600])],
    timeoutMs: options.deliveryTimeoutMs ?? 5000,
    now,
    lookup: (webhookId) => {
      const webhook = store.webhooks.get(webhookId)?.webhook;
      return webhook && { webhookId, url: webhook.url, secret: webhook.secret };
    },
    onGone: (webhookId) => store.webhooks.delete(webhookId),
  });
  const eventLog = new EventLog(store, ids, now, options.webhookRefs ?? 'expanded', engine);
  const bookings = new Bookings(store, ids, accounts, now, (type, booking) => eventLog.emit(type, booking));
  const faults = new Faults();
  const api = createApiRouter({ store, accounts, ids, now, secretOnRead: options.secretOnRead ?? true });

  const webhooks = (accountId?: string): SimWebhook[] =>
    [...store.webhooks.values()]
      .filter((w) => accountId === undefined || w.accountId === accountId)
      .sort((a, b) => a.seq - b.seq)
      .map((w) => ({ ...(renderWebhook(w.webhook, true) as Webhook & { secret: string }), accountId: w.accountId }));

  let origin = '';
  // The server is created after `sim` because the admin routes drive `sim` itself.
  let server: SimServer | undefined;
  const requireServer = (): SimServer => {
    if (!server) throw new SimulatorError('The simulator is not listening');
    return server;
  };

  const sim: Simulator = {
    get baseUrl() {
      return `${origin}/v2`;
    },
    get adminUrl() {
      return `${origin}/_sim`;
    },
    async close() {
      engine.close();
      await server?.close();
    },
    createAccount: (input) => accounts.createAccount(input),
    account: (accountId) => accounts.account(accountId),
    createApiKey: (accountId) => accounts.createApiKey(accountId),
    regenerateApiKey: (key) => accounts.regenerateApiKey(key),
    deleteApiKey: (key) => accounts.deleteApiKey(key),
    createUser: (accountId, input) => accounts.createUser(accountId, input),
    deleteUser: (userId) => accounts.deleteUser(userId),
    createBookingPage: (accountId, input) => accounts.createBookingPage(accountId, input),
    createMasterPage: (accountId, input) => accounts.createMasterPage(accountId, input),
    createEventType: (accountId, input) => accounts.createEventType(accountId, input),
    createBookingCalendar: (accountId, input) => accounts.createBookingCalendar(accountId, input),

    scheduleBooking: (accountId, input) => bookings.scheduleBooking(accountId, input),
    rescheduleBooking: (id, newStart, opts) => bookings.rescheduleBooking(id, newStart, opts),
    cancelBooking: (id, opts) => bookings.cancelBooking(id, opts),
    cancelThenReschedule: (id, input) => bookings.cancelThenReschedule(id, input),
    requestReschedule: (id, opts) => bookings.requestReschedule(id, opts),
    completeBooking: (id) => bookings.completeBooking(id),
    markNoShow: (id) => bookings.markNoShow(id),
    reassignBooking: (id, newOwnerId) => bookings.reassignBooking(id, newOwnerId),

    events: () => eventLog.list(),
    deliveries: () => engine.log(),
    settled: () => engine.settled(),
    redeliver(eventId, webhookId) {
      const event = eventLog.find(eventId);
      if (!event) throw new SimulatorError(`No such event: '${eventId}'`, 404);
      const record = store.webhooks.get(webhookId);
      if (!record || record.accountId !== event.accountId) {
        throw new SimulatorError(`No such webhook in the event's account: '${webhookId}'`, 404);
      }
      const { webhook } = record;
      engine.deliver(event, { webhookId, url: webhook.url, secret: webhook.secret });
    },

    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    requests: () => requireServer().requests(),
    resetRequests: () => requireServer().resetRequests(),

    webhooks,
    webhookCount: (accountId) => webhooks(accountId).length,
    bookings: (accountId) => bookings.list(accountId),
  };

  server = new SimServer({ accounts, api, admin: createAdminRouter(sim), faults, requestIds });
  origin = await server.listen(options.port ?? 0);
  return sim;
}
