import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { Decimal, DecimalScalar, decimalTransformer } from './decimal';

describe('Decimal scalar', () => {
  it('accepts plain decimal strings and keeps every digit', () => {
    expect(DecimalScalar.parseValue('12345678901234.5678')).toBe('12345678901234.5678');
    expect(DecimalScalar.parseValue(' -0.10 ')).toBe('-0.1');
    expect(DecimalScalar.parseLiteral({ kind: Kind.STRING, value: '1.50' } as any, {})).toBe('1.5');
  });

  it('refuses numbers, exponents, separators and junk with INVALID_DECIMAL', () => {
    for (const v of [1.5, '1e3', '1,000.00', 'abc', '', '.5', '1.', null]) {
      expect(() => DecimalScalar.parseValue(v), String(v)).toThrow(
        expect.objectContaining({ extensions: { code: 'INVALID_DECIMAL' } }),
      );
    }
    expect(() => DecimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '1.5' } as any, {})).toThrow(/not a decimal/);
  });

  it('serialises Decimal instances and strings without going through a float', () => {
    expect(DecimalScalar.serialize(new Decimal('0.1').plus('0.2'))).toBe('0.3');
    expect(DecimalScalar.serialize('99999999999999999.99')).toBe('99999999999999999.99');
    expect(() => DecimalScalar.serialize(0.3)).toThrow();
  });

  it('column transformer fixes the scale both ways', () => {
    const t = decimalTransformer(2);
    expect(t.to('12.5')).toBe('12.50');
    expect(t.from('1234567890123456.78')).toBe('1234567890123456.78');
    expect(t.from(null)).toBeNull();
  });
});
