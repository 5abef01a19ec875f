/**
 * The one map from OnceHub's answers to Zapier errors. Each message names the problem and what
 * the user should do, and keeps OnceHub's own words and Request-Id for support. The API key is
 * never part of a message: nothing here reads it.
 *
 * Which class, and why (see Zapier's error docs):
 * - ExpiredAuthError for a dead key outside the connection test: Zapier marks the connection
 *   as needing a reconnect and emails the user, and runs wait for it instead of failing.
 * - HaltedError for requests OnceHub refuses because of what the user chose (400/404/409/422):
 *   it stops the step without counting towards Zapier switching the Zap off.
 * - ThrottledError for 429: Zapier retries later by itself.
 * - Error for OnceHub failures (5xx, unreadable answers, network) and plan problems: shown to
 *   the user, and the step can be replayed.
 */
import type { AfterResponseMiddleware, HttpResponse, ZObject } from 'zapier-platform-core';
import { isOnceHubApi } from './config';
import type { OnceHubError } from './oncehub';

/** Passed from the client to this middleware with each request (core's `middlewareData`). */
export interface RequestContext {
  /** What the app was doing, phrased to follow "while …", e.g. "turning the Zap on". */
  what: string;
  /** The connection test reports a bad key as "fix the key", not "reconnect". */
  connectionTest?: boolean;
  /** Statuses the caller handles itself (e.g. 404 when deleting a webhook that is gone). */
  allowStatuses?: readonly number[];
}

const API_KEYS_PLACE = 'OnceHub → Account Integrations → APIs & Webhooks → API Keys';

export function contextOf(response: HttpResponse): RequestContext {
  const data = response.request.middlewareData as Partial<RequestContext> | undefined;
  return { ...data, what: data?.what ?? 'talking to OnceHub' };
}

function parseOnceHubError(response: HttpResponse): Partial<OnceHubError> | undefined {
  const data: unknown = response.data;
  if (data && typeof data === 'object' && typeof (data as OnceHubError).message === 'string') {
    return data as OnceHubError;
  }
  return undefined;
}

/** "(OnceHub said: "…" (param: x); HTTP 404; Request-Id: req_…)" */
export function evidence(response: HttpResponse): string {
  const parts: string[] = [];
  const error = parseOnceHubError(response);
  if (error?.message) {
    parts.push(`OnceHub said: "${error.message}"${error.param ? ` (param: ${error.param})` : ''}`);
  } else if (response.content) {
    parts.push('OnceHub sent a non-JSON answer');
  }
  parts.push(`HTTP ${response.status}`);
  const requestId = response.getHeader('request-id');
  if (requestId) parts.push(`Request-Id: ${requestId}`);
  return `(${parts.join('; ')})`;
}

/** Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), if OnceHub sent one. */
export function retryAfterSeconds(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export function reconnectMessage(detail: string): string {
  return (
    'OnceHub no longer accepts the API key of this Zapier connection: it was regenerated or deleted in OnceHub. ' +
    `Reconnect OnceHub in Zapier (My Apps → OnceHub → Reconnect) with a current key from ${API_KEYS_PLACE}; ` +
    `your Zaps keep their settings. ${detail}`
  );
}

/** The Zapier error for a non-2xx OnceHub answer. */
export function errorForStatus(z: ZObject, response: HttpResponse, context: RequestContext): Error {
  const { status } = response;
  const detail = evidence(response);
  const what = context.what;

  if (status === 401) {
    if (context.connectionTest) {
      return new z.errors.Error(
        'OnceHub did not accept this API key: it is mistyped, or it was regenerated or deleted in OnceHub. ' +
          `Copy a current key from ${API_KEYS_PLACE} (a key is shown once, when it is created) and try again. ${detail}`,
        'InvalidApiKey',
        401,
      );
    }
    return new z.errors.ExpiredAuthError(reconnectMessage(detail));
  }
  if (status === 403) {
    return new z.errors.Error(
      "This OnceHub account's plan does not include API access, which the Zapier integration needs. " +
        `Ask the account owner to move to a plan with API access, then reconnect OnceHub in Zapier. ${detail}`,
      'PlanWithoutApiAccess',
      403,
    );
  }
  if (status === 429) {
    const delay = retryAfterSeconds(response.getHeader('retry-after'));
    return new z.errors.ThrottledError(
      `OnceHub asked Zapier to slow down while ${what} (it allows 5 requests a second per account and 200 per 5 minutes per address). ` +
        `Zapier will try again shortly. ${detail}`,
      delay,
    );
  }
  if (status === 400 || status === 404 || status === 409 || status === 422) {
    return new z.errors.HaltedError(
      `OnceHub refused the request while ${what}. If its reason names one of this Zap's settings, correct it; ` +
        `otherwise contact OnceHub support with the Request-Id. ${detail}`,
    );
  }
  if (status >= 500) {
    return new z.errors.Error(
      `OnceHub had a problem while ${what}. This is on OnceHub's side; the step can be retried in a few minutes. ${detail}`,
      'OnceHubUnavailable',
      status,
    );
  }
  return new z.errors.Error(
    `OnceHub answered with an unexpected status while ${what}. The step can be retried; if it keeps failing, contact OnceHub support with the Request-Id. ${detail}`,
    'OnceHubUnexpectedStatus',
    status,
  );
}

/** afterResponse: every OnceHub answer passes here before core's own status check. */
export const mapOnceHubErrors: AfterResponseMiddleware = (response, z) => {
  // Answers from other hosts (none today) are left to core.
  if (!isOnceHubApi(response.request.url)) return response;
  const context = contextOf(response);

  if (context.allowStatuses?.includes(response.status)) {
    response.skipThrowForStatus = true;
    return response;
  }
  // 3xx included: redirects are not followed (see http.ts), and OnceHub's API documents none.
  if (response.status >= 300) throw errorForStatus(z, response, context);
  if (response.content.trim() !== '' && response.data === undefined) {
    throw new z.errors.Error(
      `OnceHub sent an answer that is not JSON while ${context.what}, so it could not be read. ` +
        `This is usually a passing fault at OnceHub; the step can be retried. ${evidence(response)}`,
      'OnceHubUnreadableAnswer',
      response.status,
    );
  }
  return response;
};

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_SOCKET']);

function networkCause(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { type, code } = error as Error & { type?: string; code?: string };
  if (type === 'request-timeout' || error.name === 'AbortError' || code === 'ETIMEDOUT') {
    return 'OnceHub did not answer in time';
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || /socket hang up/i.test(error.message)) {
    return 'the connection to OnceHub was cut off before it answered';
  }
  if (error.name === 'FetchError' || (code !== undefined && NETWORK_CODES.has(code))) {
    return 'OnceHub could not be reached';
  }
  return undefined;
}

/**
 * Turns a transport failure (timeout, reset, refused) into a retryable Zapier error; returns any
 * other error unchanged. The message never carries the request URL or headers.
 */
export function networkFailure(z: ZObject, error: unknown, what: string): unknown {
  const cause = networkCause(error);
  if (!cause) return error;
  return new z.errors.Error(
    `${cause} while ${what}. OnceHub may be slow or briefly unavailable; the step can be retried.`,
    'OnceHubUnreachable',
  );
}
