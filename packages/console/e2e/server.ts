import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_NOW } from './clock';

const here = path.dirname(fileURLToPath(import.meta.url));
export const consoleDir = path.resolve(here, '..');
export const serverDir = path.resolve(consoleDir, process.env.JXC_E2E_SERVER_DIR ?? '../server');

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

async function waitFor(url: string, child: ChildProcess, log: () => string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not yet */
    }
    // polling a process that is starting: the only wait here is for its health check to answer
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not answer ${url} within ${ms} ms:\n${log()}`);
}

export interface E2EServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real server in demo mode on a free port with a fresh SQLite file of its own, on the e2e clock
 * (E2E_NOW), serving the built console. global-setup starts the one all specs share; a spec that changes
 * what every other spec relies on (closing a period) starts one of its own (own-server.ts).
 */
export async function startServer(env: Record<string, string> = {}, ms = 90_000): Promise<E2EServer> {
  const dist = path.join(consoleDir, 'dist', 'index.html');
  if (!fs.existsSync(dist))
    throw new Error('packages/console/dist is missing: run `pnpm --filter @jxc/console build` first');
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
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // never leave a server behind, even when the runner itself crashes
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/healthz`, child, () => output, ms);
  } catch (e) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return {
    url,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
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
      }
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}
