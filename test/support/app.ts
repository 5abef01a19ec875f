/**
 * Shared test wiring: the real app behind core's createAppTester (the handler Zapier runs),
 * with nock at the network edge and nothing else mocked.
 */
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import type { ConnectedAccount } from '../../src/authentication';
import type { BookingItem } from '../../src/bookings';
import type { SubscribeData, UnsubscribeResult } from '../../src/webhooks';
import App from '../../index';
import { validateRequest } from '../contract/openapi';
import { specProblems } from './specProblems';

export { App };
export const appTester = zapier.createAppTester(App);

export const API = 'https://api.oncehub.com';
export const API_KEY = 'ohk_test_9f8e7d6c5b4a39281706';
export const LOGIN = 'michael@example.com';
export const AUTH = { apiKey: API_KEY, loginId: LOGIN };

/** Blocks every real connection; tests opt loopback back in only where a local server runs. */
export function offline(options: { loopback?: boolean } = {}): void {
  nock.disableNetConnect();
  if (options.loopback) nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
}

/**
 * A nock scope for the OnceHub API that insists on the key in the API-Key header, and checks
 * every request it answers against OnceHub's OpenAPI spec (method, path, query, body).
 */
export function oncehub(key: string = API_KEY): nock.Scope {
  const scope = nock(API, { reqheaders: { 'api-key': key } });
  scope.on('request', (req: { method?: string; path?: string }, _interceptor: unknown, body: string) => {
    const request = { method: req.method ?? 'GET', url: req.path ?? '/', body: body === '' ? undefined : body };
    for (const problem of validateRequest(request)) specProblems.push(`${request.method} ${request.url}: ${problem}`);
  });
  return scope;
}

/** OnceHub's error body and Request-Id header, as its API sends them. */
export function failure(status: number, message: string, type = 'invalid_request_error', param?: string) {
  return [status, { type, message, ...(param ? { param } : {}) }, { 'Request-Id': `req_${status}abcdef012345` }] as const;
}

export type PartialBundle = Partial<Omit<Bundle, 'meta'>> & { meta?: Partial<Bundle['meta']> };

export function resetNetwork(): void {
  nock.cleanAll();
}

/*
 * The app definition is typed for Zapier's schema (every trigger a union of operation kinds), so
 * tests reach operations through these views, typed with what our code actually returns.
 */
type Perform<T> = (z: ZObject, bundle: Bundle) => Promise<T>;

export interface HookTrigger {
  key: string;
  noun: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: {
    type: string;
    perform: Perform<BookingItem[]>;
    performList: Perform<BookingItem[]>;
    performSubscribe: Perform<SubscribeData>;
    performUnsubscribe: Perform<UnsubscribeResult>;
    sample: BookingItem;
    inputFields: { key: string }[];
    outputFields: { key: string; label: string; type?: string }[];
  };
}

export interface ChoiceTrigger {
  key: string;
  display: { label: string; description: string; hidden?: boolean };
  operation: { perform: Perform<{ id: string; name: string }[]> };
}

export const hooks = App.triggers as unknown as Record<string, HookTrigger>;
export const dropdowns = App.triggers as unknown as Record<
  'list_booking_pages' | 'list_event_types' | 'list_booking_calendars',
  ChoiceTrigger
>;
export const auth = App.authentication as unknown as {
  test: Perform<ConnectedAccount>;
  connectionLabel: string;
};

/**
 * Goes offline for the file and collects requests no interceptor matched: under
 * disableNetConnect the app only sees them as network errors, so tests assert this list instead.
 */
export function unmatchedRequests(): string[] {
  const unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; path?: string }): void => {
    unmatched.push(`${req.method ?? '?'} ${req.path ?? '?'}`);
  };
  beforeAll(() => {
    offline();
    nock.emitter.on('no match', onNoMatch);
  });
  afterAll(() => {
    nock.emitter.removeListener('no match', onNoMatch);
  });
  beforeEach(() => {
    unmatched.length = 0;
  });
  return unmatched;
}
