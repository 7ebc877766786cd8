import crypto from 'node:crypto';
import { now } from '../../core/dates';
import { Decimal } from '../../core/decimal';

/** An order as every adapter hands it over. */
export interface PlatformOrderIn {
  id: string;
  createdAt: string;
  buyer: string;
  lines: Array<{ sku: string; qty: string; price: string }>;
}

/** A refund as every adapter hands it over: which order, which units (the platform's SKU codes). */
export interface PlatformRefundIn {
  id: string;
  orderId: string;
  reason: string;
  lines: Array<{ sku: string; qty: string }>;
}

/**
 * What jxc asks of an online platform: orders since a cursor, refunds since a cursor, a shipment's
 * tracking number back, available stock out. The cursor is the adapter's own (an opaque string the
 * connection keeps): SimShop's next cursor, PageMall's next page number.
 */
export interface PlatformAdapter {
  pullOrders(cursor: string | null): Promise<{ orders: PlatformOrderIn[]; cursor: string | null; more: boolean }>;
  pushShipment(orderId: string, trackingNo: string, carrier: string): Promise<void>;
  pushStock(items: Array<{ sku: string; available: string }>): Promise<void>;
  pullRefunds(cursor: string | null): Promise<{ refunds: PlatformRefundIn[]; cursor: string | null; more: boolean }>;
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

  async pullRefunds(cursor: string | null) {
    const data = await this.call('GET', `/api/refunds?cursor=${encodeURIComponent(cursor ?? '')}&limit=50`);
    return {
      refunds: (data.refunds as any[]).map((r) => ({
        id: String(r.refund_id),
        orderId: String(r.order_id),
        reason: String(r.reason ?? ''),
        lines: ((r.items ?? []) as any[]).map((i) => ({ sku: String(i.sku_code), qty: String(i.quantity) })),
      })),
      cursor: data.next_cursor == null ? cursor : String(data.next_cursor),
      more: !!data.has_more,
    };
  }
}

/** Access tokens per platform client, kept by this process (a new process asks for one again). */
const tokens = new Map<string, { access: string; refresh: string | null; until: number }>();

/** Forgets the access token kept for a client (its credentials were edited: the next call asks again). */
export function forgetPlatformToken(baseUrl: string, appKey: string): void {
  tokens.delete(`${baseUrl}|${appKey}`);
}

/**
 * PageMall: page-numbered lists and OAuth-like tokens (see src/simulators/pagemall-sim.ts). The app
 * key and secret are the client id and secret; the access token is asked for once, refreshed shortly
 * before it expires (on the monotonic clock, not the business clock) or when the platform says it
 * expired, and the call tried again once. The cursor is the next page to read: a page not yet full
 * is read again next time (its orders are known by their ids then).
 */
export class PageMallAdapter implements PlatformAdapter {
  static readonly PAGE_SIZE = 50;

  constructor(
    private readonly c: AdapterConfig,
    private readonly timeoutMs = 10_000,
  ) {}

  private get key() {
    return `${this.c.baseUrl}|${this.c.appKey}`;
  }

  private async fetch(method: 'GET' | 'POST', path: string, body: unknown, token?: string): Promise<Response> {
    try {
      return await fetch(new URL(path, this.c.baseUrl), {
        method,
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
      });
    } catch (e) {
      throw new PlatformError(`The platform did not answer (${(e as Error).name}).`);
    }
  }

  /** A valid access token: the one kept, refreshed, or a new one from the client credentials. */
  private async token(force = false): Promise<string> {
    const kept = tokens.get(this.key);
    if (kept && !force && kept.until > performance.now()) return kept.access;
    let res: Response | null = null;
    if (kept?.refresh) {
      res = await this.fetch('POST', '/oauth/token', { grant_type: 'refresh_token', refresh_token: kept.refresh });
      if (!res.ok) res = null;
    }
    res ??= await this.fetch('POST', '/oauth/token', {
      grant_type: 'client_credentials',
      client_id: this.c.appKey,
      client_secret: this.c.appSecret,
    });
    if (!res.ok) {
      tokens.delete(this.key);
      throw new PlatformError(`The platform refused the client credentials (HTTP ${res.status}).`);
    }
    const t = (await res.json()) as { access_token: string; refresh_token?: string; expires_in?: number };
    // refreshed a minute early (or at half its life when it is short)
    const life = Number(t.expires_in ?? 3600) * 1000;
    tokens.set(this.key, {
      access: String(t.access_token),
      refresh: t.refresh_token ? String(t.refresh_token) : null,
      until: performance.now() + Math.max(life - 60_000, life / 2),
    });
    return String(t.access_token);
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> {
    let res = await this.fetch(method, path, body, await this.token());
    if (res.status === 401) res = await this.fetch(method, path, body, await this.token(true));
    if (!res.ok) throw new PlatformError(`The platform answered HTTP ${res.status}.`);
    return res.json();
  }

  private async pageOf(path: string, cursor: string | null) {
    const p = Math.max(1, Number(cursor) || 1);
    const size = PageMallAdapter.PAGE_SIZE;
    const data = await this.call('GET', `${path}?page=${p}&page_size=${size}`);
    const total = Number(data.total ?? 0);
    const full = p * size <= total;
    return { rows: (data.data ?? []) as any[], cursor: String(full ? p + 1 : p), more: full && p * size < total };
  }

  async pullOrders(cursor: string | null) {
    const got = await this.pageOf('/v2/orders', cursor);
    return {
      orders: got.rows.map((o) => ({
        id: String(o.tid),
        createdAt: String(o.created),
        buyer: String(o.buyer_nick ?? ''),
        // the platform gives each line's amount: the unit price is what it divides into
        lines: (o.lines as any[]).map((l) => ({
          sku: String(l.outer_sku_id),
          qty: String(l.num),
          price: new Decimal(String(l.payment)).div(String(l.num)).toDecimalPlaces(6).toFixed(),
        })),
      })),
      cursor: got.cursor,
      more: got.more,
    };
  }

  async pullRefunds(cursor: string | null) {
    const got = await this.pageOf('/v2/refunds', cursor);
    return {
      refunds: got.rows.map((r) => ({
        id: String(r.refund_id),
        orderId: String(r.tid),
        reason: String(r.reason ?? ''),
        lines: ((r.lines ?? []) as any[]).map((l) => ({ sku: String(l.outer_sku_id), qty: String(l.num) })),
      })),
      cursor: got.cursor,
      more: got.more,
    };
  }

  async pushShipment(orderId: string, trackingNo: string, carrier: string) {
    await this.call('POST', '/v2/logistics', { tid: orderId, company: carrier, waybill: trackingNo });
  }

  async pushStock(items: Array<{ sku: string; available: string }>) {
    await this.call('POST', '/v2/inventory', {
      skus: items.map((i) => ({ outer_sku_id: i.sku, stock: Number(i.available) })),
    });
  }
}

export const PLATFORM_KINDS = ['simshop', 'pagemall'] as const;

export function adapterFor(kind: string, c: AdapterConfig, timeoutMs?: number): PlatformAdapter {
  if (kind === 'simshop') return new SimShopAdapter(c, timeoutMs);
  if (kind === 'pagemall') return new PageMallAdapter(c, timeoutMs);
  throw new PlatformError(`No adapter for ${kind}.`);
}
