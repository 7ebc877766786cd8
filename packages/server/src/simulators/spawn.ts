import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export type SimulatorKind = 'simshop' | 'pagemall' | 'tpl';

const FILES: Record<SimulatorKind, string> = {
  simshop: 'platform-sim.ts',
  pagemall: 'pagemall-sim.ts',
  tpl: 'tpl-sim.ts',
};

/**
 * Starts a platform (or 3PL) simulator as its own process on localhost (port 0: any free one unless SIM_PORT
 * says) and resolves with its URL once it listens. The tests, the e2e setup and the demo use it.
 */
export async function startSimulator(
  kind: SimulatorKind,
  env: Record<string, string> = {},
): Promise<{ url: string; port: number; proc: ChildProcess; stop: () => void }> {
  const proc = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, FILES[kind])], {
    cwd: path.join(__dirname, '../..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c) => {
      out += c;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    proc.once('exit', (code) => reject(new Error(`the ${kind} simulator exited (${code})`)));
  });
  return { url: `http://127.0.0.1:${port}`, port, proc, stop: () => void proc.kill('SIGTERM') };
}
