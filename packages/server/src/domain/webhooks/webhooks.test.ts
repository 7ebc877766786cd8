import { describe, expect, it } from 'vitest';
import { backoffMs, signature, verifySignature } from '.';

describe('webhook backoff and signatures', () => {
  it('doubles from 30 s up to an hour, half of it jittered', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((a) => backoffMs(a, 0))).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_800_000, 1_800_000,
    ]);
    expect([1, 2, 8, 20].map((a) => backoffMs(a, 1))).toEqual([30_000, 60_000, 3_600_000, 3_600_000]);
    expect(backoffMs(3, 0.5)).toBe(90_000);
  });

  it('signs "<timestamp>.<body>" with HMAC-SHA256 and verifies within the tolerance', () => {
    const body = '{"id":"e1"}';
    // echo -n '1700000000.{"id":"e1"}' | openssl dgst -sha256 -hmac secret
    expect(signature('secret', 1700000000, body)).toBe(
      'sha256=46fc0b60e09563a94dea2fa3b7b63d83458dd87b30fac860dcbabac0df9bdbde',
    );
    const sig = signature('secret', 1700000000, body);
    expect(verifySignature('secret', 1700000000, body, sig, 1700000100)).toBe(true);
    expect(verifySignature('secret', 1700000000, body, sig, 1700000400)).toBe(false); // too old
    expect(verifySignature('other', 1700000000, body, sig, 1700000000)).toBe(false);
    expect(verifySignature('secret', 1700000000, body + ' ', sig, 1700000000)).toBe(false);
  });
});
