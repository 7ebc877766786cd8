/**
 * Summarises a V8 CPU profile of the API process (`JXC_BENCH_PROFILE=<dir> pnpm bench`) over the
 * posting window (from the first to the last sample whose stack holds `postStockDocument`): self
 * time by package or source file, self time by function, inclusive time by function.
 *   node -r @swc-node/register bench/cpuprofile-summary.ts <file.cpuprofile> [marker] [rows]
 */
import fs from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const [file, marker = 'postStockDocument', rows = '60'] = process.argv.slice(2);
if (!file) throw new Error('usage: cpuprofile-summary.ts <file.cpuprofile> [marker] [rows]');
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const PACKAGE = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/;
const where = (url: string) =>
  PACKAGE.exec(url)?.[1] ?? url.replace(/^file:\/\//, '').replace(/.*\/packages\/server\//, '');
const label = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
const group = (n: ProfileNode) => {
  const url = n.callFrame.url;
  if (!url) return n.callFrame.functionName || '(native)';
  const pkg = PACKAGE.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  return where(url).split('/').slice(0, 3).join('/');
};
const stack = (id: number) => {
  const out: ProfileNode[] = [];
  for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) out.push(nodes.get(x)!);
  return out;
};

const times: number[] = [];
let t = profile.startTime;
for (const d of profile.timeDeltas) times.push((t += d));
let first = -1;
let last = -1;
profile.samples.forEach((id, i) => {
  if (!stack(id).some((n) => n.callFrame.functionName.includes(marker))) return;
  if (first < 0) first = i;
  last = i;
});
if (first < 0) throw new Error(`no sample under ${marker}`);

const self = new Map<string, number>();
const inclusive = new Map<string, number>();
const groups = new Map<string, number>();
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
let busy = 0;
let idle = 0;
for (let i = first; i <= last; i++) {
  const dt = (times[i + 1] ?? times[i]) - times[i];
  const s = stack(profile.samples[i]);
  if (s[0].callFrame.functionName === '(idle)') {
    idle += dt;
    continue;
  }
  busy += dt;
  add(self, label(s[0]), dt);
  add(groups, group(s[0]), dt);
  for (const l of new Set(s.map(label))) add(inclusive, l, dt);
}
const ms = (us: number) => (us / 1000).toFixed(1);
console.log(`posting window ${ms(times[last] - times[first])} ms: busy ${ms(busy)} ms, idle ${ms(idle)} ms`);
const top = (m: Map<string, number>, title: string, n: number) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${ms(v).padStart(9)} ${((100 * v) / busy).toFixed(1).padStart(5)}%  ${k}`);
};
top(groups, 'self time by package or file', 25);
top(self, 'self time by function', 40);
top(inclusive, 'inclusive time by function', Number(rows));
