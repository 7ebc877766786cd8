import {
  Authorized,
  Extensions,
  Field,
  FieldResolver,
  UseMiddleware,
  type AuthChecker,
  type MiddlewareFn,
} from 'type-graphql';

type ReturnTypeFunc = () => any;
import { DomainError, ErrorCode, forbidden } from '../errors';
import type { Context } from '../context';
import type { Permission } from './catalogue';
import { now } from '../dates';

export const can = (ctx: Pick<Context, 'user'>, permission: Permission) => !!ctx.user?.permissions.has(permission);

/** Every operation that is not public declares its permission here: `@Allow(P.SystemUserManage)`. */
export const Allow = (...permissions: Permission[]) => Authorized(...permissions);
/** Any signed-in user. */
export const SignedIn = () => Authorized();

/** The security log: refused permission checks, one JSON line each (no tokens, no passwords). */
export function securityLog(event: Record<string, unknown>) {
  if (process.env.JXC_SECURITY_LOG !== '0')
    console.warn(JSON.stringify({ security: true, at: now().toISOString(), ...event }));
}

export const authChecker: AuthChecker<Context, Permission> = ({ context, info }, permissions) => {
  if (!context.user) {
    if (context.sessionExpired)
      throw new DomainError(ErrorCode.SESSION_EXPIRED, 'Your session has expired. Please sign in again.');
    throw new DomainError(ErrorCode.UNAUTHENTICATED, 'Please sign in.');
  }
  const missing = permissions.filter((p) => !context.user!.permissions.has(p));
  if (missing.length) {
    securityLog({
      event: 'forbidden',
      user: context.user.username,
      address: context.ip,
      requestId: context.requestId,
      field: `${info.parentType.name}.${info.fieldName}`,
      missing,
    });
    throw forbidden('You do not have permission to do this.', { permissions: missing });
  }
  return true;
};

/** Sensitive fields by GraphQL type name, so filters, sorts, aggregates and exports share one rule. */
const registry = new Map<string, Map<string, Permission>>();

export function sensitivePermission(typeName: string, field: string): Permission | undefined {
  return registry.get(typeName)?.get(field);
}

export function sensitiveFieldsOf(typeName: string): Map<string, Permission> {
  return registry.get(typeName) ?? new Map();
}

const mask =
  (permission: Permission): MiddlewareFn<Context> =>
  async ({ context, info }, next) => {
    if (!context.user?.permissions.has(permission)) {
      context.hidden.add(`${info.parentType.name}.${info.fieldName}`);
      return null;
    }
    return next();
  };

/**
 * A field only some positions may see. Without `permission` it resolves to null (never failing
 * the row), the response lists it under extensions.hiddenFields, and the schema says what it needs.
 * `typeName` is the GraphQL type the field sits on.
 */
export function SensitiveField(
  typeName: string,
  returnType: ReturnTypeFunc,
  permission: Permission,
  description?: string,
): PropertyDecorator & MethodDecorator {
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    const fields = registry.get(typeName) ?? new Map<string, Permission>();
    fields.set(String(key), permission);
    registry.set(typeName, fields);
    const text = `${description ? description + ' ' : ''}Requires permission \`${permission}\`; null without it.`;
    Field(returnType, { nullable: true, description: text })(target, key, descriptor as any);
    Extensions({ requires: permission })(target, key, descriptor as any);
    UseMiddleware(mask(permission))(target, key, descriptor as any);
  };
}

/**
 * The same for a field computed by a resolver class (`@FieldResolver`): registered under the same
 * rule, masked to null without the permission, so exports and aggregates see one list.
 */
export function SensitiveFieldResolver(
  typeName: string,
  returnType: ReturnTypeFunc,
  permission: Permission,
  description?: string,
): MethodDecorator {
  return (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    const fields = registry.get(typeName) ?? new Map<string, Permission>();
    fields.set(String(key), permission);
    registry.set(typeName, fields);
    const text = `${description ? description + ' ' : ''}Requires permission \`${permission}\`; null without it.`;
    FieldResolver(returnType, { nullable: true, description: text })(target, key, descriptor);
    Extensions({ requires: permission })(target, key, descriptor);
    UseMiddleware(mask(permission))(target, key, descriptor);
  };
}

/** Refuses filtering, sorting or grouping by a field the user may not see. */
export function assertMayUseFields(ctx: Context, typeName: string, fields: string[], use: 'filter' | 'sort' | 'group') {
  const denied = fields.filter((f) => {
    const p = sensitivePermission(typeName, f);
    return p && !can(ctx, p);
  });
  if (denied.length) {
    throw forbidden(`You may not ${use} by ${denied.map((f) => `${typeName}.${f}`).join(', ')}.`, {
      fields: denied.map((f) => `${typeName}.${f}`),
    });
  }
}

/** The columns an export may contain for this user: the hidden ones are dropped and reported. */
export function visibleColumns<T extends string>(ctx: Context, typeName: string, columns: readonly T[]): T[] {
  return columns.filter((c) => {
    const p = sensitivePermission(typeName, c);
    if (p && !can(ctx, p)) {
      ctx.hidden.add(`${typeName}.${c}`);
      return false;
    }
    return true;
  });
}
