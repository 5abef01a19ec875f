/**
 * beforeRequest: adds the API key, JSON headers and our User-Agent — only to requests bound for
 * the OnceHub API host, so the key can never reach any other URL (a booking's join link, a
 * webhook target). Plain HTTP to that host is refused unless it is a loopback simulator.
 */
import type { BeforeRequestMiddleware } from 'zapier-platform-core';
import { version } from '../package.json';
import { isOnceHubApi, isSecureOrLoopback, requestTimeoutMs } from './config';
import { apiKeyOf } from './credentials';

export const USER_AGENT = `OnceHub-Zapier/${version} (+https://zapier.com/apps/oncehub)`;

export const addOnceHubHeaders: BeforeRequestMiddleware = (request, z, bundle) => {
  if (!isOnceHubApi(request.url)) return request;
  if (!isSecureOrLoopback(new URL(request.url))) {
    throw new z.errors.Error('Refusing to send the OnceHub API key over plain HTTP.', 'InsecureRequest');
  }

  const headers: Record<string, string> = {
    ...request.headers,
    accept: 'application/json',
    'user-agent': USER_AGENT,
  };
  const key = apiKeyOf(bundle.authData);
  if (key !== undefined) headers['API-Key'] = key;

  return Object.assign(request, {
    headers,
    timeout: request.timeout ?? requestTimeoutMs(),
    // A redirect would carry the API-Key header to wherever it points (fetch keeps custom
    // headers), possibly over plain HTTP. OnceHub's API documents none, so one is an error.
    redirect: 'manual' as const,
    // Our afterResponse keeps OnceHub's message and Request-Id on 429s; core's early check would not.
    throwForThrottlingEarly: false,
  });
};
