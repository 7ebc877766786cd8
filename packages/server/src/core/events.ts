import type { DataSource, EntityManager } from 'typeorm';
import { sensitivePermission } from './permissions/guard';

/**
 * Business events for the world outside (webhooks): a module that changes something says so with
 * `emitEvent(tx, …)` in its own transaction; whoever registered with `onDomainEvent` for that
 * database (the integration module's outbox) writes it in that same transaction, so an event exists
 * if and only if the change committed. Core knows no module: handlers register by data source.
 */
export const EVENT_TYPES = [
  'document.posted',
  'document.cancelled',
  'order.confirmed',
  'order.shipped',
  'order.invoiced',
  'order.paid',
  'stock.below_safety',
  'price_list.changed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface DomainEvent {
  type: EventType;
  /** the document or record it is about; events of one ref are delivered in order */
  ref: { type: string; id: number; number?: string | null };
  /** scope: a client limited to other warehouses or customers does not hear of it */
  warehouseId?: number | null;
  customerId?: number | null;
  /**
   * The payload. An object with `__type` (a GraphQL type name) is filtered for each receiver by the
   * field rules: a field registered as sensitive on that type is left out for a receiver without
   * the permission (a 3PL never receives prices).
   */
  data: Record<string, unknown>;
}

type Handler = (tx: EntityManager, e: DomainEvent) => Promise<void>;
/** whether a handler may act on an event of this type (true when it cannot tell yet) */
type Wants = (type: EventType) => boolean;
const handlers = new WeakMap<DataSource, Handler[]>();
const wanting = new WeakMap<DataSource, Wants[]>();

/** `wants` says cheaply which types the handler may act on; without it, every type. */
export function onDomainEvent(ds: DataSource, handler: Handler, wants: Wants = () => true): void {
  handlers.set(ds, [...(handlers.get(ds) ?? []), handler]);
  wanting.set(ds, [...(wanting.get(ds) ?? []), wants]);
}

/**
 * Whether any handler may act on an event of this type: when none does, a change may skip building
 * it (a posting then takes its number in its last packet, see stock-document.service).
 */
export function eventWanted(ds: DataSource, type: EventType): boolean {
  return (wanting.get(ds) ?? []).some((w) => w(type));
}

/** Says, in the caller's transaction, that something happened. */
export async function emitEvent(tx: EntityManager, e: DomainEvent): Promise<void> {
  for (const h of handlers.get(tx.connection) ?? []) await h(tx, e);
}

/** A typed object of the payload: its fields pass the receiver's field rules for `typeName`. */
export const typed = (typeName: string, fields: Record<string, unknown>) => ({ __type: typeName, ...fields });

/** An object of the payload only a receiver with `permission` gets (others get null). */
export const requiring = (permission: string, fields: Record<string, unknown>) => ({
  __requires: permission,
  ...fields,
});

/** The payload as a receiver with these permissions may see it (sensitive fields left out, markers dropped). */
export function visiblePayload(value: unknown, permissions: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => visiblePayload(v, permissions));
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  const o = value as Record<string, unknown>;
  // a whole object only some may see (a price list's prices)
  if (typeof o.__requires === 'string' && !permissions.has(o.__requires)) return null;
  const typeName = typeof o.__type === 'string' ? o.__type : null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === '__type' || k === '__requires') continue;
    const p = typeName ? sensitivePermission(typeName, k) : undefined;
    if (p && !permissions.has(p)) continue;
    out[k] = visiblePayload(v, permissions);
  }
  return out;
}
