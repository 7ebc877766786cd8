import {
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { Extensions, Field, type FieldOptions } from 'type-graphql';
import { Decimal, DecimalScalar } from './decimal';
import { badInput, type FieldProblem } from './errors';

/** The DECIMAL(precision, scale) column an input number ends up in. */
export interface DecimalDigits {
  precision: number;
  scale: number;
}

const EXT = 'decimalDigits';

/**
 * A Decimal input field bound for a DECIMAL(precision, scale) column: a value with more digits
 * before the point than the column holds is refused as BAD_USER_INPUT naming the field, before any
 * resolver runs (on MySQL it would fail as "Out of range", on SQLite it would be stored as text).
 */
export function DecimalInput(precision: number, scale: number, options: FieldOptions = {}): PropertyDecorator {
  return (target, key) => {
    Field(() => DecimalScalar, options)(target, key);
    Extensions({ [EXT]: { precision, scale } satisfies DecimalDigits })(target, key as string);
  };
}

/** null when the value fits DECIMAL(precision, scale) before the point, else why not. */
export function rangeProblem(value: string, { precision, scale }: DecimalDigits): string | null {
  const digits = precision - scale;
  return new Decimal(value).abs().gte(new Decimal(10).pow(digits))
    ? `Too large: at most ${digits} digits before the decimal point.`
    : null;
}

type Check = (value: unknown, path: string, problems: FieldProblem[]) => void;

const join = (path: string, name: string) => (path ? `${path}.${name}` : name);

/** A walker over one input type's values that checks every bounded Decimal in it; null when there is none. */
function checkerFor(type: GraphQLInputType, digits: DecimalDigits | undefined, seen: Set<unknown>): Check | null {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) {
    const item = checkerFor(t.ofType, digits, seen);
    if (!item) return null;
    return (v, path, problems) => {
      if (Array.isArray(v)) v.forEach((x, i) => item(x, `${path}[${i}]`, problems));
      else item(v, path, problems);
    };
  }
  if (isInputObjectType(t)) {
    if (seen.has(t)) return null; // a recursive input: its fields are checked where first met
    seen.add(t);
    const fields = Object.values(t.getFields())
      .map((f) => ({
        name: f.name,
        check: checkerFor(f.type, f.extensions?.[EXT] as DecimalDigits | undefined, seen),
      }))
      .filter((f): f is { name: string; check: Check } => f.check !== null);
    if (!fields.length) return null;
    return (v, path, problems) => {
      if (!v || typeof v !== 'object') return;
      for (const f of fields) {
        const x = (v as Record<string, unknown>)[f.name];
        if (x !== undefined && x !== null) f.check(x, join(path, f.name), problems);
      }
    };
  }
  if (getNamedType(t) === DecimalScalar && digits)
    return (v, path, problems) => {
      if (typeof v !== 'string') return;
      const message = rangeProblem(v, digits);
      if (message) problems.push({ field: path, message });
    };
  return null;
}

const plans = new WeakMap<object, Array<{ arg: GraphQLArgument; check: Check }>>();

function planFor(field: GraphQLField<unknown, unknown>) {
  let plan = plans.get(field);
  if (!plan) {
    plan = field.args
      .map((arg) => ({
        arg,
        check: checkerFor(arg.type, arg.extensions?.[EXT] as DecimalDigits | undefined, new Set()),
      }))
      .filter((a): a is { arg: GraphQLArgument; check: Check } => a.check !== null);
    plans.set(field, plan);
  }
  return plan;
}

/**
 * Every bounded Decimal in a field's arguments is checked against its column before the resolver
 * runs; the paths are those the services use (`lines[2].qty`; an argument called `input` is left out).
 * Returns null for a field with no bounded Decimal in its arguments, so only the fields that take
 * numbers are wrapped (schema.ts): a middleware on every field made each scalar of a response a
 * promise, and a 200-line quote spent most of its CPU on them.
 */
export function decimalRangeCheck(
  field: GraphQLField<unknown, unknown>,
): ((args: Record<string, unknown>) => void) | null {
  const plan = planFor(field);
  if (!plan.length) return null;
  return (args) => {
    const problems: FieldProblem[] = [];
    for (const { arg, check } of plan) {
      const v = args[arg.name];
      if (v !== undefined && v !== null) check(v, arg.name === 'input' ? '' : arg.name, problems);
    }
    if (problems.length)
      throw badInput(problems, `A number is too large for its field: ${problems.map((p) => p.field).join(', ')}.`);
  };
}
