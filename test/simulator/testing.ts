import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Simulator } from './index';

/** Helpers shared by the simulator's own tests (and usable by app tests that drive the simulator). */

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** What a receiver does with the n-th request (0-based): answer a status, maybe after a delay, or hang up. */
export type ReceiverBehaviour = (
  request: ReceivedRequest,
  index: number,
) => number | { status: number; delayMs: number } | 'reset';

export interface Receiver {
  /** e.g. http://127.0.0.1:5555/hook */
  url: string;
  received: ReceivedRequest[];
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedRequest[]>;
  close(): Promise<void>;
}

/** A loopback webhook receiver that records every request and answers per `behaviour` (default 200). */
export async function startReceiver(behaviour: ReceiverBehaviour = () => 200): Promise<Receiver> {
  const received: ReceivedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const index = received.push(request) - 1;
      const outcome = behaviour(request, index);
      for (const wake of waiters) wake();
      waiters = [];
      if (outcome === 'reset') {
        req.socket.destroy();
        return;
      }
      const { status, delayMs } = typeof outcome === 'number' ? { status: outcome, delayMs: 0 } : outcome;
      const answer = (): void => {
        res.writeHead(status, { 'Content-Type': 'text/plain' }).end('ok');
      };
      if (delayMs === 0) answer();
      else {
        const timer = setTimeout(() => {
          timers.delete(timer);
          answer();
        }, delayMs);
        timers.add(timer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error(`Receiver got ${received.length} of ${count} requests`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, remaining);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return received.slice(0, count);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** fetch against the simulator's /v2 with an API key; parses JSON bodies. */
export async function call<T = unknown>(
  sim: Simulator,
  key: string | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (key !== undefined) headers['API-Key'] = key;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${sim.baseUrl}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}

export interface SeededAccount {
  accountId: string;
  ownerId: string;
  key: string;
}

/** A Booking Pages account (Michael Smith) with one API key and one booking page. */
export function seedBookingPagesAccount(
  sim: Simulator,
  email = 'michael@example.com',
): SeededAccount & { pageId: string } {
  const { accountId, owner } = sim.createAccount({
    product: 'booking_pages',
    owner: { email, first_name: 'Michael', last_name: 'Smith', timezone: 'America/New_York' },
  });
  const page = sim.createBookingPage(accountId, { name: 'Michael Smith', ownerId: owner.id });
  return { accountId, ownerId: owner.id, key: sim.createApiKey(accountId), pageId: page.id };
}

export const CUSTOMER = { name: 'Carrie Customer', email: 'carrie@customer.com', timezone: 'America/New_York' };

/** A controllable clock for tests that need distinct or known timestamps. */
export function testClock(startIso = '2025-01-01T09:00:00.000Z'): {
  now: () => Date;
  advance(ms: number): void;
  set(iso: string): void;
} {
  let current = new Date(startIso).getTime();
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
    },
    set(iso) {
      current = new Date(iso).getTime();
    },
  };
}
