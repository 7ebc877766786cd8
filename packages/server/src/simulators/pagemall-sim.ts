import crypto from 'node:crypto';
import http from 'node:http';

/**
 * A second simulated online platform ("PageMall": page-numbered lists, OAuth-like tokens), its own
 * process on localhost for the tests and the demo: `node -r @swc-node/register src/simulators/pagemall-sim.ts`
 * with SIM_ORDERS (default 200), SIM_CLIENT_ID, SIM_CLIENT_SECRET, SIM_SKUS, SIM_TOKEN_TTL (seconds,
 * default 3600), SIM_PORT (0: any); it prints `listening <port>` once ready.
 *
 * - POST /oauth/token { grant_type: client_credentials, client_id, client_secret } or
 *   { grant_type: refresh_token, refresh_token } → { access_token, refresh_token, expires_in }; a
 *   wrong secret or an unknown refresh token: 401 { error: invalid_client | invalid_grant }.
 * - Every other call carries `Authorization: Bearer <access_token>`; an expired one: 401
 *   { error: token_expired } (the client refreshes and tries again).
 * - GET /v2/orders?page=<1..>&page_size=<n> → { data, page, page_size, total }, oldest first. An
 *   order: { tid, created, buyer_nick, lines: [{ outer_sku_id, num, payment }] } (payment: the line's
 *   amount, a string).
 * - GET /v2/refunds?page=&page_size= → { data: [{ refund_id, tid, reason, lines: [{ outer_sku_id, num }] }], total }.
 * - POST /v2/logistics { tid, company, waybill } → { success: true } (an unknown order: 404).
 * - POST /v2/inventory { skus: [{ outer_sku_id, stock }] } → { success: true }.
 * - Test controls (no token): GET /_state → { shipments, stock, tokens }; POST /_chaos
 *   { fail500: n, timeouts: n, hangMs, duplicates: bool, shuffle: bool, expireTokens: bool } (the next n
 *   calls answer 500 or hang; pages repeat their last order on the next page; a page comes in reverse
 *   order; every access token expires now); POST /_refund { refund_id, tid, reason, lines };
 *   POST /_orders { count } adds orders (the platform received more).
 */
const N = Number(process.env.SIM_ORDERS ?? 200);
const CLIENT_ID = process.env.SIM_CLIENT_ID ?? 'pm-client';
const CLIENT_SECRET = process.env.SIM_CLIENT_SECRET ?? 'pm-secret';
const SKUS = (process.env.SIM_SKUS ?? 'P-TEA,P-RICE').split(',');
const TTL = Number(process.env.SIM_TOKEN_TTL ?? 3600);

type Order = {
  tid: string;
  created: string;
  buyer_nick: string;
  lines: Array<{ outer_sku_id: string; num: number; payment: string }>;
};
const base = Date.UTC(2026, 10, 21, 1, 0, 0);
const orders: Order[] = [];
const addOrders = (n: number) => {
  for (let k = 0; k < n; k++) {
    const i = orders.length;
    const num = 1 + (i % 2);
    const price = 12.5 + (i % 4);
    orders.push({
      tid: `PM${String(500000 + i)}`,
      created: new Date(base + i * 90_000).toISOString(),
      buyer_nick: `nick${i % 23}`,
      lines: [{ outer_sku_id: SKUS[i % SKUS.length], num, payment: (price * num).toFixed(2) }],
    });
  }
};
addOrders(N);
const refunds: Array<{
  refund_id: string;
  tid: string;
  reason: string;
  lines: Array<{ outer_sku_id: string; num: number }>;
}> = [];
const shipments: Array<{ tid: string; company: string; waybill: string }> = [];
const stock: Record<string, number> = {};
/** access token → expiry (ms, this process's clock); refresh tokens issued */
const tokens = new Map<string, number>();
const refreshTokens = new Set<string>();
let issued = 0;
const chaos = { fail500: 0, timeouts: 0, hangMs: 2000, duplicates: false, shuffle: false };

function page<T>(all: T[], url: URL): { data: T[]; page: number; page_size: number; total: number } {
  const p = Math.max(1, Number(url.searchParams.get('page') || 1));
  const size = Math.min(100, Math.max(1, Number(url.searchParams.get('page_size') || 20)));
  let data = all.slice((p - 1) * size, p * size);
  // a duplicate: the previous page's last item shows up again at the top of this one
  if (chaos.duplicates && p > 1 && data.length) data = [all[(p - 1) * size - 1], ...data];
  if (chaos.shuffle) data = [...data].reverse();
  return { data, page: p, page_size: size, total: all.length };
}

function issue() {
  const access = `at_${crypto.randomBytes(12).toString('hex')}`;
  const refresh = `rt_${crypto.randomBytes(12).toString('hex')}`;
  tokens.set(access, performance.now() + TTL * 1000);
  refreshTokens.add(refresh);
  issued++;
  return { access_token: access, refresh_token: refresh, expires_in: TTL, token_type: 'Bearer' };
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const send = (status: number, data: unknown) => {
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
    };
    const url = new URL(req.url ?? '/', 'http://sim');
    const json = () => {
      try {
        return JSON.parse(body || '{}');
      } catch {
        return {};
      }
    };
    // ---- test controls ----
    if (url.pathname === '/_state') return send(200, { shipments, stock, tokens: issued, orders: orders.length });
    if (req.method === 'POST' && url.pathname === '/_chaos') {
      const c = json();
      chaos.fail500 = Number(c.fail500 ?? 0);
      chaos.timeouts = Number(c.timeouts ?? 0);
      chaos.hangMs = Number(c.hangMs ?? 2000);
      chaos.duplicates = !!c.duplicates;
      chaos.shuffle = !!c.shuffle;
      if (c.expireTokens) for (const k of tokens.keys()) tokens.set(k, 0);
      return send(200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/_refund') {
      refunds.push(json());
      return send(200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/_orders') {
      addOrders(Number(json().count ?? 1));
      return send(200, { orders: orders.length });
    }
    // ---- OAuth ----
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      const b = json();
      if (b.grant_type === 'client_credentials') {
        if (b.client_id !== CLIENT_ID || b.client_secret !== CLIENT_SECRET)
          return send(401, { error: 'invalid_client' });
        return send(200, issue());
      }
      if (b.grant_type === 'refresh_token') {
        if (!refreshTokens.delete(String(b.refresh_token))) return send(401, { error: 'invalid_grant' });
        return send(200, issue());
      }
      return send(400, { error: 'unsupported_grant_type' });
    }
    // ---- misbehaving ----
    if (chaos.timeouts > 0) {
      chaos.timeouts--;
      setTimeout(() => send(200, { data: [], page: 1, page_size: 0, total: 0 }), chaos.hangMs);
      return;
    }
    if (chaos.fail500 > 0) {
      chaos.fail500--;
      return send(500, { error: 'internal error' });
    }
    const auth = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''));
    const until = auth ? tokens.get(auth[1]) : undefined;
    if (until === undefined) return send(401, { error: 'invalid_token' });
    if (until <= performance.now()) return send(401, { error: 'token_expired' });
    if (req.method === 'GET' && url.pathname === '/v2/orders') return send(200, page(orders, url));
    if (req.method === 'GET' && url.pathname === '/v2/refunds') return send(200, page(refunds, url));
    if (req.method === 'POST' && url.pathname === '/v2/logistics') {
      const s = json();
      if (!orders.some((o) => o.tid === s.tid)) return send(404, { error: 'unknown order' });
      shipments.push({ tid: String(s.tid), company: String(s.company ?? ''), waybill: String(s.waybill) });
      return send(200, { success: true });
    }
    if (req.method === 'POST' && url.pathname === '/v2/inventory') {
      const items = (json().skus ?? []) as Array<{ outer_sku_id: string; stock: number }>;
      if (items.some((i) => !Number.isInteger(i.stock) || i.stock < 0))
        return send(400, { error: 'stock must be a whole number ≥ 0' });
      for (const i of items) stock[i.outer_sku_id] = i.stock;
      return send(200, { success: true });
    }
    send(404, { error: 'not found' });
  });
});

server.listen(Number(process.env.SIM_PORT ?? 0), '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening ${typeof addr === 'object' && addr ? addr.port : ''}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
