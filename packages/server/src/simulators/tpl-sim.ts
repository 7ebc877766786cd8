import fs from 'node:fs';
import http from 'node:http';

/**
 * A simulated third-party warehouse (3PL), its own process on localhost for the tests and the demo:
 * `node -r @swc-node/register src/simulators/tpl-sim.ts` with TPL_KEY, TPL_SECRET, TPL_PORT (0: any),
 * TPL_TODAY (its business day, YYYY-MM-DD), TPL_STOCK ("SKU=qty,SKU=qty": what it holds at start),
 * and for the demo TPL_AUTO_MS (confirm each request on its own after this delay; 0, the default:
 * only when told) with TPL_SEED (which requests come short, twice or late: the same seed, the same
 * behaviour). It prints `listening <port>` once ready. The API is the one `tpl-client.ts` calls:
 *
 * - Every call carries `Authorization: Bearer <TPL_SECRET>` and `X-Client-Key: <TPL_KEY>`; otherwise 401.
 * - POST /api/requests { ref, kind, lines: [{ line, sku, name, unit, qty }], party } → 200
 *   { accepted, duplicate } (a ref seen before is accepted once).
 * - POST /api/requests/cancel { ref } → 200 { cancelled: true } (again: the same); 404 for a ref it never
 *   received; 409 { error: 'shipped' } once it confirmed anything of it (the goods are on their way).
 * - POST /api/requests/cancellable { ref } → the answer a cancel would get now (200 { cancellable: true },
 *   404, 409), cancelling nothing: jxc asks about every request of a document before cancelling any.
 * - GET /api/confirmations?after=<n> → { confirmations, next }: the feed from position n.
 * - GET /api/snapshot → { date, items: [{ sku, qty }] }: what it holds.
 *
 * Driving it (tests; no waiting on timers):
 * - POST /_confirm { ref, id?, date?, lines?: [{ line, qty, batch?, expiry?, sku? }], twice? } →
 *   puts a confirmation in the feed now (by default every line in full; `twice`: the same
 *   confirmation id twice, as a 3PL that resends). A ref it never received is confirmed as given.
 * - POST /_stock { sku, qty } → sets what it holds of a SKU (a difference to the book).
 * - POST /_fail { requests: n, cancels: n, checks: n } → the next n requests (cancellations, cancellable
 *   questions) answer 500.
 * - POST /_race { ref } → the 3PL ships that request between a question and the cancel: the next
 *   question about it answers cancellable, the cancel after it 409 (once).
 * - POST /_reset { date? } → forgets every request, confirmation and stock (the demo's seed starts so).
 * - POST /_auto { ms } → from now on confirms each new request on its own after ms (0: never).
 * - TPL_STATE=<file>: keeps its state in that JSON file across restarts (the demo's data/tpl-sim.json).
 * - GET /_requests → every request body received, as sent (the tests check no price went out), and
 *   `cancelled`: the refs cancelled, in order.
 */
const KEY = process.env.TPL_KEY ?? 'tpl-key';
const SECRET = process.env.TPL_SECRET ?? 'tpl-secret';
let today = process.env.TPL_TODAY ?? '2026-12-01';
let AUTO_MS = Number(process.env.TPL_AUTO_MS ?? 0);
let seed = Number(process.env.TPL_SEED ?? 1) >>> 0;

/** mulberry32: a small seeded generator, so the demo's misbehaviour repeats */
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

// quantities as integers of millionths: exact sums without floating point
const SCALE = 1_000_000n;
const toUnits = (q: string): bigint => {
  const m = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(q.trim());
  if (!m) throw new Error(`bad quantity ${q}`);
  const v = BigInt(m[2]) * SCALE + BigInt((m[3] ?? '').padEnd(6, '0'));
  return m[1] ? -v : v;
};
const fromUnits = (u: bigint): string => {
  const neg = u < 0n;
  const a = neg ? -u : u;
  const frac = (a % SCALE).toString().padStart(6, '0').replace(/0+$/, '');
  return `${neg ? '-' : ''}${a / SCALE}${frac ? `.${frac}` : ''}`;
};

interface Req {
  ref: string;
  kind: string;
  cancelled?: boolean;
  lines: Array<{ line: string; sku: string; qty: string }>;
}
interface Conf {
  id: string;
  request_ref: string;
  date: string;
  lines: Array<{ line: string; sku: string; qty: string; batch?: string | null; expiry?: string | null }>;
}

const requests = new Map<string, Req>();
const received: unknown[] = [];
/** the refs cancelled, in order */
const cancels: string[] = [];
const feed: Conf[] = [];
const stock = new Map<string, bigint>();
for (const part of (process.env.TPL_STOCK ?? '').split(',').filter(Boolean)) {
  const [sku, qty] = part.split('=');
  stock.set(sku, toUnits(qty));
}
let failRequests = 0;
let failCancels = 0;
let failChecks = 0;
/** refs a question calls cancellable whose next cancel is refused (shipped in between) */
const races = new Set<string>();
let confirmations = 0;

/** TPL_STATE: a JSON file that keeps what it received, confirmed and holds across restarts (the demo's). */
const STATE = process.env.TPL_STATE;
function save() {
  if (!STATE) return;
  const state = {
    today,
    auto: AUTO_MS,
    confirmations,
    requests: [...requests.values()],
    feed,
    stock: [...stock].map(([sku, u]) => [sku, fromUnits(u)]),
  };
  fs.writeFileSync(STATE, JSON.stringify(state));
}
if (STATE && fs.existsSync(STATE)) {
  const s = JSON.parse(fs.readFileSync(STATE, 'utf8'));
  today = process.env.TPL_TODAY ?? s.today;
  AUTO_MS = s.auto;
  confirmations = s.confirmations;
  for (const r of s.requests) requests.set(r.ref, r);
  feed.push(...s.feed);
  for (const [sku, q] of s.stock) stock.set(sku, toUnits(q));
}

function confirm(body: { ref: string; id?: string; date?: string; lines?: Conf['lines']; twice?: boolean }): Conf {
  const req = requests.get(body.ref);
  const lines =
    body.lines?.map((l) => ({
      line: String(l.line),
      sku: l.sku ?? req?.lines.find((x) => x.line === String(l.line))?.sku ?? '',
      qty: String(l.qty),
      batch: l.batch ?? null,
      expiry: l.expiry ?? null,
    })) ?? (req?.lines ?? []).map((l) => ({ line: l.line, sku: l.sku, qty: l.qty, batch: null, expiry: null }));
  const c: Conf = { id: body.id ?? `C${++confirmations}`, request_ref: body.ref, date: body.date ?? today, lines };
  // what it holds follows what it confirms: receipts in, everything else out
  for (const l of lines) {
    const sign = req?.kind === 'asn' ? 1n : -1n;
    stock.set(l.sku, (stock.get(l.sku) ?? 0n) + sign * toUnits(l.qty));
  }
  feed.push(c);
  if (body.twice) feed.push({ ...c });
  save();
  return c;
}

/** The demo's 3PL: confirms after a delay, sometimes short, sometimes twice, sometimes late (dated a day back). */
function autoConfirm(req: Req) {
  const r = random();
  const short = r < 0.2;
  const twice = r >= 0.2 && r < 0.35;
  const late = r >= 0.35 && r < 0.5;
  const delay = late ? AUTO_MS * 3 : AUTO_MS;
  setTimeout(() => {
    const lines = req.lines.map((l, i) => ({
      line: l.line,
      sku: l.sku,
      qty: short && i === 0 ? fromUnits((toUnits(l.qty) / 2n / SCALE) * SCALE) : l.qty,
    }));
    const d = new Date(`${today}T00:00:00Z`);
    if (late) d.setUTCDate(d.getUTCDate() - 1);
    confirm({ ref: req.ref, lines, twice, date: d.toISOString().slice(0, 10) });
  }, delay).unref();
}

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const send = (status: number, data: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
    if (req.headers.authorization !== `Bearer ${SECRET}` || req.headers['x-client-key'] !== KEY)
      return send(401, { error: 'unauthorised' });
    const url = new URL(req.url ?? '/', 'http://sim');
    let data: any;
    try {
      data = body ? JSON.parse(body) : {};
    } catch {
      return send(400, { error: 'not JSON' });
    }
    if (req.method === 'POST' && url.pathname === '/api/requests/cancel') {
      if (failCancels > 0) {
        failCancels--;
        return send(500, { error: 'try again later' });
      }
      const r = requests.get(String(data.ref ?? ''));
      if (!r) return send(404, { error: 'unknown request' });
      if (feed.some((c) => c.request_ref === r.ref) || (races.delete(r.ref) && !r.cancelled))
        return send(409, { error: 'shipped' });
      r.cancelled = true;
      cancels.push(r.ref);
      save();
      return send(200, { cancelled: true });
    }
    if (req.method === 'POST' && url.pathname === '/api/requests/cancellable') {
      if (failChecks > 0) {
        failChecks--;
        return send(500, { error: 'try again later' });
      }
      const r = requests.get(String(data.ref ?? ''));
      if (!r) return send(404, { error: 'unknown request' });
      if (feed.some((c) => c.request_ref === r.ref)) return send(409, { error: 'shipped' });
      return send(200, { cancellable: true });
    }
    if (req.method === 'POST' && url.pathname === '/api/requests') {
      if (failRequests > 0) {
        failRequests--;
        return send(500, { error: 'try again later' });
      }
      if (!data.ref || !Array.isArray(data.lines)) return send(400, { error: 'ref and lines required' });
      received.push(data);
      if (requests.has(data.ref)) return send(200, { accepted: true, duplicate: true });
      const r: Req = {
        ref: String(data.ref),
        kind: String(data.kind),
        lines: data.lines.map((l: any) => ({ line: String(l.line), sku: String(l.sku), qty: String(l.qty) })),
      };
      requests.set(r.ref, r);
      save();
      if (AUTO_MS > 0) autoConfirm(r);
      return send(200, { accepted: true, duplicate: false });
    }
    if (req.method === 'GET' && url.pathname === '/api/confirmations') {
      const from = Number(url.searchParams.get('after') || 0);
      const page = feed.slice(from, from + 100);
      return send(200, { confirmations: page, next: String(from + page.length) });
    }
    if (req.method === 'GET' && url.pathname === '/api/snapshot')
      return send(200, {
        date: today,
        items: [...stock].sort(([a], [b]) => (a < b ? -1 : 1)).map(([sku, u]) => ({ sku, qty: fromUnits(u) })),
      });
    if (req.method === 'POST' && url.pathname === '/_confirm') {
      if (!data.ref) return send(400, { error: 'ref required' });
      return send(200, confirm(data));
    }
    if (req.method === 'POST' && url.pathname === '/_stock') {
      stock.set(String(data.sku), toUnits(String(data.qty)));
      save();
      return send(200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/_reset') {
      requests.clear();
      cancels.length = 0;
      races.clear();
      feed.length = 0;
      stock.clear();
      confirmations = 0;
      if (data.date) today = String(data.date);
      save();
      return send(200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/_auto') {
      AUTO_MS = Number(data.ms ?? 0);
      save();
      return send(200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/_today') {
      today = String(data.date);
      save();
      return send(200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/_fail') {
      failRequests = Number(data.requests ?? 0);
      failCancels = Number(data.cancels ?? 0);
      failChecks = Number(data.checks ?? 0);
      return send(200, { ok: true });
    }
    if (req.method === 'POST' && url.pathname === '/_race') {
      races.add(String(data.ref));
      return send(200, { ok: true });
    }
    if (req.method === 'GET' && url.pathname === '/_requests')
      return send(200, { requests: received, cancelled: cancels });
    send(404, { error: 'not found' });
  });
});

server.listen(Number(process.env.TPL_PORT ?? 0), '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening ${typeof addr === 'object' && addr ? addr.port : ''}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
