/**
 * Where the OnceHub API lives. Production is always https://api.oncehub.com/v2; developers may
 * point ONCEHUB_API_BASE_URL at the local simulator. Plain HTTP is accepted only for loopback
 * hosts, so a mistyped variable can never send an API key unencrypted across a network.
 */

export const DEFAULT_API_BASE_URL = 'https://api.oncehub.com/v2';
export const API_BASE_URL_ENV = 'ONCEHUB_API_BASE_URL';
export const TIMEOUT_ENV = 'ONCEHUB_TIMEOUT_MS';

/** Zapier gives an operation 30 s in all; leave room for our own work and one retry by Zapier. */
const DEFAULT_TIMEOUT_MS = 20_000;

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

export function apiBaseUrl(): URL {
  const raw = process.env[API_BASE_URL_ENV]?.trim() || DEFAULT_API_BASE_URL;
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
  return url;
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
