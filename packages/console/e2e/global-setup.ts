import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_NOW } from './clock';

const here = path.dirname(fileURLToPath(import.meta.url));
const consoleDir = path.resolve(here, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, log: () => string, ms = 90_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms:\n${log()}`);
}

/** Exports of more rows than this run in the background on the e2e server (downloads.spec.ts makes one). */
export const E2E_EXPORT_BACKGROUND_ROWS = 60;

/** The SimShop simulator's account in the e2e (integration-platforms.spec.ts connects a store with it). */
export const E2E_SIMSHOP = { key: 'e2e-key', secret: 'e2e-secret', sku: 'A001-04', orders: 5 };

/** A platform simulator (server/src/simulators) as its own process on a free port; resolves with its URL. */
async function startSimulator(serverDir: string, file: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(serverDir, 'src/simulators', file)], {
    cwd: serverDir,
    env: { ...process.env, SIM_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${file} exited (${code})`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

/**
 * Starts the real server in demo mode on a free port with a fresh SQLite file, serving the built
 * console (build first: `pnpm test:e2e` does). Tests read the address from E2E_BASE_URL.
 */
export default async function globalSetup() {
  const dist = path.join(consoleDir, 'dist', 'index.html');
  if (!fs.existsSync(dist))
    throw new Error('packages/console/dist is missing: run `pnpm --filter @jxc/console build` first');
  const serverDir = path.resolve(consoleDir, process.env.JXC_E2E_SERVER_DIR ?? '../server');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jxc-e2e-'));
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(serverDir, 'src/main.ts')], {
    cwd: serverDir,
    env: {
      ...process.env,
      JXC_MODE: 'demo',
      PORT: String(port),
      JXC_HOST: '127.0.0.1',
      JXC_DATABASE_URL: `sqlite:${path.join(tmp, 'e2e.sqlite')}`,
      JXC_CONSOLE_DIR: path.join(consoleDir, 'dist'),
      JXC_INTROSPECTION: '0',
      JXC_NOW: E2E_NOW,
      JXC_EXPORT_BACKGROUND_ROWS: String(E2E_EXPORT_BACKGROUND_ROWS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // never leave a server behind, even when the runner itself crashes
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitFor(`${baseURL}/healthz`, child, () => output);
  process.env.E2E_BASE_URL = baseURL;
  // an online platform to connect a store to
  const simshop = await startSimulator(serverDir, 'platform-sim.ts', {
    SIM_ORDERS: String(E2E_SIMSHOP.orders),
    SIM_SKUS: E2E_SIMSHOP.sku,
    SIM_APP_KEY: E2E_SIMSHOP.key,
    SIM_APP_SECRET: E2E_SIMSHOP.secret,
  });
  const killSim = () => simshop.child.kill('SIGKILL');
  process.once('exit', killSim);
  process.env.E2E_SIMSHOP_URL = simshop.url;

  return async () => {
    process.off('exit', killOnExit);
    process.off('exit', killSim);
    simshop.child.kill('SIGTERM');
    child.kill('SIGTERM');
    await new Promise((r) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        r(null);
      }, 5000);
      child.once('exit', () => {
        clearTimeout(timer);
        r(null);
      });
    });
    fs.rmSync(tmp, { recursive: true, force: true });
  };
}
