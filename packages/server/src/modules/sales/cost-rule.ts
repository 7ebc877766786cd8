import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../../core/context';
import { P } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';

/** Who may read cost: the margin or the stock cost permission (the pricing shows cost to either). */
export const mayReadCost = (ctx: Pick<Context, 'user'>) => can(ctx, P.SalesMarginRead) || can(ctx, P.StockCostRead);

/**
 * A cost-plus rule next to the price it gives is the cost ("cost + 12 %" and 112.00 make 100.00):
 * to someone who may read neither margin nor cost, the kind of a cost-plus rule and its markup
 * resolve to null (listed in extensions.hiddenFields like any hidden field); only the list and the
 * resulting price show. `ruleOf` finds the rule the field belongs to (the field's own value, or the
 * row's rule).
 */
export const hideCostPlus =
  (ruleOf: (root: any, value: unknown) => unknown): MiddlewareFn<Context> =>
  async ({ root, context, info }, next) => {
    const value = await next();
    if (ruleOf(root, value) === 'COST_PLUS' && !mayReadCost(context)) {
      context.hidden.add(`${info.parentType.name}.${info.fieldName}`);
      return null;
    }
    return value;
  };

export const COST_PLUS_HIDDEN =
  'Null for a cost-plus rule to someone without sales.margin.read or stock.cost.read (the markup next to the price is the cost).';
