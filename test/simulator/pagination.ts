import { badRequest } from './errors';
import type { ListResponse } from './types';

export const PAGING_PARAMS = ['limit', 'after', 'before'] as const;

export type Query = Record<string, string>;

export interface Paging {
  limit: number;
  after?: string;
  before?: string;
}

export interface Page<T> {
  body: ListResponse<T>;
  /** The Link header value, absent when everything fits on one page. */
  link?: string;
}

export function rejectUnknownParams(query: Query, allowed: readonly string[]): void {
  for (const name of Object.keys(query)) {
    if (!allowed.includes(name)) throw badRequest(`Received unknown parameter: ${name}`, name);
  }
}

export function parsePaging(query: Query): Paging {
  let limit = 10;
  const raw = query['limit'];
  if (raw !== undefined) {
    limit = /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw badRequest(`Out of range value: ${raw}. Please provide a number between 1 and 100.`, 'limit');
    }
  }
  const { after, before } = query;
  if (after !== undefined && before !== undefined) {
    throw badRequest('Received both before and after parameters. Please provide only one.');
  }
  const paging: Paging = { limit };
  if (after !== undefined) paging.after = after;
  if (before !== undefined) paging.before = before;
  return paging;
}

/**
 * Cursor paging over a newest-first list. `after` walks towards older items, `before` towards
 * newer ones; with `before`, has_more says whether still newer items exist (Stripe's convention,
 * which OnceHub's cursor design follows).
 */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  paging: Paging,
  selfUrl: URL,
  query: Query,
): Page<T> {
  let start = 0;
  let end = Math.min(items.length, paging.limit);
  let hasMore = items.length > end;
  if (paging.after !== undefined) {
    start = cursorIndex(items, paging.after, 'after') + 1;
    end = Math.min(items.length, start + paging.limit);
    hasMore = items.length > end;
  } else if (paging.before !== undefined) {
    end = cursorIndex(items, paging.before, 'before');
    start = Math.max(0, end - paging.limit);
    hasMore = start > 0;
  }
  const data = items.slice(start, end);
  const first = data[0];
  const last = data[data.length - 1];
  const links: string[] = [];
  if (last && end < items.length)
    links.push(`<${pageUrl(selfUrl, query, 'after', last.id, paging.limit)}>; rel="next"`);
  if (first && start > 0) links.push(`<${pageUrl(selfUrl, query, 'before', first.id, paging.limit)}>; rel="previous"`);
  const page: Page<T> = { body: { object: 'list', data, has_more: hasMore } };
  if (links.length > 0) page.link = links.join(', ');
  return page;
}

function cursorIndex<T extends { id: string }>(items: readonly T[], id: string, param: 'after' | 'before'): number {
  const index = items.findIndex((item) => item.id === id);
  // OnceHub does not document this case; an explicit 400 beats silently restarting the list.
  if (index < 0) throw badRequest(`No such object: '${id}'`, param);
  return index;
}

function pageUrl(selfUrl: URL, query: Query, cursor: 'after' | 'before', id: string, limit: number): string {
  const params = new URLSearchParams();
  params.set(cursor, id);
  params.set('limit', String(limit));
  for (const [name, value] of Object.entries(query)) {
    if (!(PAGING_PARAMS as readonly string[]).includes(name)) params.append(name, value);
  }
  return `${selfUrl.origin}${selfUrl.pathname}?${params.toString()}`;
}
