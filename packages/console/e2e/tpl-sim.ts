import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_NOW } from './clock';
import { expect, test as base } from './fixtures';

/** The 3PL simulator's account in the e2e: every call carries it. */
export const TPL_SIM = { key: 'e2e-key', secret: 'e2e-secret', today: E2E_NOW.slice(0, 10) };

export interface TplSim {
  url: string;
  /** a control or API call (POST with a body, GET without), expected to answer 200 */
  call(p: string, body?: unknown): Promise<any>;
  /** the refs of every request the 3PL received */
  refs(): Promise<string[]>;
}

/**
 * The 3PL simulator (packages/server/src/simulators/tpl-sim.ts) as a fixture: its own process per
 * test, so one test's confirmations and stock never show in another's snapshot; its business day is
 * the e2e server's.
 */
export const test = base.extend<{ tplSim: TplSim }>({
  // Playwright reads the fixture's dependencies from this parameter's pattern, so it must be an (empty) object pattern
  // eslint-disable-next-line no-empty-pattern
  tplSim: async ({}, use) => {
    const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server');
    const proc = spawn(process.execPath, ['-r', '@swc-node/register', 'src/simulators/tpl-sim.ts'], {
      cwd: serverDir,
      env: { ...process.env, TPL_KEY: TPL_SIM.key, TPL_SECRET: TPL_SIM.secret, TPL_TODAY: TPL_SIM.today },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const port = await new Promise<string>((resolve, reject) => {
        let out = '';
        proc.stdout!.on('data', (c) => {
          out += c;
          const m = /listening (\d+)/.exec(out);
          if (m) resolve(m[1]);
        });
        proc.once('exit', (code) => reject(new Error(`the 3PL simulator exited ${code}`)));
      });
      const url = `http://127.0.0.1:${port}`;
      const call = async (p: string, body?: unknown) => {
        const r = await fetch(`${url}${p}`, {
          method: body === undefined ? 'GET' : 'POST',
          headers: {
            authorization: `Bearer ${TPL_SIM.secret}`,
            'x-client-key': TPL_SIM.key,
            'content-type': 'application/json',
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        expect(r.status, `3PL simulator ${p}`).toBe(200);
        return r.json();
      };
      const refs = async () => ((await call('/_requests')).requests as Array<{ ref: string }>).map((x) => x.ref);
      await use({ url, call, refs });
    } finally {
      proc.kill('SIGTERM');
    }
  },
});

export { expect };
