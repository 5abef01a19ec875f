/**
 * Booking deliveries as Zapier hands them to a hook trigger's `perform`: the parsed envelope in
 * `cleanedRequest`, the exact bytes plus OnceHub's signature header in `rawRequest`, and the
 * webhook's secret in `subscribeData`. Signed here independently of the app's own code, so the
 * bench also proves the app accepts what OnceHub documents.
 */
import { createHmac } from 'node:crypto';
import type { Bundle } from 'zapier-platform-core';
import { SAMPLE_EVENT } from '../../src/samples';
import { MOCK_LOGIN, MOCK_SECRET, MOCK_USER } from './mockApi';

type DeliveryBundle = Pick<Bundle, 'authData' | 'inputData' | 'cleanedRequest' | 'rawRequest' | 'subscribeData'>;

export const AUTH = { apiKey: 'ohk_bench_0123456789abcdef', loginId: MOCK_LOGIN };

export interface DeliveryOptions {
  /** Unique per delivery: the app remembers event ids to drop redeliveries. */
  eventId: string;
  /** `perform`'s input; `{ scope: 'all' }` needs no user lookup. */
  inputData?: Record<string, unknown>;
  /** Make the connected user own the booking (default scope then matches without a request). */
  ownedByLogin?: boolean;
}

export function signedDelivery(options: DeliveryOptions): DeliveryBundle {
  const data = options.ownedByLogin
    ? { ...SAMPLE_EVENT.data, owner: MOCK_USER }
    : SAMPLE_EVENT.data;
  const content = JSON.stringify({ ...SAMPLE_EVENT, id: options.eventId, data });
  const t = String(Math.floor(Date.now() / 1000));
  const s = createHmac('sha256', MOCK_SECRET).update(`${t}.${content}`).digest('hex');
  const subscribeData = { id: 'WHK-1', name: 'Zapier Booking Scheduled bench', events: ['booking.scheduled'], secret: MOCK_SECRET };
  return {
    authData: AUTH,
    inputData: options.inputData ?? { scope: 'all' },
    cleanedRequest: JSON.parse(content) as unknown,
    rawRequest: { content, headers: { 'Http-Oncehub-Signature': `t=${t},s=${s}` } },
    subscribeData,
  };
}
