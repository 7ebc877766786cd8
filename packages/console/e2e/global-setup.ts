import { spawn } from 'node:child_process';
import path from 'node:path';
import { serverDir, startServer } from './server';

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
  const server = await startServer({ JXC_EXPORT_BACKGROUND_ROWS: String(E2E_EXPORT_BACKGROUND_ROWS) });
  process.env.E2E_BASE_URL = server.url;
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
    process.off('exit', killSim);
    simshop.child.kill('SIGTERM');
    await server.stop();
  };
}
