import crypto from 'node:crypto';
import http from 'node:http';

/**
 * A simulated online platform ("SimShop": cursor-paged, signed requests), its own process on
 * localhost for the tests and the demo: `node -r @swc-node/register src/simulators/platform-sim.ts`
 * with SIM_ORDERS (how many orders, default 1000), SIM_APP_KEY, SIM_APP_SECRET, SIM_PORT (0: any);
 * it prints `listening <port>` once ready.
 *
 * - Every request carries `X-App-Key`, `X-Timestamp` (Unix seconds) and `X-Sign` = hex HMAC-SHA256
 *   of "<METHOD>\n<path with query>\n<timestamp>\n<body>" with the app secret; otherwise 401.
 * - GET /api/orders?cursor=<c>&limit=<n> → { orders, next_cursor, has_more }, oldest first. An
 *   order: { order_id, created_at, buyer, items: [{ sku_code, quantity, price }] }.
 * - POST /api/shipments { order_id, tracking_no, carrier } → 200 (an unknown order: 404).
 * - GET /api/shipments → what was pushed (for the tests).
 * - POST /api/stock { items: [{ sku_code, quantity }] } → 200: the quantities the store may sell.
 * - GET /api/stock → { stock: { <sku_code>: quantity }, pushes } (for the tests).
 * - POST /api/_fail { stock: n } → the next n stock pushes answer 500 (a platform misbehaving).
 * - GET /api/refunds?cursor=<c>&limit=<n> → { refunds, next_cursor, has_more }: a refund is
 *   { refund_id, order_id, reason, items: [{ sku_code, quantity }] }.
 * - POST /api/_refund { refund_id, order_id, reason, items } → a buyer got a refund (for the tests and the demo).
 */
const N = Number(process.env.SIM_ORDERS ?? 1000);
const KEY = process.env.SIM_APP_KEY ?? 'sim-key';
const SECRET = process.env.SIM_APP_SECRET ?? 'sim-secret';
const SKUS = (process.env.SIM_SKUS ?? 'P-TEA,P-RICE').split(',');
/** order numbers whose first line names a SKU the seller has not mapped (a review item) */
const UNKNOWN_EVERY = Number(process.env.SIM_UNKNOWN_EVERY ?? 0);

const base = Date.UTC(2026, 10, 20, 2, 0, 0);
const orders = Array.from({ length: N }, (_, i) => ({
  order_id: `SO${String(100000 + i)}`,
  created_at: new Date(base + i * 60_000).toISOString(),
  buyer: `buyer${i % 37}`,
  items: [
    {
      sku_code: UNKNOWN_EVERY && (i + 1) % UNKNOWN_EVERY === 0 ? 'SIM-UNMAPPED' : SKUS[i % SKUS.length],
      quantity: 1 + (i % 3),
      price: (19.9 + (i % 5)).toFixed(2),
    },
  ],
}));
const shipments: Array<{ order_id: string; tracking_no: string; carrier: string }> = [];
const stock: Record<string, number> = {};
let stockPushes = 0;
let failStock = 0;
const refunds: Array<{ refund_id: string; order_id: string; reason: string; items: unknown[] }> = [];

export const sign = (secret: string, method: string, path: string, ts: string, body: string) =>
  crypto.createHmac('sha256', secret).update(`${method}\n${path}\n${ts}\n${body}`).digest('hex');

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const send = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
    };
    const ts = String(req.headers['x-timestamp'] ?? '');
    const expected = sign(SECRET, req.method ?? '', req.url ?? '', ts, body);
    if (req.headers['x-app-key'] !== KEY || req.headers['x-sign'] !== expected)
      return send(401, { error: 'bad signature' });
    const url = new URL(req.url ?? '/', 'http://sim');
    if (req.method === 'GET' && url.pathname === '/api/orders') {
      const from = Number(url.searchParams.get('cursor') || 0);
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') || 50)));
      const page = orders.slice(from, from + limit);
      const next = from + page.length;
      return send(200, { orders: page, next_cursor: String(next), has_more: next < orders.length });
    }
    if (req.method === 'POST' && url.pathname === '/api/shipments') {
      const s = JSON.parse(body || '{}');
      if (!orders.some((o) => o.order_id === s.order_id)) return send(404, { error: 'unknown order' });
      shipments.push({ order_id: s.order_id, tracking_no: s.tracking_no, carrier: s.carrier });
      return send(200, { ok: true });
    }
    if (req.method === 'GET' && url.pathname === '/api/shipments') return send(200, { shipments });
    if (req.method === 'POST' && url.pathname === '/api/stock') {
      if (failStock > 0) {
        failStock--;
        return send(500, { error: 'try again later' });
      }
      const items = (JSON.parse(body || '{}').items ?? []) as Array<{ sku_code: string; quantity: number }>;
      if (items.some((i) => !Number.isInteger(i.quantity) || i.quantity < 0))
        return send(400, { error: 'quantity must be a whole number ≥ 0' });
      for (const i of items) stock[i.sku_code] = i.quantity;
      stockPushes++;
      return send(200, { ok: true });
    }
    if (req.method === 'GET' && url.pathname === '/api/refunds') {
      const from = Number(url.searchParams.get('cursor') || 0);
      const limit = Math.min(100, Math.max(1, Number(url.searchParams.get('limit') || 50)));
      const page = refunds.slice(from, from + limit);
      const next = from + page.length;
      return send(200, { refunds: page, next_cursor: String(next), has_more: next < refunds.length });
    }
    if (req.method === 'POST' && url.pathname === '/api/_refund') {
      refunds.push(JSON.parse(body || '{}'));
      return send(200, { ok: true });
    }
    if (req.method === 'GET' && url.pathname === '/api/stock') return send(200, { stock, pushes: stockPushes });
    if (req.method === 'POST' && url.pathname === '/api/_fail') {
      failStock = Number(JSON.parse(body || '{}').stock ?? 0);
      return send(200, { ok: true });
    }
    send(404, { error: 'not found' });
  });
});

server.listen(Number(process.env.SIM_PORT ?? 0), '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening ${typeof addr === 'object' && addr ? addr.port : ''}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
