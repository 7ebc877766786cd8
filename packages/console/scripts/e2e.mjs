#!/usr/bin/env node
// `pnpm run test:e2e [-- ] [files or playwright options]`: builds the console, then runs Playwright in
// Debian's Chromium. pnpm passes a `--` through, after which Playwright would ignore the file filter
// and run every spec, so it is dropped here.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2).filter((a) => a !== '--');
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const run = (cmd, argv) => spawnSync(cmd, argv, { stdio: 'inherit', env }).status ?? 1;
const built = run('pnpm', ['run', 'build']);
process.exit(built !== 0 ? built : run('playwright', ['test', ...args]));
