import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { signatureHeader, verifySignature } from '../../server/webhooks/signature.ts';

describe('webhook signatures (Stripe and GitHub style)', () => {
  const secret = 'whsec_example_secret_123';
  const body = '{"id":"ge2017:E14000654:v1"}';

  test('v1 is HMAC-SHA256 of "timestamp.body" with the secret, in hex', () => {
    const expected = createHmac('sha256', secret).update(`1719964800.${body}`).digest('hex');
    expect(signatureHeader(secret, 1719964800, body)).toBe(`t=1719964800,v1=${expected}`);
  });

  test('a receiver accepts it within five minutes, and refuses a changed body, another secret or an old timestamp', () => {
    const header = signatureHeader(secret, 1_000_000, body);
    expect(verifySignature(secret, header, body, { nowSeconds: 1_000_100 })).toBe(true);
    expect(verifySignature(secret, header, body.replace('v1', 'v2'), { nowSeconds: 1_000_100 })).toBe(false);
    expect(verifySignature('whsec_another_secret_000', header, body, { nowSeconds: 1_000_100 })).toBe(false);
    expect(verifySignature(secret, header, body, { nowSeconds: 1_000_400 })).toBe(false);
    expect(verifySignature(secret, undefined, body)).toBe(false);
    expect(verifySignature(secret, 't=1000000,v1=zz', body, { nowSeconds: 1_000_000 })).toBe(false);
  });
});
