import type { Context } from '../../core/context';
import { labels } from '../../core/labels';
import { userLabel } from '../auth';
import { warehouseLabel } from '../stock';

/*
 * The names a sales document shows of what it refers to, one query per table per request (core
 * `labels`): the sales module's own customers, channels, stores and orders here; warehouses and
 * users from their modules' faces.
 */
export const customerLabel = labels('customer', 'customer', { code: 'code', name: 'name' });
const channelLabel = labels('salesChannel', 'sales_channel', { code: 'code', name: 'name' });
const storeLabel = labels('salesStore', 'sales_store', { code: 'code', name: 'name' });
export const orderLabel = labels('salesOrder', 'sales_order', { code: 'number', name: "''" });

const LABELS = {
  customer: customerLabel,
  channel: channelLabel,
  store: storeLabel,
  warehouse: warehouseLabel,
  user: userLabel,
};
export type Named = keyof typeof LABELS;

/** The name of a related customer, channel, store, warehouse or user; null when there is none. */
export const names = async (ctx: Context, kind: Named, id: number | null): Promise<string | null> =>
  (await LABELS[kind](ctx, id))?.name ?? null;

export const customerCode = async (ctx: Context, id: number): Promise<string> =>
  (await customerLabel(ctx, id))?.code ?? '';

export const orderNumber = async (ctx: Context, id: number): Promise<string> => (await orderLabel(ctx, id))?.code ?? '';
