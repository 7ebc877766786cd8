import { Decimal } from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Column, type ColumnOptions, type ValueTransformer } from 'typeorm';
import { DomainError, ErrorCode } from './errors';

export { Decimal };

/** Plain decimal notation, at most 30 digits; no exponent, no thousands separators. */
const DECIMAL_RE = /^-?\d{1,30}(\.\d{1,12})?$/;

export function isDecimalString(v: unknown): v is string {
  return typeof v === 'string' && DECIMAL_RE.test(v);
}

const invalid = (value: unknown) =>
  new GraphQLError(`"${String(value).slice(0, 40)}" is not a decimal number; write it like "1234.56".`, {
    extensions: { code: 'INVALID_DECIMAL' },
  });

function parse(value: unknown): string {
  if (typeof value === 'string' && DECIMAL_RE.test(value.trim())) return new Decimal(value.trim()).toFixed();
  throw invalid(value);
}

/**
 * Money and quantities travel as strings so no client turns them into binary floats.
 * Numbers are refused on input for the same reason.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number carried as a string, e.g. "1234.56".',
  serialize(value) {
    if (value instanceof Decimal) return value.toFixed();
    if (typeof value === 'string') return value;
    throw new GraphQLError('Decimal values must be strings or Decimal instances on the server.');
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return parse(ast.value);
    throw invalid((ast as { value?: unknown }).value);
  },
});

// 10^digits per column shape (every posting checks each ledger value: computing the power each time cost 2 % of the API's CPU)
const limits = new Map<number, Decimal>();
const limitOf = (digits: number) => {
  let l = limits.get(digits);
  if (!l) limits.set(digits, (l = new Decimal(10).pow(digits)));
  return l;
};

/**
 * A value that does not fit the column before the point is refused as BAD_USER_INPUT naming the
 * field, on both databases: MySQL would fail with "Out of range" (an internal error), SQLite would
 * keep it as text. Inputs are checked against their column before any resolver runs (DecimalInput);
 * this catches what is computed from them (an amount = quantity × price).
 */
export function checkRange(v: Decimal, precision: number, scale: number, field: string, what = field): Decimal {
  if (v.abs().gte(limitOf(precision - scale))) {
    const message = `Too large: at most ${precision - scale} digits before the decimal point.`;
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `${what} is too large: at most ${precision - scale} digits before the decimal point.`,
      {
        fields: [{ field, message }],
      },
    );
  }
  return v;
}

/** Reads a DECIMAL (MySQL) or TEXT (SQLite) column back as an exact string with `scale` places. */
export const decimalTransformer = (scale: number, precision = 18, field = 'value'): ValueTransformer => ({
  to: (v: unknown) =>
    v === null || v === undefined ? v : checkRange(new Decimal(v as string), precision, scale, field).toFixed(scale),
  from: (v: unknown) => (v === null || v === undefined ? v : new Decimal(v as string).toFixed(scale)),
});

/**
 * A DECIMAL(precision, scale) column. On SQLite the column type is switched to TEXT when the
 * embedded schema is built (see db.ts), because SQLite would turn a decimal into a float.
 */
export function DecimalColumn(precision: number, scale: number, options: ColumnOptions = {}): PropertyDecorator {
  return (target, key) =>
    Column({
      type: 'decimal',
      precision,
      scale,
      transformer: decimalTransformer(scale, precision, String(key)),
      ...options,
    })(target, key);
}

/** Quantities: DECIMAL(18,6) in the database, without trailing zeros on the wire ("12", "2.125"). */
export function QuantityColumn(options: ColumnOptions = {}): PropertyDecorator {
  return (target, key) =>
    Column({
      type: 'decimal',
      precision: 18,
      scale: 6,
      transformer: {
        to: (v: unknown) =>
          v === null || v === undefined ? v : checkRange(new Decimal(v as string), 18, 6, String(key)).toFixed(6),
        from: (v: unknown) => (v === null || v === undefined ? v : new Decimal(v as string).toFixed()),
      },
      ...options,
    })(target, key);
}
