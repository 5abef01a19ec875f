/**
 * OnceHub signs every delivery of a webhook created through API v2:
 *   Oncehub-Signature: t=<unix seconds>,s=<hex HMAC-SHA256 of "<t>.<raw body>" keyed by the webhook secret>
 *
 * Unconfirmed: whether Zapier hands a hook's body to the app byte-for-byte. `rawRequest.content`
 * is the body as received in the apps we studied, but to never drop a real, correctly signed
 * delivery we also accept a signature over the compact re-serialisation of the parsed body
 * (OnceHub sends compact JSON). Forging either still needs the secret.
 *
 * No timestamp tolerance is enforced: Zapier may replay a held run hours later, and OnceHub
 * retries for days. Replays are handled by remembering event ids instead (deliveries.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck =
  | { verdict: 'valid' }
  | { verdict: 'unverifiable'; reason: string }
  | { verdict: 'invalid'; reason: string };

export interface SignedDelivery {
  /** Header names as Zapier passes them: `Http-Oncehub-Signature`, or plain in local tools. */
  headers?: Record<string, unknown>;
  rawBody?: string;
  parsedBody: unknown;
  secret?: string;
}

const HEADER_NAMES = ['oncehub-signature', 'http-oncehub-signature'];

function signatureHeader(headers: Record<string, unknown> | undefined): string | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (HEADER_NAMES.includes(name.toLowerCase())) {
      const first: unknown = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string') return first;
    }
  }
  return undefined;
}

export function parseSignature(header: string): { t: string; s: string[] } | undefined {
  let t: string | undefined;
  const s: string[] = [];
  for (const part of header.split(',')) {
    const [key, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (key === 't' && /^\d+$/.test(value)) t = value;
    // Exactly a SHA-256 hex digest: Buffer.from(hex) would silently drop an odd trailing digit.
    else if (key === 's' && /^[0-9a-f]{64}$/i.test(value)) s.push(value.toLowerCase());
  }
  return t !== undefined && s.length > 0 ? { t, s } : undefined;
}

export function sign(secret: string, t: string, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

function bodyCandidates(rawBody: string | undefined, parsedBody: unknown): string[] {
  const candidates: string[] = [];
  if (typeof rawBody === 'string' && rawBody !== '') candidates.push(rawBody);
  if (parsedBody && typeof parsedBody === 'object') {
    const compact = JSON.stringify(parsedBody);
    if (!candidates.includes(compact)) candidates.push(compact);
  }
  return candidates;
}

export function checkSignature(delivery: SignedDelivery): SignatureCheck {
  if (!delivery.secret) {
    return { verdict: 'unverifiable', reason: 'this webhook has no signing secret on record' };
  }
  if (delivery.headers === undefined && delivery.rawBody === undefined) {
    return { verdict: 'unverifiable', reason: 'Zapier passed no raw request to check' };
  }
  const header = signatureHeader(delivery.headers);
  if (!header) return { verdict: 'invalid', reason: 'the delivery has no Oncehub-Signature header' };
  const parsed = parseSignature(header);
  if (!parsed) return { verdict: 'invalid', reason: 'the Oncehub-Signature header is malformed' };

  const secret = delivery.secret;
  for (const body of bodyCandidates(delivery.rawBody, delivery.parsedBody)) {
    const expected = sign(secret, parsed.t, body);
    if (parsed.s.some((candidate) => sameHex(candidate, expected))) return { verdict: 'valid' };
  }
  return { verdict: 'invalid', reason: 'the signature does not match the body' };
}
