/**
 * A OnceHub delivery arriving at a Zap (the hook trigger's `perform`). It needs no API key and
 * makes no request in the usual case, so a Zap keeps running even while its connection's key is
 * dead. Anything that should not run the Zap returns no item and says why in one log line.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { toItem, type BookingItem } from './bookings';
import { isBookingEvent, type BookingEvent, type BookingScope } from './events';
import type { Booking, WebhookEvent } from './oncehub';
import { outOfScope, type TriggerInput } from './scope';
import { checkSignature } from './signature';
import { subscribedWebhook } from './webhooks';

/** OnceHub retries a failed delivery for about three days; remember event ids a little longer. */
const SEEN_TTL_SECONDS = 4 * 24 * 60 * 60;

interface RawRequest {
  content?: unknown;
  headers?: Record<string, unknown>;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The delivered JSON, without the `querystring` key Zapier adds to `cleanedRequest`. */
function deliveredBody(bundle: Bundle): Record<string, unknown> | undefined {
  const cleaned = asObject(bundle.cleanedRequest);
  if (cleaned) {
    const { querystring: _ignored, ...body } = cleaned;
    return body;
  }
  const raw = asObject(bundle.rawRequest) as RawRequest | undefined;
  if (typeof raw?.content === 'string') {
    try {
      return asObject(JSON.parse(raw.content));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The envelope if it has the shape OnceHub documents, or why not. */
export function readEnvelope(body: Record<string, unknown> | undefined): WebhookEvent | string {
  if (!body) return 'the body is not a JSON object';
  const data = asObject(body.data);
  if (typeof body.id !== 'string' || body.id === '') return 'it has no event id';
  if (typeof body.type !== 'string' || body.type === '') return `event ${body.id} has no type`;
  if (!data) return `event ${body.id} has no data object`;
  if (typeof data.id !== 'string' || data.id === '') return `event ${body.id} carries no booking id`;
  if (body.creation_time !== undefined && typeof body.creation_time !== 'string') {
    return `event ${body.id} has a malformed creation_time`;
  }
  return {
    id: body.id,
    object: typeof body.object === 'string' ? body.object : 'event',
    type: body.type,
    creation_time: typeof body.creation_time === 'string' ? body.creation_time : '',
    api_version: typeof body.api_version === 'string' ? body.api_version : '',
    data: data as unknown as Booking,
  };
}

/**
 * True the first time this Zap sees this event; a redelivery of it is dropped. The key includes
 * the webhook id because two Zaps on the same event get the same event id, each via its own webhook.
 */
async function firstSighting(z: ZObject, bundle: Bundle, eventId: string): Promise<boolean> {
  const key = `seen:${subscribedWebhook(bundle).id || 'unsubscribed'}:${eventId}`;
  try {
    // get first: Zapier's local test cache ignores `nx`; in production `nx` also settles races.
    if ((await z.cache.get(key)) !== null) return false;
    return (await z.cache.set(key, 1, SEEN_TTL_SECONDS, undefined, true)) !== false;
  } catch {
    // Without Zapier's cache (local tools) a redelivery may run twice; never lose an event instead.
    return true;
  }
}

export async function receiveDelivery(
  z: ZObject,
  bundle: Bundle<TriggerInput>,
  wanted: readonly BookingEvent[],
  defaultScope: BookingScope,
): Promise<BookingItem[]> {
  const body = deliveredBody(bundle);
  const skip = (why: string): BookingItem[] => {
    z.console.log(`OnceHub delivery ignored: ${why}.`);
    return [];
  };

  const raw = asObject(bundle.rawRequest) as RawRequest | undefined;
  const signature = checkSignature({
    headers: raw ? asObject(raw.headers) ?? {} : undefined,
    rawBody: typeof raw?.content === 'string' ? raw.content : undefined,
    parsedBody: body,
    secret: subscribedWebhook(bundle).secret,
  });
  if (signature.verdict === 'invalid') return skip(`${signature.reason}, so it may be forged`);
  // Accepted, but say so: a Zap running without signature checks should be visible in its logs.
  if (signature.verdict === 'unverifiable') z.console.log(`OnceHub delivery signature not checked: ${signature.reason}.`);

  const event = readEnvelope(body);
  if (typeof event === 'string') return skip(`it is not a OnceHub booking event (${event})`);
  if (!isBookingEvent(event.type) || !wanted.includes(event.type)) {
    return skip(`event ${event.id} is ${event.type}, which this Zap does not trigger on`);
  }
  const reason = await outOfScope(z, bundle, event.data, defaultScope);
  if (reason) return skip(`event ${event.id} is outside this Zap's scope: ${reason}`);
  if (!(await firstSighting(z, bundle, event.id))) {
    return skip(`event ${event.id} was delivered again and has already run this Zap`);
  }
  return [toItem(event, event.data)];
}
