/**
 * Internal: maps a concrete request (method + URL) to the spec operation it hits, and resolves
 * that operation's parameters and JSON schemas to pointers. Use ./openapi.ts instead.
 */
import { SPEC, isRecord, isRef, pointer, resolveRef } from './spec';
import type { RefObject, SpecOperation, SpecParameter, SpecResponse } from './spec';

export interface MatchedOperation {
  /** Lower-case HTTP method, as the spec keys it. */
  readonly method: string;
  /** The spec's path template, e.g. `/webhooks/{id}`. */
  readonly path: string;
  readonly operationId: string | undefined;
  readonly operation: SpecOperation;
  readonly query: URLSearchParams;
}

export interface ResolvedParameter extends SpecParameter {
  /** Pointer to the parameter's schema, for Ajv. */
  readonly schemaPointer: string;
}

const SERVER = new URL(SPEC.servers[0]?.url ?? 'https://api.oncehub.com/v2');
const BASE_PATH = SERVER.pathname.replace(/\/$/, '');

/**
 * Splits a full URL or a path (with or without the `/v2` base) into the spec-relative path and
 * its query. A full URL on another origin or base path (e.g. the deprecated /v1) is a problem,
 * not a match, because the app must only talk to the documented server.
 */
export function splitUrl(pathOrUrl: string): { path: string; query: URLSearchParams } | string {
  const isAbsolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(pathOrUrl);
  const url = new URL(pathOrUrl, SERVER.origin);
  if (isAbsolute && url.origin !== SERVER.origin) return `${pathOrUrl} is not on the spec's server ${SERVER.href}`;
  let path = url.pathname;
  if (path === BASE_PATH || path.startsWith(`${BASE_PATH}/`)) path = path.slice(BASE_PATH.length);
  else if (isAbsolute) return `${pathOrUrl} is not under the spec's base path ${BASE_PATH}`;
  return { path: path.replace(/(.)\/$/, '$1'), query: url.searchParams };
}

/** Literal segments outrank `{param}` segments, so `/users/me` would beat `/users/{id}`. */
function matchScore(template: string, path: string): number {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return -1;
  let score = 0;
  for (let i = 0; i < want.length; i += 1) {
    const w = want[i] ?? '';
    const g = decodeURIComponent(got[i] ?? '');
    if (/^\{[^}]+\}$/.test(w)) {
      if (g === '') return -1;
    } else if (w === g) {
      score += 1;
    } else {
      return -1;
    }
  }
  return score;
}

export function matchOperation(method: string, pathOrUrl: string): MatchedOperation | string {
  const split = splitUrl(pathOrUrl);
  if (typeof split === 'string') return split;
  const m = method.toLowerCase();
  let best: { template: string; score: number } | undefined;
  for (const template of Object.keys(SPEC.paths)) {
    const score = matchScore(template, split.path);
    if (score >= 0 && (!best || score > best.score)) best = { template, score };
  }
  if (!best) return `${method.toUpperCase()} ${split.path}: no such path in the spec`;
  const candidate = SPEC.paths[best.template]?.[m];
  if (!isRecord(candidate) || Array.isArray(candidate)) {
    return `${method.toUpperCase()} ${best.template}: the spec documents no such operation`;
  }
  const operation = candidate as SpecOperation;
  return { method: m, path: best.template, operationId: operation.operationId, operation, query: split.query };
}

/** Path-level and operation-level parameters, `$ref`s resolved, operation-level winning. */
export function operationParameters(op: MatchedOperation): ResolvedParameter[] {
  const resolved = new Map<string, ResolvedParameter>();
  const pathLevel = SPEC.paths[op.path]?.parameters ?? [];
  const add = (list: ReadonlyArray<SpecParameter | RefObject>, where: readonly string[]): void => {
    list.forEach((p, index) => {
      const param = isRef(p) ? resolveRef<SpecParameter>(p.$ref) : p;
      const schemaPointer = isRef(p) ? `${p.$ref}/schema` : pointer(...where, String(index), 'schema');
      resolved.set(`${param.in}:${param.name}`, { ...param, schemaPointer });
    });
  };
  add(pathLevel, ['paths', op.path, 'parameters']);
  add(op.operation.parameters ?? [], ['paths', op.path, op.method, 'parameters']);
  return [...resolved.values()];
}

/** Pointer to the `application/json` body schema for `status`, or a problem. */
export function responseSchemaPointer(op: MatchedOperation, status: number): string | string[] {
  const label = `${op.method.toUpperCase()} ${op.path}`;
  const responses = op.operation.responses ?? {};
  const key = [String(status), `${String(status).charAt(0)}XX`, 'default'].find((k) => responses[k] !== undefined);
  const entry = key === undefined ? undefined : responses[key];
  if (key === undefined || entry === undefined) {
    return [`${label}: status ${status} is undocumented (documented: ${Object.keys(responses).join(', ')})`];
  }
  const base = isRef(entry) ? entry.$ref : pointer('paths', op.path, op.method, 'responses', key);
  const response = isRef(entry) ? resolveRef<SpecResponse>(entry.$ref) : entry;
  if (!response.content?.['application/json']?.schema)
    return [`${label} ${status}: no application/json schema documented`];
  return `${base}/content/${pointer('application/json', 'schema').slice(2)}`;
}

/** Pointer to the `application/json` request-body schema, or undefined if the spec has none. */
export function requestBodyPointer(op: MatchedOperation): string | undefined {
  if (!op.operation.requestBody?.content?.['application/json']?.schema) return undefined;
  return pointer('paths', op.path, op.method, 'requestBody', 'content', 'application/json', 'schema');
}
