import http from 'node:http';
import https from 'node:https';
import { signatureHeader } from './signature';
import type { BookingEventType } from './types';

export type DeliveryStatus = 'pending' | 'acknowledged' | 'gone' | 'failed';

export interface DeliveryLogEntry {
  eventId: string;
  eventType: BookingEventType;
  webhookId: string;
  url: string;
  attempts: number;
  status: DeliveryStatus;
  /** HTTP status per attempt; 0 means no response (timeout, connection error, or aborted by close()). */
  responses: number[];
}

export interface DeliverableEvent {
  id: string;
  type: BookingEventType;
  /** The exact bytes to POST; never re-serialised, so signatures and redeliveries stay byte-identical. */
  body: string;
}

export interface DeliveryTarget {
  webhookId: string;
  url: string;
  secret: string;
}

export interface DeliveryEngineOptions {
  retryDelaysMs: readonly number[];
  timeoutMs: number;
  now: () => Date;
  /** The webhook as it is now; undefined once it has been deleted. */
  lookup: (webhookId: string) => DeliveryTarget | undefined;
  /** Called when a receiver answers 410 Gone. */
  onGone: (webhookId: string) => void;
}

interface Delivery {
  entry: DeliveryLogEntry;
  event: DeliverableEvent;
}

/** Posts signed events to webhook URLs with retries; each delivery runs independently of the others. */
export class DeliveryEngine {
  private readonly entries: DeliveryLogEntry[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inflight = new Set<() => void>();
  private waiters: (() => void)[] = [];
  private active = 0;
  private closed = false;

  constructor(private readonly options: DeliveryEngineOptions) {}

  deliver(event: DeliverableEvent, target: DeliveryTarget): void {
    if (this.closed) return;
    const entry: DeliveryLogEntry = {
      eventId: event.id,
      eventType: event.type,
      webhookId: target.webhookId,
      url: target.url,
      attempts: 0,
      status: 'pending',
      responses: [],
    };
    this.entries.push(entry);
    this.active += 1;
    void this.attempt({ entry, event });
  }

  log(): DeliveryLogEntry[] {
    return this.entries.map((e) => ({ ...e, responses: [...e.responses] }));
  }

  /** Resolves once nothing is in flight or waiting for a retry. */
  settled(): Promise<void> {
    if (this.active === 0 || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const abort of [...this.inflight]) abort();
    for (const entry of this.entries) if (entry.status === 'pending') entry.status = 'failed';
    this.active = 0;
    this.wake();
  }

  private async attempt(delivery: Delivery): Promise<void> {
    const { entry, event } = delivery;
    const target = this.options.lookup(entry.webhookId);
    if (!target) {
      // Deleted (through the API or by a 410 elsewhere) while a retry was waiting.
      this.finish(entry, 'failed');
      return;
    }
    const signature = signatureHeader(target.secret, event.body, Math.floor(this.options.now().getTime() / 1000));
    const status = await this.post(target.url, event.body, signature);
    if (this.closed) return;
    entry.attempts += 1;
    entry.responses.push(status);
    if (status >= 200 && status < 300) {
      this.finish(entry, 'acknowledged');
    } else if (status === 410) {
      // ASSUMPTION: OnceHub's docs only promise to disable a webhook after ~3 days of failures.
      // Deleting on 410 is what Zapier asks REST-hook providers to do, so the simulator does it.
      this.options.onGone(entry.webhookId);
      this.finish(entry, 'gone');
    } else {
      const delay = this.options.retryDelaysMs[entry.attempts - 1];
      if (delay === undefined) {
        // Real OnceHub keeps retrying for ~3 days and then disables the webhook; we just give up.
        this.finish(entry, 'failed');
        return;
      }
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.attempt(delivery);
      }, delay);
      this.timers.add(timer);
    }
  }

  /** Resolves with the HTTP status, or 0 when there was no response. Never rejects. */
  private post(url: string, body: string, signature: string): Promise<number> {
    return new Promise((resolve) => {
      let settled = false;
      const done = (status: number): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.inflight.delete(abort);
        resolve(status);
      };
      let request: http.ClientRequest;
      try {
        const parsed = new URL(url);
        const transport = parsed.protocol === 'https:' ? https : http;
        // One options object, not (URL, options): zapier-platform-core patches http.request in the
        // same process to log the app's requests, and that patch drops the options of the two-argument form.
        request = transport.request({
          protocol: parsed.protocol,
          hostname: parsed.hostname,
          port: parsed.port,
          path: `${parsed.pathname}${parsed.search}`,
          method: 'POST',
          // A fresh connection per attempt: no pooled sockets outlive close().
          agent: false,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': Buffer.byteLength(body),
            'Oncehub-Signature': signature,
          },
        });
      } catch {
        resolve(0);
        return;
      }
      const abort = (): void => {
        request.destroy();
        done(0);
      };
      const timer = setTimeout(abort, this.options.timeoutMs);
      this.inflight.add(abort);
      request.on('response', (response) => {
        response.resume();
        done(response.statusCode ?? 0);
      });
      request.on('error', () => done(0));
      request.end(body);
    });
  }

  private finish(entry: DeliveryLogEntry, status: Exclude<DeliveryStatus, 'pending'>): void {
    if (entry.status !== 'pending') return;
    entry.status = status;
    this.active -= 1;
    if (this.active === 0) this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
