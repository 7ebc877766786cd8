import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import { P } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';

/*
 * The scope (docs/API.md) of what promotions keep per customer — codes issued, redemptions, draw entries,
 * birthday offers, the simulator's customer — as sales scopes its customers and orders: a salesperson
 * without sales.customer.all sees only their own customers, an API client only its customers, a user
 * limited to warehouses only the orders from them. Outside the scope is as if it did not exist. Sales
 * depends on this module (its orders are priced here), so the conditions are written against its tables.
 */

/** Sales staff (who work with customers) are limited to their own customers unless they see all. */
const ownerScoped = (ctx: Context) => can(ctx, P.SalesCustomerRead) && !can(ctx, P.SalesCustomerAll);

/** The customer conditions on `column` (a customer id), with their parameters; none when nothing limits. */
function customerConditions(ctx: Context, column: string) {
  const conds: string[] = [];
  const params: ObjectLiteral = {};
  if (ownerScoped(ctx)) {
    conds.push(`${column} IN (SELECT sc.id FROM customer sc WHERE sc.owner_id = :scopeOwner)`);
    params.scopeOwner = ctx.user?.id ?? -1;
  }
  // an API client limited to some customers
  const only = ctx.user?.customerIds;
  if (only) {
    conds.push(`${column} IN (:...scopeCustomers)`);
    params.scopeCustomers = only.length ? only : [-1];
  }
  return { conds, params };
}

/**
 * Rows naming a customer in `column`: only those of customers in scope. `unassigned`: rows naming none
 * (printed coupon codes, given to no one yet) stay, for whoever may read them.
 */
export function scopeByCustomer<T extends ObjectLiteral>(
  ctx: Context,
  qb: SelectQueryBuilder<T>,
  column: string,
  unassigned = false,
): SelectQueryBuilder<T> {
  const { conds, params } = customerConditions(ctx, column);
  if (!conds.length) return qb;
  const cond = conds.join(' AND ');
  return qb.andWhere(unassigned ? `(${column} IS NULL OR (${cond}))` : cond, params);
}

/** Rows tied to a sales order in `column`: only those of orders in scope (their customer and warehouse). */
export function scopeByOrder<T extends ObjectLiteral>(
  ctx: Context,
  qb: SelectQueryBuilder<T>,
  column: string,
): SelectQueryBuilder<T> {
  const { conds, params } = customerConditions(ctx, 'so.customer_id');
  const wh = ctx.user?.warehouseIds;
  if (wh) {
    conds.push('so.warehouse_id IN (:...scopeWh)');
    params.scopeWh = wh.length ? wh : [-1];
  }
  if (!conds.length) return qb;
  return qb.andWhere(`${column} IN (SELECT so.id FROM sales_order so WHERE ${conds.join(' AND ')})`, params);
}

/** A customer in scope, or NOT_FOUND (as for one that does not exist). */
export async function checkCustomerInScope(ctx: Context, tx: EntityManager, id: number): Promise<void> {
  const qb = tx.createQueryBuilder().select('c.id', 'id').from('customer', 'c').where('c.id = :id', { id });
  if (!(await scopeByCustomer(ctx, qb, 'c.id').getRawOne())) throw notFound('This customer');
}
