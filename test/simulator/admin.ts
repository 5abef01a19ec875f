import type { CreateAccountInput, CreateBookingCalendarInput, CreateBookingPageInput } from './accounts';
import type { CreateEventTypeInput, CreateMasterPageInput, CreateUserInput } from './accounts';
import type { CancelOptions, CancelThenRescheduleInput, RescheduleOptions, ScheduleBookingInput } from './bookings';
import { SimulatorError } from './errors';
import type { FaultSpec } from './faults';
import type { Simulator } from './index';
import type { Query } from './pagination';
import { Router } from './router';

export interface AdminContext {
  params: Record<string, string>;
  query: Query;
  body: unknown;
}

/** Returns the JSON to answer with (200); throw SimulatorError for 4xx. */
export type AdminRoute = (context: AdminContext) => unknown;

/**
 * /_sim/...: the in-process Simulator methods over HTTP, so a separate process (e.g. a
 * `zapier invoke` session) can drive the simulator. No auth: loopback-only dev tooling.
 */
export function createAdminRouter(sim: Simulator): Router<AdminRoute> {
  const id = (c: AdminContext): string => c.params['id'] ?? '';
  const table: [method: string, path: string, handler: AdminRoute][] = [
    ['POST', '/accounts', (c) => sim.createAccount(input<CreateAccountInput>(c))],
    ['GET', '/accounts/{id}', (c) => sim.account(id(c))],
    ['POST', '/accounts/{id}/keys', (c) => ({ key: sim.createApiKey(id(c)) })],
    ['POST', '/keys/regenerate', (c) => ({ key: sim.regenerateApiKey(text(c, 'key')) })],
    ['DELETE', '/keys', (c) => (sim.deleteApiKey(text(c, 'key')), { deleted: true })],
    ['POST', '/accounts/{id}/users', (c) => sim.createUser(id(c), input<CreateUserInput>(c))],
    ['DELETE', '/users/{id}', (c) => (sim.deleteUser(id(c)), { id: id(c), deleted: true })],
    ['POST', '/accounts/{id}/booking-pages', (c) => sim.createBookingPage(id(c), input<CreateBookingPageInput>(c))],
    ['POST', '/accounts/{id}/master-pages', (c) => sim.createMasterPage(id(c), input<CreateMasterPageInput>(c))],
    ['POST', '/accounts/{id}/event-types', (c) => sim.createEventType(id(c), input<CreateEventTypeInput>(c))],
    [
      'POST',
      '/accounts/{id}/booking-calendars',
      (c) => sim.createBookingCalendar(id(c), input<CreateBookingCalendarInput>(c)),
    ],
    ['GET', '/accounts/{id}/bookings', (c) => sim.bookings(id(c))],
    ['POST', '/bookings', (c) => sim.scheduleBooking(text(c, 'accountId'), input<ScheduleBookingInput>(c))],
    [
      'POST',
      '/bookings/{id}/reschedule',
      (c) => sim.rescheduleBooking(id(c), text(c, 'startingTime'), input<RescheduleOptions>(c)),
    ],
    ['POST', '/bookings/{id}/cancel', (c) => sim.cancelBooking(id(c), input<CancelOptions>(c))],
    [
      'POST',
      '/bookings/{id}/cancel-then-reschedule',
      (c) => sim.cancelThenReschedule(id(c), input<CancelThenRescheduleInput>(c)),
    ],
    ['POST', '/bookings/{id}/request-reschedule', (c) => sim.requestReschedule(id(c), input(c))],
    ['POST', '/bookings/{id}/complete', (c) => sim.completeBooking(id(c))],
    ['POST', '/bookings/{id}/no-show', (c) => sim.markNoShow(id(c))],
    ['POST', '/bookings/{id}/reassign', (c) => sim.reassignBooking(id(c), text(c, 'ownerId'))],
    ['GET', '/webhooks', (c) => sim.webhooks(c.query['accountId'])],
    ['GET', '/events', () => sim.events()],
    ['GET', '/deliveries', () => sim.deliveries()],
    ['POST', '/deliveries/redeliver', (c) => sim.redeliver(text(c, 'eventId'), text(c, 'webhookId'))],
    ['GET', '/settled', async () => (await sim.settled(), { settled: true })],
    ['POST', '/faults', (c) => sim.injectFault(faultFromJson(c))],
    ['DELETE', '/faults', () => sim.clearFaults()],
    ['GET', '/requests', () => sim.requests()],
    ['DELETE', '/requests', () => sim.resetRequests()],
  ];
  return new Router(table.map(([method, path, handler]) => ({ method, path, handler })));
}

function body(context: AdminContext): Record<string, unknown> {
  const value = context.body;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new SimulatorError('The body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/** The in-process methods validate their input, so the admin layer only checks it's an object. */
function input<T>(context: AdminContext): T {
  return body(context) as T;
}

function text(context: AdminContext, field: string): string {
  const value = body(context)[field];
  if (typeof value !== 'string' || value === '') throw new SimulatorError(`${field} is required`);
  return value;
}

/** JSON has no RegExp, so `pathRegex` (a RegExp source) stands in for a RegExp `path`. */
function faultFromJson(context: AdminContext): FaultSpec {
  const { pathRegex, ...rest } = body(context);
  const spec = rest as unknown as FaultSpec;
  if (typeof pathRegex === 'string') spec.path = new RegExp(pathRegex);
  return spec;
}
