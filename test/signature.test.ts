/**
 * OnceHub's delivery signature, `Oncehub-Signature: t=<unix seconds>,s=<hex HMAC-SHA256 of
 * "<t>.<raw body>">`: reading the header, computing the HMAC, and the verdict a delivery gets.
 */
import { checkSignature, parseSignature, sign } from '../src/signature';
import { publishedSignedExample } from './fixtures';

const SECRET = 'd7686b8c83f04913929079aeae40189e';
const T = '1611144604';
const BODY = '{"id":"EVNT-2AB8RJY3LF","type":"booking.scheduled","data":{"id":"BKNG-YNMGHKQ24XV5"}}';

describe('sign', () => {
  it('is the hex HMAC-SHA256 of "<t>.<body>" keyed by the webhook secret', () => {
    // Reference value computed independently (Python hmac/hashlib).
    expect(sign('whsec_test', T, 'hello')).toBe('dcac2e306dea57b4007078da6d898e8fe266ecd25be8dab4b6c9fbe31ea49ee7');
  });

  it('changes with the timestamp, the body and the secret', () => {
    const base = sign(SECRET, T, BODY);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(sign(SECRET, '1611144605', BODY)).not.toBe(base);
    expect(sign(SECRET, T, `${BODY} `)).not.toBe(base);
    expect(sign(`${SECRET}x`, T, BODY)).not.toBe(base);
  });
});

describe('parseSignature', () => {
  const hex = 'a'.repeat(64);

  it('reads the timestamp and the signature', () => {
    expect(parseSignature(`t=${T},s=${hex}`)).toEqual({ t: T, s: [hex] });
  });

  it('keeps every s= value, so a signature made with either of two secrets can match', () => {
    expect(parseSignature(`t=${T},s=${'a'.repeat(64)},s=${'b'.repeat(64)}`)).toEqual({ t: T, s: ['a'.repeat(64), 'b'.repeat(64)] });
  });

  it('accepts uppercase hex, compared in lower case', () => {
    expect(parseSignature(`t=${T},s=${'ABCDEF'.repeat(10)}ABCD`)).toEqual({ t: T, s: [`${'abcdef'.repeat(10)}abcd`] });
  });

  it('tolerates spaces around the parts and any order', () => {
    expect(parseSignature(`  s=${hex} ,   t=${T}  `)).toEqual({ t: T, s: [hex] });
  });

  it('ignores parts it does not know', () => {
    expect(parseSignature(`t=${T},v0=whatever,s=${hex}`)).toEqual({ t: T, s: [hex] });
  });

  it.each([
    ['an empty header', ''],
    ['a timestamp that is not a number', `t=yesterday,s=${hex}`],
    ['a negative timestamp', `t=-5,s=${hex}`],
    ['no timestamp', `s=${hex}`],
    ['no signature', `t=${T}`],
    ['an empty signature', `t=${T},s=`],
    ['a signature that is not hex', `t=${T},s=${'z'.repeat(64)}`],
    ['a bare value', hex],
  ])('rejects %s', (_what, header) => {
    expect(parseSignature(header)).toBeUndefined();
  });
});

describe('checkSignature', () => {
  const header = (s: string, t = T) => ({ 'Http-Oncehub-Signature': `t=${t},s=${s}` });
  const parsed = JSON.parse(BODY) as unknown;

  it('finds a delivery valid when the signature over its raw body matches', () => {
    expect(checkSignature({ headers: header(sign(SECRET, T, BODY)), rawBody: BODY, parsedBody: parsed, secret: SECRET })).toEqual({
      verdict: 'valid',
    });
  });

  it.each(['Oncehub-Signature', 'oncehub-signature', 'HTTP-ONCEHUB-SIGNATURE', 'Http-Oncehub-Signature'])(
    'reads the signature from a header named %s',
    (name) => {
      const headers = { [name]: `t=${T},s=${sign(SECRET, T, BODY)}` };
      expect(checkSignature({ headers, rawBody: BODY, parsedBody: parsed, secret: SECRET }).verdict).toBe('valid');
    },
  );

  it('reads the first value when the header arrives as a list', () => {
    const headers = { 'Oncehub-Signature': [`t=${T},s=${sign(SECRET, T, BODY)}`, 'junk'] };
    expect(checkSignature({ headers, rawBody: BODY, parsedBody: parsed, secret: SECRET }).verdict).toBe('valid');
  });

  it('accepts the signature written in uppercase hex', () => {
    const headers = header(sign(SECRET, T, BODY).toUpperCase());
    expect(checkSignature({ headers, rawBody: BODY, parsedBody: parsed, secret: SECRET }).verdict).toBe('valid');
  });

  it('accepts a header carrying a stale signature beside the right one', () => {
    const headers = { 'Oncehub-Signature': `t=${T}, s=${sign('old-secret', T, BODY)}, s=${sign(SECRET, T, BODY)}` };
    expect(checkSignature({ headers, rawBody: BODY, parsedBody: parsed, secret: SECRET }).verdict).toBe('valid');
  });

  it('accepts a signature over the compact JSON when the raw body was re-formatted on the way', () => {
    const pretty = JSON.stringify(parsed, null, 2);
    const headers = header(sign(SECRET, T, BODY));
    expect(checkSignature({ headers, rawBody: pretty, parsedBody: parsed, secret: SECRET }).verdict).toBe('valid');
  });

  it('accepts a signature over the compact JSON when there is no raw body at all', () => {
    const headers = header(sign(SECRET, T, BODY));
    expect(checkSignature({ headers, parsedBody: parsed, secret: SECRET }).verdict).toBe('valid');
  });

  it('verifies OnceHub’s published example over its exact bytes', () => {
    const { raw, event } = publishedSignedExample();
    const headers = header(sign(SECRET, T, raw));
    expect(checkSignature({ headers, rawBody: raw, parsedBody: event, secret: SECRET }).verdict).toBe('valid');
  });

  it.each([
    ['signed with another secret', () => header(sign('another-secret', T, BODY))],
    ['signed over another body', () => header(sign(SECRET, T, BODY.replace('BKNG-YNMGHKQ24XV5', 'BKNG-000000000000')))],
    ['signed for another timestamp', () => ({ 'Oncehub-Signature': `t=1611144605,s=${sign(SECRET, T, BODY)}` })],
  ])('finds a delivery %s invalid', (_what, headers) => {
    expect(checkSignature({ headers: headers(), rawBody: BODY, parsedBody: parsed, secret: SECRET })).toEqual({
      verdict: 'invalid',
      reason: 'the signature does not match the body',
    });
  });

  it.each([
    ['truncated', (full: string) => full.slice(0, 32)],
    ['one digit too long', (full: string) => `${full}f`],
  ])('finds a %s signature malformed, since it cannot be a SHA-256 digest', (_what, change) => {
    expect(checkSignature({ headers: header(change(sign(SECRET, T, BODY))), rawBody: BODY, parsedBody: parsed, secret: SECRET })).toEqual({
      verdict: 'invalid',
      reason: 'the Oncehub-Signature header is malformed',
    });
  });

  it('finds a changed body invalid even though its signature was once right', () => {
    const tampered = BODY.replace('booking.scheduled', 'booking.canceled');
    const result = checkSignature({ headers: header(sign(SECRET, T, BODY)), rawBody: tampered, parsedBody: JSON.parse(tampered), secret: SECRET });
    expect(result.verdict).toBe('invalid');
  });

  it('finds a delivery without the header invalid when there is a secret to check against', () => {
    expect(checkSignature({ headers: { 'Content-Type': 'application/json' }, rawBody: BODY, parsedBody: parsed, secret: SECRET })).toEqual({
      verdict: 'invalid',
      reason: 'the delivery has no Oncehub-Signature header',
    });
  });

  it('finds a delivery with an unreadable header invalid', () => {
    expect(checkSignature({ headers: { 'Oncehub-Signature': 'sha256=abc' }, rawBody: BODY, parsedBody: parsed, secret: SECRET })).toEqual({
      verdict: 'invalid',
      reason: 'the Oncehub-Signature header is malformed',
    });
  });

  it('cannot verify a webhook without a secret on record, and says so rather than calling it forged', () => {
    const result = checkSignature({ headers: header('00'), rawBody: BODY, parsedBody: parsed });
    expect(result).toEqual({ verdict: 'unverifiable', reason: 'this webhook has no signing secret on record' });
  });

  it('cannot verify a delivery when Zapier passed no raw request', () => {
    const result = checkSignature({ parsedBody: parsed, secret: SECRET });
    expect(result).toEqual({ verdict: 'unverifiable', reason: 'Zapier passed no raw request to check' });
  });

  it('never throws on odd input', () => {
    const odd = [
      { headers: { 'Oncehub-Signature': 42 }, rawBody: BODY, parsedBody: parsed, secret: SECRET },
      { headers: { 'Oncehub-Signature': `t=${T},s=abc` }, rawBody: '', parsedBody: null, secret: SECRET },
      { headers: {}, rawBody: undefined, parsedBody: 'text', secret: SECRET },
    ];
    for (const delivery of odd) {
      expect(checkSignature(delivery).verdict).toBe('invalid');
    }
  });
});
