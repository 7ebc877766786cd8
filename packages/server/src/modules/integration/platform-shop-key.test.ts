import { describe, expect, it } from 'vitest';
import { shopKey, shopOrigin } from './platform.service';

describe('the shop key of an online store', () => {
  it("counts this machine's names, the host's case, a trailing dot or slash and a path as one shop", () => {
    const one = [
      'http://127.0.0.1:4010',
      'http://localhost:4010',
      'http://LOCALHOST:4010/',
      'HTTP://LocalHost:4010/api/v2',
      'http://localhost.:4010',
      'http://[::1]:4010/',
    ];
    expect(new Set(one.map((u) => shopOrigin(new URL(u))))).toEqual(new Set(['http://127.0.0.1:4010']));
    expect(new Set(one.map((u) => shopKey('simshop', new URL(u), ' k1 ')))).toHaveProperty('size', 1);
    expect(shopOrigin(new URL('https://Shop.Example.COM:443/x'))).toBe('https://shop.example.com');
    expect(shopOrigin(new URL('http://shop.example.com:80'))).toBe('http://shop.example.com');
  });

  it('tells apart another port, scheme, host, platform or app key', () => {
    const k = shopKey('simshop', new URL('http://localhost:4010'), 'k1');
    expect(shopKey('simshop', new URL('http://localhost:4011'), 'k1')).not.toBe(k);
    expect(shopKey('simshop', new URL('https://localhost:4010'), 'k1')).not.toBe(k);
    expect(shopKey('simshop', new URL('http://127.0.0.2:4010'), 'k1')).not.toBe(k);
    expect(shopKey('pagemall', new URL('http://localhost:4010'), 'k1')).not.toBe(k);
    expect(shopKey('simshop', new URL('http://localhost:4010'), 'k2')).not.toBe(k);
  });
});
