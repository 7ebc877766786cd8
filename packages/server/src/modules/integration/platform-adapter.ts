import crypto from 'node:crypto';
import { now } from '../../core/dates';

/** An order as every adapter hands it over. */
export interface PlatformOrderIn {
  id: string;
  createdAt: string;
  buyer: string;
  lines: Array<{ sku: string; qty: string; price: string }>;
}

/**
 * What jxc asks of an online platform. Pulling orders from a cursor, pushing a shipment with its
 * tracking number and pushing available stock are built (SimShop); pulling refunds is the next step
 * of issue 16 (optional here until an adapter has it).
 */
export interface PlatformAdapter {
  pullOrders(cursor: string | null): Promise<{ orders: PlatformOrderIn[]; cursor: string | null; more: boolean }>;
  pushShipment(orderId: string, trackingNo: string, carrier: string): Promise<void>;
  pushStock?(items: Array<{ sku: string; available: string }>): Promise<void>;
  pullRefunds?(cursor: string | null): Promise<{ refunds: unknown[]; cursor: string | null; more: boolean }>;
}

export interface AdapterConfig {
  baseUrl: string;
  appKey: string;
  appSecret: string;
}

export class PlatformError extends Error {}

/** SimShop: cursor-paged orders, every request signed with HMAC-SHA256 (see src/simulators/platform-sim.ts). */
export class SimShopAdapter implements PlatformAdapter {
  constructor(
    private readonly c: AdapterConfig,
    private readonly timeoutMs = 10_000,
  ) {}

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> {
    const text = body === undefined ? '' : JSON.stringify(body);
    const ts = String(Math.floor(now().getTime() / 1000));
    const sign = crypto
      .createHmac('sha256', this.c.appSecret)
      .update(`${method}\n${path}\n${ts}\n${text}`)
      .digest('hex');
    let res: Response;
    try {
      res = await fetch(new URL(path, this.c.baseUrl), {
        method,
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'x-app-key': this.c.appKey,
          'x-timestamp': ts,
          'x-sign': sign,
        },
        ...(method === 'POST' ? { body: text } : {}),
      });
    } catch (e) {
      throw new PlatformError(`The platform did not answer (${(e as Error).name}).`);
    }
    if (!res.ok) throw new PlatformError(`The platform answered HTTP ${res.status}.`);
    return res.json();
  }

  async pullOrders(cursor: string | null) {
    const data = await this.call('GET', `/api/orders?cursor=${encodeURIComponent(cursor ?? '')}&limit=50`);
    return {
      orders: (data.orders as any[]).map((o) => ({
        id: String(o.order_id),
        createdAt: String(o.created_at),
        buyer: String(o.buyer ?? ''),
        lines: (o.items as any[]).map((i) => ({
          sku: String(i.sku_code),
          qty: String(i.quantity),
          price: String(i.price),
        })),
      })),
      cursor: data.next_cursor == null ? cursor : String(data.next_cursor),
      more: !!data.has_more,
    };
  }

  async pushShipment(orderId: string, trackingNo: string, carrier: string) {
    await this.call('POST', '/api/shipments', { order_id: orderId, tracking_no: trackingNo, carrier });
  }

  /** The quantities the store may sell now (whole units), by the platform's SKU code. */
  async pushStock(items: Array<{ sku: string; available: string }>) {
    await this.call('POST', '/api/stock', {
      items: items.map((i) => ({ sku_code: i.sku, quantity: Number(i.available) })),
    });
  }
}

export const PLATFORM_KINDS = ['simshop'] as const;

export function adapterFor(kind: string, c: AdapterConfig): PlatformAdapter {
  if (kind === 'simshop') return new SimShopAdapter(c);
  throw new PlatformError(`No adapter for ${kind}.`);
}
