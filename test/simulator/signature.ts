import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `Oncehub-Signature: t=<unix seconds>,s=<hex HMAC-SHA256("<t>.<raw body>")>`,
 * per developers.oncehub.com/docs/webhooks/webhook-signatures.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  return `t=${unixSeconds},s=${hmac(secret, `${unixSeconds}.${body}`)}`;
}

/** Receiver-side check, for tests and local receivers. OnceHub documents no tolerance, so none is applied. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (header === undefined) return false;
  const parts = new Map<string, string>();
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const t = parts.get('t');
  const s = parts.get('s');
  if (t === undefined || s === undefined || !/^\d+$/.test(t)) return false;
  const expected = Buffer.from(hmac(secret, `${t}.${body}`), 'hex');
  const given = Buffer.from(s, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function hmac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex');
}
