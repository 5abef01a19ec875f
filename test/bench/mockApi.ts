/**
 * A loopback stand-in for OnceHub API v2 that counts requests per route. It is a plain node:http
 * server (not nock) so the app's real HTTP stack — core's fetch, sockets, JSON parsing — is part
 * of what the bench measures. Only the answers the bench's operations need are implemented.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const MOCK_LOGIN = 'michael@example.com';
export const MOCK_SECRET = 'd7686b8c83f04913929079aeae40189e';
export const MOCK_USER = {
  object: 'user',
  id: 'USR-1',
  first_name: 'Michael',
  last_name: 'Smith',
  email: MOCK_LOGIN,
  role_name: 'Account Owner',
};

export interface MockOptions {
  /** What `GET /v2/bookings` lists (sliced to `limit`); empty unless the caller needs samples. */
  bookings?: readonly object[];
}

export interface MockApi {
  /** e.g. `http://127.0.0.1:40123/v2`, for ONCEHUB_API_BASE_URL. */
  baseUrl: string;
  /** Requests since the last reset, keyed by route template such as `DELETE /v2/webhooks/{id}`. */
  counts(): Record<string, number>;
  reset(): void;
  close(): Promise<void>;
}

interface Answer {
  route: string;
  status: number;
  body: unknown;
}

const list = (data: readonly unknown[], hasMore = false) => ({ object: 'list', data, has_more: hasMore });

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function jsonObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function answer(method: string, url: URL, body: string, options: MockOptions): Answer {
  const path = url.pathname;
  const limit = Number(url.searchParams.get('limit')) || 100;
  if (method === 'GET' && path === '/v2/test') {
    return { route: 'GET /v2/test', status: 200, body: { message: `The API key is valid for account: ${MOCK_LOGIN}` } };
  }
  if (method === 'GET' && path === '/v2/users') {
    const email = url.searchParams.get('email')?.toLowerCase();
    return { route: 'GET /v2/users', status: 200, body: list(!email || email === MOCK_LOGIN ? [MOCK_USER] : []) };
  }
  if (method === 'POST' && path === '/v2/webhooks') {
    const sent = jsonObject(body);
    return {
      route: 'POST /v2/webhooks',
      status: 200,
      body: { object: 'webhook', id: 'WHK-1', name: sent.name, url: sent.url, events: sent.events, secret: MOCK_SECRET },
    };
  }
  if (method === 'GET' && path === '/v2/webhooks') return { route: 'GET /v2/webhooks', status: 200, body: list([]) };
  const webhook = /^\/v2\/webhooks\/([^/]+)$/.exec(path);
  if (method === 'DELETE' && webhook) {
    return { route: 'DELETE /v2/webhooks/{id}', status: 200, body: { id: decodeURIComponent(webhook[1] ?? ''), deleted: true } };
  }
  if (method === 'GET' && path === '/v2/bookings') {
    const bookings = options.bookings ?? [];
    return { route: 'GET /v2/bookings', status: 200, body: list(bookings.slice(0, limit), bookings.length > limit) };
  }
  const choices: Record<string, readonly object[]> = {
    '/v2/booking-pages': [
      { object: 'booking_page', id: 'BP-1', name: 'Michael Smith', label: 'MichaelSmith' },
      { object: 'booking_page', id: 'BP-2', name: 'Sales', label: 'Sales' },
    ],
    '/v2/event-types': [{ object: 'event_type', id: 'ET-1', name: 'Live demo' }],
    '/v2/booking-calendars': [{ object: 'booking_calendar', id: 'BC-1', name: 'Support', subject: 'Call' }],
  };
  const choice = choices[path];
  if (method === 'GET' && choice) return { route: `GET ${path}`, status: 200, body: list(choice.slice(0, limit)) };
  return {
    route: `${method} ${path} (unmocked)`,
    status: 404,
    body: { type: 'invalid_request_error', message: `The bench mock has no ${method} ${path}` },
  };
}

export function startMockApi(options: MockOptions = {}): Promise<MockApi> {
  let counts: Record<string, number> = {};
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(request);
    // OnceHub refuses a request without its key; so does the mock, so a lost header shows up.
    const reply: Answer = request.headers['api-key']
      ? answer(method, url, body, options)
      : { route: `${method} ${url.pathname} (no API-Key)`, status: 401, body: { type: 'authentication_error', message: 'Missing API key' } };
    counts[reply.route] = (counts[reply.route] ?? 0) + 1;
    const text = JSON.stringify(reply.body);
    response.writeHead(reply.status, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(text),
      'request-id': `req_bench${Object.values(counts).reduce((a, b) => a + b, 0)}`,
    });
    response.end(text);
  };
  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        baseUrl: `http://127.0.0.1:${port}/v2`,
        counts: () => ({ ...counts }),
        reset: () => {
          counts = {};
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function totalRequests(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
