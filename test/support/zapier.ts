/**
 * A small stand-in for Zapier around the real app, for end-to-end tests and the demo: it holds
 * one connection, turns Zaps on and off through the app's subscribe/unsubscribe, and receives
 * OnceHub's deliveries over real HTTP at per-Zap hook URLs, running the app's `perform` the way
 * Zapier does (parsed body in cleanedRequest, raw body and `Http-`-prefixed headers in
 * rawRequest). A Zap that is off answers 410 Gone, as Zapier's hook URLs do.
 *
 * Everything the app does goes through zapier-platform-core's createAppTester, the same handler
 * Zapier runs; nothing of the app is mocked.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import type { ConnectedAccount } from '../../src/authentication';
import type { BookingItem } from '../../src/bookings';

type AnyApp = { triggers?: Record<string, { operation: Record<string, unknown> }>; authentication?: Record<string, unknown> };
type Operation = (z: ZObject, bundle: Bundle) => unknown;

export interface AuthData {
  apiKey: string;
  loginId: string;
}

export interface Zap {
  readonly id: number;
  readonly triggerKey: string;
  readonly inputData: Record<string, unknown>;
  readonly targetUrl: string;
  subscribeData: Record<string, unknown>;
  on: boolean;
  /** Items the Zap ran on, in arrival order. */
  readonly runs: BookingItem[];
  /** Deliveries that reached the Zap but ran nothing (ignored, out of scope, repeated). */
  skipped: number;
  readonly errors: Error[];
}

export interface TurnOffOutcome {
  result?: unknown;
  error?: Error;
}

function titleCase(header: string): string {
  return header.replace(/(^|-)([a-z])/g, (_m, dash: string, letter: string) => dash + letter.toUpperCase());
}

export class ZapierEmulator {
  readonly zaps: Zap[] = [];
  connection: AuthData | undefined;
  private readonly tester: ReturnType<typeof zapier.createAppTester>;
  private readonly inFlight = new Set<Promise<unknown>>();
  private nextId = 1;

  private constructor(
    private readonly app: AnyApp,
    private readonly server: http.Server,
    private readonly origin: string,
  ) {
    this.tester = zapier.createAppTester(app);
  }

  static async start(app: object): Promise<ZapierEmulator> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const emulator = new ZapierEmulator(app as AnyApp, server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => emulator.receive(req, res));
    return emulator;
  }

  private operation(path: string): Operation {
    const [first, ...rest] = path.split('.');
    let node: unknown = (this.app as Record<string, unknown>)[first ?? ''];
    for (const key of rest) node = (node as Record<string, unknown> | undefined)?.[key];
    if (typeof node !== 'function') throw new Error(`The app has no ${path}`);
    return node as Operation;
  }

  private run<T>(path: string, bundle: object): Promise<T> {
    return this.tester(this.operation(path), bundle) as Promise<T>;
  }

  /** Connects (or reconnects, in place) the way Zapier does: runs the test, then the label. */
  async connect(authData: AuthData): Promise<{ label: string; account: ConnectedAccount }> {
    const account = await this.run<ConnectedAccount>('authentication.test', { authData });
    // Zapier renders a string label as a template over the test result's fields.
    const template = String((this.app.authentication ?? {})['connectionLabel'] ?? '');
    const fields = account as unknown as Record<string, unknown>;
    const label = template.replace(/{{\s*(\w+)\s*}}/g, (_m, key: string) => String(fields[key] ?? ''));
    this.connection = { ...authData };
    return { label, account };
  }

  private auth(): AuthData {
    if (!this.connection) throw new Error('No OnceHub connection yet');
    return this.connection;
  }

  /**
   * Turns a Zap on. `retryOfId` retries turning on the Zap with that id, with the same hook URL,
   * as Zapier does when subscribing failed.
   */
  async turnOn(triggerKey: string, inputData: Record<string, unknown> = {}, retryOfId?: number): Promise<Zap> {
    const id = retryOfId ?? this.nextId++;
    const targetUrl = `${this.origin}/hooks/standard/${id}/`;
    const subscribeData = await this.run<Record<string, unknown>>(`triggers.${triggerKey}.operation.performSubscribe`, {
      authData: this.auth(),
      inputData,
      targetUrl,
    });
    const zap: Zap = { id, triggerKey, inputData, targetUrl, subscribeData, on: true, runs: [], skipped: 0, errors: [] };
    this.zaps.push(zap);
    return zap;
  }

  /** The id the next new Zap gets, so a failed first attempt can be retried with the same hook URL. */
  reserveZapId(): number {
    return this.nextId++;
  }

  /** The Zap goes off whatever unsubscribe answers; what it answered is returned. */
  async turnOff(zap: Zap): Promise<TurnOffOutcome> {
    zap.on = false;
    try {
      const result = await this.run(`triggers.${zap.triggerKey}.operation.performUnsubscribe`, {
        authData: this.auth(),
        inputData: zap.inputData,
        subscribeData: zap.subscribeData,
        targetUrl: zap.targetUrl,
      });
      return { result };
    } catch (error) {
      return { error: error as Error };
    }
  }

  async loadSamples(triggerKey: string, inputData: Record<string, unknown> = {}): Promise<BookingItem[]> {
    return this.run<BookingItem[]>(`triggers.${triggerKey}.operation.performList`, {
      authData: this.auth(),
      inputData,
      meta: { isLoadingSample: true },
    });
  }

  async dropdown(triggerKey: string): Promise<{ id: string; name: string }[]> {
    return this.run(`triggers.${triggerKey}.operation.perform`, { authData: this.auth(), meta: { page: 0 } });
  }

  /** Waits for every delivery the emulator has accepted to finish running its Zap. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  get runs(): BookingItem[] {
    return this.zaps.flatMap((zap) => zap.runs);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private receive(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const id = Number(/^\/hooks\/standard\/(\d+)\//.exec(req.url ?? '')?.[1]);
      const zap = this.zaps.find((candidate) => candidate.id === id);
      if (!zap || !zap.on) {
        res.writeHead(410).end();
        return;
      }
      const content = Buffer.concat(chunks).toString('utf8');
      const work = this.perform(zap, req, content).finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
      // Zapier accepts a hook before the Zap runs; OnceHub only needs a quick 2xx.
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"success"}');
    });
  }

  private async perform(zap: Zap, req: http.IncomingMessage, content: string): Promise<void> {
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(content) as Record<string, unknown>;
    } catch {
      parsed = {};
    }
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [`Http-${titleCase(name)}`, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
    );
    try {
      const items = await this.run<BookingItem[]>(`triggers.${zap.triggerKey}.operation.perform`, {
        authData: this.auth(),
        inputData: zap.inputData,
        subscribeData: zap.subscribeData,
        cleanedRequest: { ...parsed, querystring: {} },
        rawRequest: { method: req.method, querystring: '', headers, content },
      });
      if (items.length === 0) zap.skipped += 1;
      zap.runs.push(...items);
    } catch (error) {
      zap.errors.push(error as Error);
    }
  }
}
