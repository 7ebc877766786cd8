/**
 * Rejection benchmark (issue 11): a real server in its own process, in production mode, receives a
 * few thousand requests it must refuse — fragment bombs, too many characters or tokens, too many
 * directives, a cost too high, anonymous reads, a foreign Origin, a latin1 content type, a corrupt
 * gzip body, broken JSON, and over WebSocket an anonymous connection, a query, a fragment bomb and
 * too many tokens — interleaved, several at a time, and prints p50 / p99 / max per kind and overall.
 * Every answer must be the documented refusal (status and code); a wrong one is counted and fails the run.
 *   pnpm --filter @jxc/server bench:rejections
 * Knobs: JXC_BENCH_REQUESTS (per kind, default 300), JXC_BENCH_CONCURRENCY (8),
 * JXC_BENCH_DB (mariadb, or sqlite), JXC_BENCH_MYSQL_URL (mariadb://root@127.0.0.1:3306),
 * JXC_BENCH_PROFILE=<dir> (a CPU profile of the server process), JXC_BENCH_BUILD=0 (skip the build).
 * The server runs as in production: the tsc build (dist/main.js) under plain node, NODE_ENV=production.
 * Not a test: the figures go into bench/README.md. Target: p99 ≤ 100 ms.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { procCpuMs } from './proc-cpu';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import mysql from 'mysql2/promise';
import WebSocket from 'ws';

const PER_KIND = Number(process.env.JXC_BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.JXC_BENCH_CONCURRENCY ?? 8);
const DB = process.env.JXC_BENCH_DB ?? 'mariadb';
const SERVER = process.env.JXC_BENCH_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306';
const PASSWORD = 'Bench-admin-2026';
const TARGET_P99 = 100;

// n levels of fragments, each spreading the previous one twice: ~1 KB, 2^n fields once expanded
const bomb = (n: number, root = '{ users { items { ...F' + n + ' } } }', on = 'User') => {
  const frags = [`fragment F0 on ${on} { id }`];
  for (let i = 1; i <= n; i++) frags.push(`fragment F${i} on ${on} { ...F${i - 1} ...F${i - 1} }`);
  return `${root} ${frags.join(' ')}`;
};

interface Outcome {
  status: number;
  code?: string;
}

interface Kind {
  name: string;
  expect: Outcome;
  send(): Promise<Outcome>;
}

async function freshDb(): Promise<{ url: string; drop(): Promise<void> }> {
  if (DB === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jxc-bench-'));
    return { url: `sqlite:${path.join(dir, 'db.sqlite')}`, drop: async () => fs.rmSync(dir, { recursive: true }) };
  }
  const name = 'jxc_bench_rejections';
  const conn = await mysql.createConnection(SERVER.replace(/^mariadb:/, 'mysql:'));
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return {
    url: `${SERVER.replace(/\/$/, '')}/${name}`,
    async drop() {
      const c = await mysql.createConnection(SERVER.replace(/^mariadb:/, 'mysql:'));
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

/** CPU seconds the server process has used so far (Linux /proc; NaN elsewhere). */
const cpuOf = (pid: number) => procCpuMs(pid) / 1000;

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] : NaN;

async function main() {
  const db = await freshDb();
  const port = 4800 + Math.floor(Math.random() * 90);
  const root = path.resolve(__dirname, '..');
  // the server as it runs in production: the build (`pnpm build`, tsc) under plain node, NODE_ENV=production
  if (process.env.JXC_BENCH_BUILD !== '0') {
    console.log('building the server (tsc; JXC_BENCH_BUILD=0 to use the last build) …');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  const profile = process.env.JXC_BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.JXC_BENCH_PROFILE}`]
    : [];
  const server = spawn(process.execPath, [...profile, 'dist/main.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JXC_MODE: 'production',
      JXC_DATABASE_URL: db.url,
      PORT: String(port),
      JXC_HOST: '127.0.0.1',
      JXC_CONSOLE_DIR: '/nonexistent',
      JXC_LOG_ERRORS: '0',
      // refusals are written to the security log: kept on (its cost is part of refusing), sent nowhere
      JXC_ADMIN_PASSWORD: PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => String(d).includes('console and API at') && resolve());
    server.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const wsUrl = `ws://127.0.0.1:${port}/graphql`;
  try {
    const post = async (body: string | Buffer, headers: Record<string, string> = {}): Promise<Outcome> => {
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      const text = await res.text();
      let code: string | undefined;
      try {
        code = JSON.parse(text).errors?.[0]?.extensions?.code;
      } catch {
        code = `unreadable: ${text.slice(0, 60)}`;
      }
      return { status: res.status, code };
    };
    const q = (query: string) => JSON.stringify({ query });
    const login = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: q(`mutation { login(username:"admin", password:"${PASSWORD}") { token } }`),
    });
    const token: string = ((await login.json()) as any).data.login.token;
    const auth = { authorization: `Bearer ${token}` };

    /** A connection refused at once: anonymous (closed 4403 after connection_init) or from a foreign Origin (403). */
    const wsConnect = (origin?: string) =>
      new Promise<Outcome>((resolve) => {
        const sock = new WebSocket(wsUrl, 'graphql-transport-ws', origin ? { headers: { origin } } : {});
        const done = (o: Outcome) => {
          sock.removeAllListeners();
          sock.on('error', () => undefined);
          sock.terminate();
          resolve(o);
        };
        sock.on('open', () => sock.send(JSON.stringify({ type: 'connection_init', payload: {} })));
        sock.on('message', () => done({ status: 101, code: 'ACK' }));
        sock.on('close', (c) => done({ status: 101, code: `close ${c}` }));
        sock.on('unexpected-response', (_req, res) => done({ status: res.statusCode ?? 0, code: 'refused' }));
        sock.on('error', () => done({ status: 0, code: 'socket error' }));
      });

    /** Signed-in sockets, one per worker: an operation refused over WebSocket is one message and its answer. */
    const openSocket = () =>
      new Promise<{ send(query: string): Promise<Outcome> }>((resolve, reject) => {
        const sock = new WebSocket(wsUrl, 'graphql-transport-ws');
        const waiting = new Map<string, (o: Outcome) => void>();
        let n = 0;
        sock.on('open', () =>
          sock.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
        );
        sock.on('error', reject);
        sock.on('message', (m) => {
          const msg = JSON.parse(String(m));
          if (msg.type === 'connection_ack')
            return resolve({
              send: (query) =>
                new Promise<Outcome>((answer) => {
                  const id = String(++n);
                  waiting.set(id, answer);
                  sock.send(JSON.stringify({ id, type: 'subscribe', payload: { query } }));
                }),
            });
          const answer = waiting.get(msg.id);
          if (!answer) return;
          waiting.delete(msg.id);
          if (msg.type === 'error') answer({ status: 101, code: msg.payload?.[0]?.extensions?.code });
          else answer({ status: 101, code: msg.payload?.errors?.[0]?.extensions?.code ?? msg.type });
        });
      });
    const sockets = await Promise.all(Array.from({ length: CONCURRENCY + 1 }, openSocket));
    let worker = 0;
    const ws = (query: string) => sockets[worker++ % sockets.length].send(query);

    const tokens2100 = Array.from({ length: 2100 }, () => 'id').join(' ');
    const gz = gzipSync(q('{ me { roles } }'));
    const kinds: Kind[] = [
      {
        name: 'fragment bomb (30 levels), anonymous',
        expect: { status: 400, code: 'QUERY_TOO_COMPLEX' },
        send: () => post(q(bomb(30))),
      },
      {
        name: 'fragment bomb (30 levels), signed in',
        expect: { status: 400, code: 'QUERY_TOO_COMPLEX' },
        send: () => post(q(bomb(30)), auth),
      },
      {
        name: 'more than 15,000 characters',
        expect: { status: 400, code: 'QUERY_TOO_LARGE' },
        send: () => post(q(`{ me { roles } } # ${'x'.repeat(15_000)}`)),
      },
      {
        name: 'more than 2,000 tokens',
        expect: { status: 400, code: 'QUERY_TOO_LARGE' },
        send: () => post(q(`{ me { user { ${tokens2100} } } }`)),
      },
      {
        name: '11 directives',
        expect: { status: 400, code: 'QUERY_TOO_COMPLEX' },
        send: () => post(q(`{ me { ${Array.from({ length: 11 }, () => 'roles @include(if: true)').join(' ')} } }`)),
      },
      {
        name: 'cost above 5,000',
        expect: { status: 400, code: 'QUERY_TOO_COMPLEX' },
        send: () =>
          post(q(`{ users(page: { limit: 200 }) { items { ${Array.from({ length: 26 }, () => 'id').join(' ')} } } }`)),
      },
      {
        name: 'unauthenticated read',
        expect: { status: 200, code: 'UNAUTHENTICATED' },
        send: () => post(q('{ users { total } }')),
      },
      {
        name: 'session cookie from a foreign Origin',
        expect: { status: 403, code: 'ORIGIN_NOT_ALLOWED' },
        send: () => post(q('{ me { roles } }'), { cookie: `jxc_session=${token}`, origin: 'https://evil.example' }),
      },
      {
        name: 'content-type charset=latin1',
        expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' },
        send: () => post(q('{ me { roles } }'), { 'content-type': 'application/json; charset=latin1' }),
      },
      {
        name: 'corrupt gzip body',
        expect: { status: 400, code: 'BAD_REQUEST' },
        send: () => post(Buffer.concat([gz.subarray(0, 12), Buffer.from('garbage')]), { 'content-encoding': 'gzip' }),
      },
      {
        name: 'invalid JSON',
        expect: { status: 400, code: 'BAD_REQUEST' },
        send: () => post('{"query": '),
      },
      {
        name: 'WS: anonymous connection',
        expect: { status: 101, code: 'close 4403' },
        send: () => wsConnect(),
      },
      {
        name: 'WS: connection from a foreign Origin',
        expect: { status: 403, code: 'refused' },
        send: () => wsConnect('https://evil.example'),
      },
      {
        name: 'WS: a query (subscriptions only)',
        expect: { status: 101, code: 'OPERATION_NOT_ALLOWED' },
        send: () => ws('{ me { roles } }'),
      },
      {
        name: 'WS: fragment bomb (30 levels)',
        expect: { status: 101, code: 'QUERY_TOO_COMPLEX' },
        send: () => ws(bomb(30, 'subscription { auditLogged { ...F30 } }', 'AuditEntry')),
      },
      {
        name: 'WS: more than 2,000 tokens',
        expect: { status: 101, code: 'QUERY_TOO_LARGE' },
        send: () => ws(`subscription { auditLogged { ${tokens2100} } }`),
      },
    ];

    // every kind once, to check the answers before measuring (and warm the server up)
    for (const k of kinds) {
      const o = await k.send();
      if (o.status !== k.expect.status || o.code !== k.expect.code)
        throw new Error(`${k.name}: expected ${JSON.stringify(k.expect)}, got ${JSON.stringify(o)}`);
    }

    // the same requests for every run: PER_KIND of each kind, interleaved in a fixed shuffled order
    let seed = 11;
    const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
    const plan = kinds.flatMap((k) => Array.from({ length: PER_KIND }, () => k));
    for (let i = plan.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [plan[i], plan[j]] = [plan[j], plan[i]];
    }
    const times = new Map<string, number[]>(kinds.map((k) => [k.name, []]));
    const wrong: string[] = [];
    let next = 0;
    const cpu0 = process.cpuUsage();
    const serverCpu0 = cpuOf(server.pid!);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < plan.length) {
          const k = plan[next++];
          const t0 = performance.now();
          const o = await k.send();
          times.get(k.name)!.push(performance.now() - t0);
          if (o.status !== k.expect.status || o.code !== k.expect.code) wrong.push(`${k.name}: ${JSON.stringify(o)}`);
        }
      }),
    );
    const wall = (performance.now() - started) / 1000;
    const clientCpu = process.cpuUsage(cpu0);
    const serverCpu = cpuOf(server.pid!) - serverCpu0;

    const fmt = (x: number) => x.toFixed(1).padStart(8);
    console.log(
      `jxc rejection benchmark — ${new Date().toISOString()} — ${plan.length} requests (${PER_KIND} × ${kinds.length} kinds), concurrency ${CONCURRENCY}, ${DB}, ${os.cpus().length} cores, load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    console.log(`${'kind'.padEnd(44)}  p50 ms   p99 ms   max ms`);
    const all: number[] = [];
    for (const k of kinds) {
      const xs = times.get(k.name)!.sort((a, b) => a - b);
      all.push(...xs);
      console.log(`${k.name.padEnd(44)}${fmt(quantile(xs, 0.5))} ${fmt(quantile(xs, 0.99))} ${fmt(xs.at(-1)!)}`);
    }
    all.sort((a, b) => a - b);
    const p99 = quantile(all, 0.99);
    console.log(`${'all'.padEnd(44)}${fmt(quantile(all, 0.5))} ${fmt(p99)} ${fmt(all.at(-1)!)}`);
    console.log(
      `\n${(plan.length / wall).toFixed(0)} refusals/s; server CPU ${((serverCpu * 1000) / plan.length).toFixed(2)} ms per refusal (${((serverCpu / wall) * 100).toFixed(0)}% of a core); client CPU ${((clientCpu.user + clientCpu.system) / 1000 / wall / 10).toFixed(0)}% of a core; wrong answers: ${wrong.length}`,
    );
    for (const w of wrong.slice(0, 10)) console.log(`  ${w}`);
    console.log(`target p99 ≤ ${TARGET_P99} ms: ${p99 <= TARGET_P99 ? 'met' : 'MISSED'}`);
    if (wrong.length) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    await db.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
