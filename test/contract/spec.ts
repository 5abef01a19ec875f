/**
 * Internal: the parsed spec and one Ajv instance that holds it. Use ./openapi.ts instead.
 *
 * The whole spec is registered as a single Ajv document, so any schema inside it (a component,
 * a response body, a parameter, a webhook's requestBody) is compiled in place by JSON pointer
 * and its `#/components/...` references resolve exactly as the spec's own tools resolve them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { REPO_ROOT } from '../support/repoRoot';

export const SPEC_PATH = path.join(REPO_ROOT, 'test', 'spec', 'oncehub-api.json');
/** An arbitrary but stable base URI; Ajv needs one to address the document by pointer. */
const SPEC_ID = 'https://api.oncehub.com/v2/openapi.json';

export type JsonObject = { readonly [key: string]: unknown };
export interface RefObject {
  readonly $ref: string;
}
export interface SpecParameter {
  readonly name: string;
  readonly in: 'query' | 'path' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: JsonObject;
}
export interface SpecMediaType {
  readonly schema?: JsonObject;
}
export interface SpecResponse {
  readonly content?: { readonly [mediaType: string]: SpecMediaType };
}
export interface SpecOperation {
  readonly operationId?: string;
  readonly parameters?: ReadonlyArray<SpecParameter | RefObject>;
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content?: { readonly [mediaType: string]: SpecMediaType };
  };
  readonly responses?: { readonly [status: string]: SpecResponse | RefObject };
}
export type SpecPathItem = { readonly parameters?: ReadonlyArray<SpecParameter | RefObject> } & {
  readonly [method: string]: SpecOperation | ReadonlyArray<SpecParameter | RefObject> | undefined;
};
export interface SpecDocument {
  readonly servers: ReadonlyArray<{ readonly url: string }>;
  readonly paths: { readonly [template: string]: SpecPathItem };
  readonly webhooks: { readonly [eventType: string]: SpecPathItem };
  readonly components: {
    readonly schemas: { readonly [name: string]: JsonObject };
    readonly parameters: { readonly [name: string]: SpecParameter };
    readonly responses: { readonly [name: string]: SpecResponse };
  };
}

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isRef(value: unknown): value is RefObject {
  return isRecord(value) && typeof value.$ref === 'string';
}

function loadSpec(): SpecDocument {
  const parsed: unknown = JSON.parse(readFileSync(SPEC_PATH, 'utf8'));
  // Only the top-level shape is checked; the contract tests exercise everything below it.
  if (
    !isRecord(parsed) ||
    !Array.isArray(parsed.servers) ||
    !isRecord(parsed.paths) ||
    !isRecord(parsed.webhooks) ||
    !isRecord(parsed.components) ||
    !isRecord(parsed.components.schemas)
  ) {
    throw new Error(`${SPEC_PATH} is not an OpenAPI document with servers, paths, webhooks and components.schemas`);
  }
  return parsed as unknown as SpecDocument;
}

export const SPEC: SpecDocument = loadSpec();

// strict: false because OpenAPI adds keywords JSON Schema does not know (example, x-product).
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...SPEC, $id: SPEC_ID });

/** Builds a local JSON pointer (`#/a/b`) from raw segments, escaping `~`, `/` and URI characters. */
export function pointer(...segments: readonly string[]): string {
  return `#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;
}

/** Resolves a `#/components/...` reference to the object it names. */
export function resolveRef<T>(ref: string): T {
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), SPEC);
  if (target === undefined) throw new Error(`Unresolvable $ref in spec: ${ref}`);
  return target as T;
}

const validators = new Map<string, ValidateFunction>();

/** A validator for the schema at `localPointer` inside the spec, compiled once. */
function validatorAt(localPointer: string): ValidateFunction {
  let validate = validators.get(localPointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${SPEC_ID}${localPointer}` });
    validators.set(localPointer, validate);
  }
  return validate;
}

/** Raw Ajv errors, for callers that must look at keyword and path (see known-contradictions). */
export function schemaErrors(localPointer: string, data: unknown): ErrorObject[] {
  const validate = validatorAt(localPointer);
  return validate(data) ? [] : [...(validate.errors ?? [])];
}

export function valueAt(data: unknown, instancePath: string): unknown {
  if (instancePath === '') return data;
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => {
      if (Array.isArray(node)) return node[Number(key)];
      return isRecord(node) ? node[key] : undefined;
    }, data);
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** One readable line per Ajv error: where, what the spec wants, and what it got. */
export function describeErrors(errors: readonly ErrorObject[], data: unknown, prefix = ''): string[] {
  return errors.map((e) => {
    const where = `${prefix}${e.instancePath}` || '(root)';
    const allowed = e.keyword === 'enum' && isRecord(e.params) ? ` ${preview(e.params.allowedValues)}` : '';
    const got = e.keyword === 'required' ? '' : `, got ${preview(valueAt(data, e.instancePath))}`;
    return `${where}: ${e.message ?? e.keyword}${allowed}${got}`;
  });
}

export function validateAt(localPointer: string, data: unknown, prefix = ''): string[] {
  return describeErrors(schemaErrors(localPointer, data), data, prefix);
}
