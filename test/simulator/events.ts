import type { DeliveryEngine } from './deliveries';
import type { IdFactory } from './ids';
import { renderWebhookBooking, type WebhookRefs } from './render';
import type { BookingRecord, Store } from './store';
import { iso } from './time';
import type { BookingEventType, WebhookEvent } from './types';

export interface SimEvent {
  id: string;
  type: BookingEventType;
  accountId: string;
  /** The envelope as delivered (parsed back from `body`). */
  payload: WebhookEvent;
  /** The exact bytes every delivery and redelivery of this event POSTs. */
  body: string;
}

interface StoredEvent {
  id: string;
  type: BookingEventType;
  accountId: string;
  body: string;
}

/** Turns booking changes into webhook events and hands them to every subscribed webhook. */
export class EventLog {
  private readonly emitted: StoredEvent[] = [];

  constructor(
    private readonly store: Store,
    private readonly ids: IdFactory,
    private readonly now: () => Date,
    private readonly refs: WebhookRefs,
    private readonly engine: DeliveryEngine,
  ) {}

  emit(type: BookingEventType, booking: BookingRecord): void {
    const payload: WebhookEvent = {
      id: this.ids.id('EVNT-', 10),
      object: 'event',
      creation_time: iso(this.now()),
      type,
      api_version: 'v2',
      // Rendered now: later changes to the booking must not leak into this event.
      data: renderWebhookBooking(this.store, booking, this.refs),
    };
    const event: StoredEvent = { id: payload.id, type, accountId: booking.accountId, body: JSON.stringify(payload) };
    this.emitted.push(event);
    const subscribers = [...this.store.webhooks.values()]
      .filter((w) => w.accountId === booking.accountId && w.webhook.events.includes(type))
      .sort((a, b) => a.seq - b.seq);
    for (const { webhook } of subscribers) {
      this.engine.deliver(event, { webhookId: webhook.id, url: webhook.url, secret: webhook.secret });
    }
  }

  find(eventId: string): StoredEvent | undefined {
    return this.emitted.find((e) => e.id === eventId);
  }

  list(): SimEvent[] {
    return this.emitted.map((e) => ({ ...e, payload: JSON.parse(e.body) as WebhookEvent }));
  }
}
