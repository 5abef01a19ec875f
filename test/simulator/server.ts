import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Accounts } from './accounts';
import type { AdminRoute } from './admin';
import type { ApiRequest, ApiResponse, ApiRoute } from './api';
import { ApiError, errorForStatus, expiredApiKey, invalidApiKey, planForbidden, SimulatorError } from './errors';
import type { ArmedFault, FaultKind, Faults } from './faults';
import type { IdFactory } from './ids';
import { rejectUnknownParams, type Query } from './pagination';
import type { Router } from './router';

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Query;
  body: unknown;
  /** Whether an API-Key header was sent. The key itself is never recorded. */
  hadApiKey: boolean;
  /** The account the key belongs to, when the key is known (even if revoked or plan-blocked). */
  accountId?: string;
  /** 0 when the socket was reset instead of answered. */
  status: number;
  requestId: string;
  /** The injected fault that hit this request, if any. */
  fault?: FaultKind;
}

export interface ServerDeps {
  accounts: Accounts;
  api: Router<ApiRoute>;
  admin: Router<AdminRoute>;
  faults: Faults;
  /** A separate id stream, so seeded object ids don't depend on how many requests were made. */
  requestIds: IdFactory;
}

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | number>;
}

class ClosedError extends Error {}

const HTML_BAD_GATEWAY =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

/** The HTTP front: request ids, fault injection, auth, routing and the request log. */
export class SimServer {
  private readonly server: http.Server;
  private readonly log: RequestLogEntry[] = [];
  private readonly sleeps = new Set<{ timer: NodeJS.Timeout; reject: (error: Error) => void }>();
  private origin = 'http://127.0.0.1';
  private closing: Promise<void> | undefined;

  constructor(private readonly deps: ServerDeps) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch(() => {
        // Only reachable if writing to an already-destroyed socket throws; nothing left to answer.
        req.socket.destroy();
      });
    });
  }

  async listen(port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${address.port}`;
    return this.origin;
  }

  requests(): RequestLogEntry[] {
    return this.log.map((entry) => ({ ...entry, query: { ...entry.query } }));
  }

  resetRequests(): void {
    this.log.length = 0;
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      for (const sleep of this.sleeps) {
        clearTimeout(sleep.timer);
        sleep.reject(new ClosedError('simulator closed'));
      }
      this.sleeps.clear();
      this.server.close(() => resolve());
      // Keep-alive connections from fetch would otherwise hold close() open.
      this.server.closeAllConnections();
    });
    return this.closing;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = `req_${this.deps.requestIds.hex(16)}`;
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', this.origin);
    const rawBody = await readBody(req);
    const query = queryRecord(url);

    if (url.pathname === '/_sim' || url.pathname.startsWith('/_sim/')) {
      write(res, requestId, await this.admin(method, url, query, rawBody));
      return;
    }

    const apiKey = header(req, 'api-key');
    const entry: RequestLogEntry = {
      method,
      path: url.pathname,
      query,
      body: bodyForLog(rawBody),
      hadApiKey: apiKey !== undefined,
      status: 0,
      requestId,
    };
    this.log.push(entry);
    const auth = this.deps.accounts.authenticate(apiKey);
    const accountId = auth.ok ? auth.account.id : auth.accountId;
    if (accountId !== undefined) entry.accountId = accountId;

    const fault = this.deps.faults.take(method, url.pathname);
    if (fault) entry.fault = fault.kind;
    try {
      const early = await this.beforeHandling(fault, req);
      if (early === 'reset') return;
      const reply = early ?? this.api(method, url, query, rawBody, apiKey);
      if (fault?.kind === 'slow-after-commit') await this.sleep(fault.delayMs);
      if (fault?.kind === 'reset-after-commit') {
        req.socket.destroy();
        return;
      }
      entry.status = reply.status;
      write(res, requestId, reply);
    } catch (error) {
      if (!(error instanceof ClosedError)) throw error;
      req.socket.destroy();
    }
  }

  /** Faults that act before the request is handled; 'reset' means there is no one left to answer. */
  private async beforeHandling(
    fault: ArmedFault | undefined,
    req: http.IncomingMessage,
  ): Promise<Reply | 'reset' | undefined> {
    switch (fault?.kind) {
      case 'reset':
        req.socket.destroy();
        return 'reset';
      case 'slow':
        await this.sleep(fault.delayMs);
        // A client that gave up has gone; skipping the work keeps 'slow' distinct from 'slow-after-commit'.
        if (req.socket.destroyed) return 'reset';
        return undefined;
      case 'non-json':
        return { status: 502, body: HTML_BAD_GATEWAY, headers: { 'Content-Type': 'text/html' } };
      case 'status': {
        const headers: Record<string, string> = {};
        if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
        return json(fault.status, errorForStatus(fault.status, fault.message), headers);
      }
      default:
        return undefined;
    }
  }

  private api(method: string, url: URL, query: Query, rawBody: string, apiKey: string | undefined): Reply {
    try {
      if (url.pathname !== '/v2' && !url.pathname.startsWith('/v2/')) throw unrecognized(method, url);
      // Authenticated again (not reused from arrival): a 'slow' fault may have let the key be revoked meanwhile.
      const auth = this.deps.accounts.authenticate(apiKey);
      if (!auth.ok) {
        throw auth.reason === 'expired'
          ? expiredApiKey()
          : auth.reason === 'no_api_access'
            ? planForbidden()
            : invalidApiKey();
      }
      const route = this.deps.api.find(method, url.pathname.slice(3));
      if (!route) throw unrecognized(method, url);
      rejectUnknownParams(query, route.handler.query);
      const request: ApiRequest = {
        method,
        url,
        query,
        params: route.params,
        account: auth.account,
        body: () => parseJsonBody(rawBody),
      };
      const response: ApiResponse = route.handler.handle(request);
      return json(response.status, response.body, response.headers);
    } catch (error) {
      if (error instanceof ApiError) return json(error.status, error.body, error.headers);
      return json(500, { type: 'api_error', message: 'An unexpected error occurred. Please try again later.' });
    }
  }

  private async admin(method: string, url: URL, query: Query, rawBody: string): Promise<Reply> {
    try {
      const route = this.deps.admin.find(method, url.pathname.slice('/_sim'.length));
      if (!route) throw new SimulatorError(`No admin route ${method} ${url.pathname}`, 404);
      let body: unknown;
      try {
        body = rawBody.trim() === '' ? {} : JSON.parse(rawBody);
      } catch {
        throw new SimulatorError('Malformed JSON body');
      }
      const result = await route.handler({ params: route.params, query, body });
      return json(200, result ?? { ok: true });
    } catch (error) {
      const status = error instanceof SimulatorError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      return json(status, { type: 'simulator_error', message });
    }
  }

  /** A timer that close() cancels, so slow faults never outlive the simulator. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const handle = {
        timer: setTimeout(() => {
          this.sleeps.delete(handle);
          resolve();
        }, ms),
        reject,
      };
      this.sleeps.add(handle);
    });
  }
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return { status, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } };
}

function write(res: http.ServerResponse, requestId: string, reply: Reply): void {
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Length': Buffer.byteLength(reply.body),
    'Request-Id': requestId,
  });
  res.end(reply.body);
}

function unrecognized(method: string, url: URL): ApiError {
  return new ApiError(404, 'invalid_request_error', `Unrecognized request URL (${method}: ${url.pathname}).`);
}

function parseJsonBody(rawBody: string): unknown {
  if (rawBody.trim() === '') return undefined;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_request_error', 'Invalid JSON in request body.');
  }
}

function bodyForLog(rawBody: string): unknown {
  if (rawBody === '') return undefined;
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return rawBody;
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function queryRecord(url: URL): Query {
  const query: Query = {};
  for (const [name, value] of url.searchParams) query[name] = value;
  return query;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
