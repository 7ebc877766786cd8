/**
 * The 3PL's HTTP API as jxc calls it (the simulator in src/simulators/tpl-sim.ts speaks it):
 * `Authorization: Bearer <secret>` and `X-Client-Key: <key>` on every call.
 *
 * - POST /api/requests { ref, kind, lines: [{ line, sku, name, unit, qty }], party } → 200; the
 *   same ref again is accepted once (the 3PL answers `duplicate: true`).
 * - POST /api/requests/cancel { ref } → 200 cancelled, 404 a ref it does not know, 409 it shipped
 *   (confirmed) already and refuses.
 * - POST /api/requests/cancellable { ref } → the same answers, cancelling nothing (the question asked
 *   about every request of a document before any is cancelled).
 * - GET /api/confirmations?after=<cursor> → { confirmations: [{ id, request_ref, date, lines:
 *   [{ line, sku, qty, batch?, expiry? }] }], next }: the feed, oldest first.
 * - GET /api/snapshot → { date, items: [{ sku, qty }] }: what the 3PL holds of ours.
 *
 * What is sent is built by construction from SKU codes, names, units and quantities (and where the
 * goods go): a 3PL never receives a price, a cost or an amount.
 */
export interface TplWireLine {
  line: string;
  sku: string;
  name: string;
  unit: string;
  qty: string;
}

export interface TplWireRequest {
  ref: string;
  kind: string;
  lines: TplWireLine[];
  party: Record<string, string | null>;
}

export interface TplConfirmationIn {
  id: string;
  request_ref: string;
  date: string;
  lines: Array<{ line: string; sku: string; qty: string; batch?: string | null; expiry?: string | null }>;
}

export interface TplSnapshotIn {
  date: string;
  items: Array<{ sku: string; qty: string }>;
}

export class TplError extends Error {}

export interface TplApi {
  send(req: TplWireRequest): Promise<void>;
  /** cancelled (or never received: nothing to stop), or refused: the 3PL shipped it already */
  cancel(ref: string): Promise<'cancelled' | 'unknown' | 'refused'>;
  /** what a cancel would answer now, cancelling nothing: yes (or unknown: nothing to stop), or refused */
  cancellable(ref: string): Promise<'yes' | 'unknown' | 'refused'>;
  confirmations(after: string | null): Promise<{ confirmations: TplConfirmationIn[]; next: string | null }>;
  snapshot(): Promise<TplSnapshotIn>;
}

export class TplClient implements TplApi {
  constructor(
    private readonly c: { baseUrl: string; clientKey: string; secret: string },
    private readonly timeoutMs = 10_000,
  ) {}

  private async http(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(new URL(path, this.c.baseUrl), {
        method,
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.c.secret}`,
          'x-client-key': this.c.clientKey,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (e) {
      throw new TplError(`The 3PL did not answer (${(e as Error).name}).`);
    }
  }

  private async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> {
    const res = await this.http(method, path, body);
    if (!res.ok) throw new TplError(`The 3PL answered HTTP ${res.status}.`);
    try {
      return await res.json();
    } catch {
      throw new TplError('The 3PL answered something that is not JSON.');
    }
  }

  async send(req: TplWireRequest): Promise<void> {
    await this.call('POST', '/api/requests', req);
  }

  async cancel(ref: string): Promise<'cancelled' | 'unknown' | 'refused'> {
    const res = await this.http('POST', '/api/requests/cancel', { ref });
    if (res.status === 404) return 'unknown';
    if (res.status === 409) return 'refused';
    if (!res.ok) throw new TplError(`The 3PL answered HTTP ${res.status}.`);
    return 'cancelled';
  }

  async cancellable(ref: string): Promise<'yes' | 'unknown' | 'refused'> {
    const res = await this.http('POST', '/api/requests/cancellable', { ref });
    if (res.status === 404) return 'unknown';
    if (res.status === 409) return 'refused';
    if (!res.ok) throw new TplError(`The 3PL answered HTTP ${res.status}.`);
    return 'yes';
  }

  async confirmations(after: string | null) {
    const data = await this.call('GET', `/api/confirmations?after=${encodeURIComponent(after ?? '')}`);
    if (!Array.isArray(data?.confirmations)) throw new TplError('The 3PL sent no confirmation list.');
    return {
      confirmations: (data.confirmations as any[]).map((c) => ({
        id: String(c.id ?? ''),
        request_ref: String(c.request_ref ?? ''),
        date: String(c.date ?? ''),
        lines: (Array.isArray(c.lines) ? c.lines : []).map((l: any) => ({
          line: String(l.line ?? ''),
          sku: String(l.sku ?? ''),
          qty: String(l.qty ?? ''),
          batch: l.batch == null ? null : String(l.batch),
          expiry: l.expiry == null ? null : String(l.expiry),
        })),
      })),
      next: data.next == null ? after : String(data.next),
    };
  }

  async snapshot(): Promise<TplSnapshotIn> {
    const data = await this.call('GET', '/api/snapshot');
    if (!Array.isArray(data?.items)) throw new TplError('The 3PL sent no snapshot.');
    return {
      date: String(data.date ?? ''),
      items: (data.items as any[]).map((i) => ({ sku: String(i.sku ?? ''), qty: String(i.qty ?? '') })),
    };
  }
}
