/**
 * Where the OnceHub API lives. Production is always https://api.oncehub.com/v2; developers may
 * point ONCEHUB_API_BASE_URL at the local simulator. Plain HTTP is accepted only for loopback
 * hosts, so a mistyped variable can never send an API key unencrypted across a network.
 */

export const DEFAULT_API_BASE_URL = 'https://api.oncehub.com/v2';
export const API_BASE_URL_ENV = 'ONCEHUB_API_BASE_URL';
export const TIMEOUT_ENV = 'ONCEHUB_TIMEOUT_MS';

/**
 * Zapier gives a whole operation 30 s and our longest ones make two requests (connection test,
 * samples), so each request gets 12 s: a slow OnceHub then yields our retryable timeout message,
 * not Zapier's generic one.
 */
const DEFAULT_TIMEOUT_MS = 12_000;

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** True when `url` may carry an API key or a webhook target: HTTPS, or HTTP on loopback. */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}

let parsedBase: { raw: string; url: URL } | undefined;

export function apiBaseUrl(): URL {
  const raw = process.env[API_BASE_URL_ENV]?.trim() || DEFAULT_API_BASE_URL;
  // Parsed once per value: every request reads it, and tests may change it between operations.
  if (parsedBase?.raw === raw) return parsedBase.url;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigurationError(`${API_BASE_URL_ENV} is not a URL.`);
  }
  if (!isSecureOrLoopback(url)) {
    throw new ConfigurationError(
      `${API_BASE_URL_ENV} must use HTTPS (plain HTTP is allowed only for a local simulator on loopback).`,
    );
  }
  url.pathname = url.pathname.replace(/\/+$/, '');
  parsedBase = { raw, url };
  return url;
}

/** Whether a request URL is bound for the OnceHub API (the only host that may see the key). */
export function isOnceHubApi(requestUrl: string | undefined): boolean {
  if (!requestUrl) return false;
  try {
    return new URL(requestUrl).host === apiBaseUrl().host;
  } catch {
    return false;
  }
}

/** Absolute URL of an API path such as `/webhooks/WHK-1`, under the configured base. */
export function apiUrl(path: string): string {
  const base = apiBaseUrl();
  return `${base.origin}${base.pathname}${path.startsWith('/') ? path : `/${path}`}`;
}

export function requestTimeoutMs(): number {
  const configured = Number(process.env[TIMEOUT_ENV]);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}
