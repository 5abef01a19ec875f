/**
 * The one way this app talks to OnceHub. Headers are added by `addOnceHubHeaders` (http.ts) and
 * answers are mapped by `mapOnceHubErrors` (errors.ts); this module builds the request and turns
 * transport failures into errors a user can act on.
 */
import type { HttpResponse, ZObject } from 'zapier-platform-core';
import { apiUrl } from './config';
import { evidence, networkFailure, type RequestContext } from './errors';
import type { ListEnvelope } from './oncehub';

export type QueryValue = string | number | undefined;

export interface CallOptions extends RequestContext {
  method?: 'GET' | 'POST' | 'DELETE';
  /** Path under the API base, e.g. `/webhooks`. */
  path: string;
  params?: Record<string, QueryValue>;
  body?: object;
}

function definedParams(params: Record<string, QueryValue> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    if (value !== undefined && value !== '') out[key] = String(value);
  }
  return out;
}

export async function callOnceHub<T>(z: ZObject, options: CallOptions): Promise<HttpResponse<T>> {
  const { method = 'GET', path, params, body, what, connectionTest, allowStatuses } = options;
  const middlewareData: RequestContext = { what, connectionTest, allowStatuses };
  try {
    return await z.request<T>({
      url: apiUrl(path),
      method,
      params: definedParams(params),
      ...(body === undefined ? {} : { json: body }),
      middlewareData,
    });
  } catch (error) {
    throw networkFailure(z, error, what);
  }
}

/** One page of a OnceHub list. An answer without the list envelope counts as unreadable. */
export async function getPage<T>(
  z: ZObject,
  path: string,
  params: Record<string, QueryValue>,
  what: string,
): Promise<ListEnvelope<T>> {
  const response = await callOnceHub<ListEnvelope<T>>(z, { path, params, what });
  const page = response.data;
  if (!page || !Array.isArray(page.data)) {
    throw new z.errors.Error(
      `OnceHub sent a list in an unexpected shape while ${what}. The step can be retried; if it keeps failing, contact OnceHub support with the Request-Id. ${evidence(response)}`,
      'OnceHubUnreadableAnswer',
      response.status,
    );
  }
  return { object: 'list', data: page.data, has_more: page.has_more === true };
}
