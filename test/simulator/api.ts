import type { Accounts } from './accounts';
import { ApiError, badRequest, notFound } from './errors';
import type { IdFactory } from './ids';
import { PAGING_PARAMS, paginate, parsePaging, type Query } from './pagination';
import { EXPANDABLE, renderRestBooking, renderWebhook, type Expandable } from './render';
import { Router } from './router';
import type { AccountRecord, BookingRecord, Owned, Store } from './store';
import { iso, parseFilterDate } from './time';
import { isWebhookEventType, type Webhook } from './types';

export interface ApiRequest {
  method: string;
  /** Absolute URL of this request, used to build Link headers. */
  url: URL;
  query: Query;
  params: Record<string, string>;
  account: AccountRecord;
  /** The parsed JSON body (undefined when empty); throws a 400 for malformed JSON. */
  body(): unknown;
}

export interface ApiResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface ApiRoute {
  /** Query parameters this route accepts; anything else is a 400, as OnceHub answers. */
  query: readonly string[];
  handle(request: ApiRequest): ApiResponse;
}

export interface ApiDeps {
  store: Store;
  accounts: Accounts;
  ids: IdFactory;
  now: () => Date;
  secretOnRead: boolean;
}

const PAGING = PAGING_PARAMS;
const TIME_FILTER_FIELDS = ['creation_time', 'starting_time', 'last_updated_time'] as const;
const BOOKING_EQUALITY_FILTERS: Record<string, (b: BookingRecord) => string | null | undefined> = {
  status: (b) => b.status,
  owner: (b) => b.ownerId,
  contact: (b) => b.contactId,
  booking_page: (b) => b.bookingPageId,
  master_page: (b) => b.masterPageId,
  event_type: (b) => b.eventTypeId,
  booking_calendar: (b) => b.bookingCalendarId,
  host: (b) => b.hostId,
};
const BOOKING_LIST_PARAMS = [
  ...Object.keys(BOOKING_EQUALITY_FILTERS),
  ...TIME_FILTER_FIELDS.flatMap((f) => [`${f}.gt`, `${f}.lt`]),
  'expand',
  ...PAGING,
];

/** Loopback receivers are allowed over plain http so local tests work; OnceHub itself demands https. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const WEBHOOK_FIELDS = ['name', 'url', 'events'] as const;

/** The /v2 routes (paths relative to /v2), all scoped to the authenticated account. */
export function createApiRouter(deps: ApiDeps): Router<ApiRoute> {
  const { store } = deps;

  const ok = (body: unknown, headers?: Record<string, string>): ApiResponse =>
    headers ? { status: 200, body, headers } : { status: 200, body };

  function list<R extends Owned, T extends { id: string }>(
    request: ApiRequest,
    records: R[],
    render: (record: R) => T,
  ): ApiResponse {
    const paging = parsePaging(request.query);
    const page = paginate(records.map(render), paging, request.url, request.query);
    return ok(page.body, page.link === undefined ? undefined : { Link: page.link });
  }

  /** GET /<collection> and GET /<collection>/{id} for the read-only catalog objects. */
  function catalog<R extends Owned, T extends { id: string }>(
    path: string,
    kind: string,
    records: Map<string, R>,
    render: (record: R) => T,
    filters: Record<string, (record: R, value: string) => boolean> = {},
  ): { method: string; path: string; handler: ApiRoute }[] {
    return [
      {
        method: 'GET',
        path,
        handler: {
          query: [...Object.keys(filters), ...PAGING],
          handle: (request) => {
            let rows = store.ofAccount(records, request.account.id);
            for (const [name, keep] of Object.entries(filters)) {
              const value = request.query[name];
              if (value !== undefined) rows = rows.filter((r) => keep(r, value));
            }
            return list(request, rows, render);
          },
        },
      },
      {
        method: 'GET',
        path: `${path}/{id}`,
        handler: {
          query: [],
          handle: (request) => {
            const id = request.params['id'] ?? '';
            const record = store.owned(records, request.account.id, id);
            if (!record) throw notFound(kind, id);
            return ok(render(record));
          },
        },
      },
    ];
  }

  const routes = [
    {
      method: 'GET',
      path: '/test',
      handler: {
        query: [],
        handle: (request: ApiRequest) => {
          const owner = store.users.get(request.account.ownerId);
          return ok({ message: `The API key is valid for account: ${owner?.user.email ?? ''}` });
        },
      },
    },
    {
      method: 'GET',
      path: '/users',
      handler: {
        query: ['email', ...PAGING],
        handle: (request: ApiRequest) => {
          const email = request.query['email']?.toLowerCase();
          const users = store
            .ofAccount(store.users, request.account.id)
            .filter((u) => !u.deleted && (email === undefined || u.user.email.toLowerCase() === email));
          return list(request, users, (u) => ({ ...u.user, teams: [...u.user.teams] }));
        },
      },
    },
    {
      method: 'GET',
      path: '/users/{id}',
      handler: {
        query: [],
        handle: (request: ApiRequest) => {
          const id = request.params['id'] ?? '';
          const record = store.owned(store.users, request.account.id, id);
          if (!record || record.deleted) throw notFound('user', id);
          return ok({ ...record.user, teams: [...record.user.teams] });
        },
      },
    },
    {
      method: 'GET',
      path: '/bookings',
      handler: {
        query: BOOKING_LIST_PARAMS,
        handle: (request: ApiRequest) => {
          const expand = parseExpand(request.query['expand']);
          const rows = filterBookings(store.ofAccount(store.bookings, request.account.id), request.query);
          return list(request, rows, (b) => renderRestBooking(store, b, expand));
        },
      },
    },
    {
      method: 'GET',
      path: '/bookings/{id}',
      handler: {
        query: ['expand'],
        handle: (request: ApiRequest) => {
          const id = request.params['id'] ?? '';
          const expand = parseExpand(request.query['expand']);
          const record = store.owned(store.bookings, request.account.id, id);
          if (!record) throw notFound('booking', id);
          return ok(renderRestBooking(store, record, expand));
        },
      },
    },
    ...catalog('/booking-pages', 'booking page', store.bookingPages, (r) => ({ ...r.page }), {
      master_page: (r, v) => r.masterPageIds.includes(v),
      event_type: (r, v) => r.eventTypeIds.includes(v),
      user: (r, v) => r.ownerId === v,
    }),
    ...catalog('/master-pages', 'master page', store.masterPages, (r) => ({ ...r.page })),
    ...catalog('/event-types', 'event type', store.eventTypes, (r) => ({ ...r.eventType })),
    ...catalog('/booking-calendars', 'booking calendar', store.bookingCalendars, (r) => ({ ...r.calendar }), {
      host: (r, v) => r.calendar.host === v,
    }),
    {
      method: 'GET',
      path: '/webhooks',
      handler: {
        query: [...PAGING],
        handle: (request: ApiRequest) =>
          list(request, store.ofAccount(store.webhooks, request.account.id), (w) =>
            renderWebhook(w.webhook, deps.secretOnRead),
          ),
      },
    },
    {
      method: 'POST',
      path: '/webhooks',
      handler: {
        query: [],
        handle: (request: ApiRequest) => {
          const input = validateWebhookInput(request.body());
          const accountId = request.account.id;
          if (store.ofAccount(store.webhooks, accountId).some((w) => w.webhook.name === input.name)) {
            throw new ApiError(
              409,
              'invalid_request_error',
              `A webhook subscription with this name already exists: '${input.name}'`,
              'name',
            );
          }
          const webhook: Webhook & { secret: string } = {
            object: 'webhook',
            id: deps.ids.id('WHK-', 10),
            api_version: 'v2',
            name: input.name,
            url: input.url,
            events: input.events,
            creation_time: iso(deps.now()),
            secret: deps.ids.webhookSecret(),
          };
          store.webhooks.set(webhook.id, { id: webhook.id, accountId, seq: store.nextSeq(), webhook });
          // OnceHub answers 200 (not 201) and always shows the secret on create.
          return ok(renderWebhook(webhook, true));
        },
      },
    },
    {
      method: 'GET',
      path: '/webhooks/{id}',
      handler: {
        query: [],
        handle: (request: ApiRequest) => {
          const id = request.params['id'] ?? '';
          const record = store.owned(store.webhooks, request.account.id, id);
          if (!record) throw notFound('webhook', id);
          return ok(renderWebhook(record.webhook, deps.secretOnRead));
        },
      },
    },
    {
      method: 'DELETE',
      path: '/webhooks/{id}',
      handler: {
        query: [],
        handle: (request: ApiRequest) => {
          const id = request.params['id'] ?? '';
          // Deleted webhooks are forgotten, so a second DELETE is a 404 (the docs leave this open).
          if (!store.owned(store.webhooks, request.account.id, id)) throw notFound('webhook', id);
          store.webhooks.delete(id);
          return ok({ id, deleted: true });
        },
      },
    },
  ];
  return new Router<ApiRoute>(routes);
}

function parseExpand(value: string | undefined): Set<Expandable> {
  const expand = new Set<Expandable>();
  if (value === undefined) return expand;
  for (const raw of value.split(',')) {
    const name = raw.trim();
    if (name === '') continue;
    // Docs use `data.booking_page` on lists; accept it everywhere.
    const field = name.startsWith('data.') ? name.slice(5) : name;
    if (!(EXPANDABLE as readonly string[]).includes(field)) {
      throw badRequest(`This property cannot be expanded: ${name}`, 'expand');
    }
    expand.add(field as Expandable);
  }
  return expand;
}

function filterBookings(bookings: BookingRecord[], query: Query): BookingRecord[] {
  let rows = bookings;
  for (const [name, read] of Object.entries(BOOKING_EQUALITY_FILTERS)) {
    const value = query[name];
    if (value !== undefined) rows = rows.filter((b) => read(b) === value);
  }
  const times: Record<(typeof TIME_FILTER_FIELDS)[number], (b: BookingRecord) => Date> = {
    creation_time: (b) => b.creationTime,
    starting_time: (b) => b.startingTime,
    last_updated_time: (b) => b.lastUpdatedTime,
  };
  for (const field of TIME_FILTER_FIELDS) {
    const gt = dateParam(query, `${field}.gt`);
    const lt = dateParam(query, `${field}.lt`);
    if (gt && lt && gt.getTime() > lt.getTime()) {
      throw badRequest(`${field}.gt cannot be later than ${field}.lt`, `${field}.gt`);
    }
    const read = times[field];
    if (gt) rows = rows.filter((b) => read(b).getTime() > gt.getTime());
    if (lt) rows = rows.filter((b) => read(b).getTime() < lt.getTime());
  }
  return rows;
}

function dateParam(query: Query, name: string): Date | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  const date = parseFilterDate(value);
  if (!date) throw badRequest(`Invalid date: ${value}`, name);
  return date;
}

function validateWebhookInput(body: unknown): { name: string; url: string; events: string[] } {
  const input: Record<string, unknown> = isRecord(body) ? body : {};
  if (body !== undefined && !isRecord(body)) throw badRequest('The request body must be a JSON object.');
  for (const key of Object.keys(input)) {
    if (!(WEBHOOK_FIELDS as readonly string[]).includes(key)) throw badRequest('Unsupported fields', key);
  }
  for (const field of WEBHOOK_FIELDS) {
    if (input[field] === undefined || input[field] === null) throw badRequest('Required fields are missing.', field);
  }
  const { name, url, events } = input;
  if (typeof name !== 'string' || name.trim() === '') throw badRequest(`Invalid name: '${String(name)}'`, 'name');
  if (typeof url !== 'string' || !isAcceptedUrl(url)) {
    throw badRequest(`Invalid URL: '${String(url)}'. URLs must be full and start with https://`, 'url');
  }
  if (!Array.isArray(events) || !events.every((e): e is string => typeof e === 'string')) {
    throw badRequest('Must be an array of strings.', 'events');
  }
  if (events.length === 0) throw badRequest('At least one event is required.', 'events');
  const unknown = events.find((e) => !isWebhookEventType(e));
  if (unknown !== undefined) throw badRequest(`Invalid event: '${unknown}'`, 'events');
  return { name, url, events: [...events] };
}

function isAcceptedUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.hostname === '') return false;
  if (url.protocol === 'https:') return value.toLowerCase().startsWith('https://');
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
