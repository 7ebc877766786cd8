// Adds up the JSON reports of vitest and Playwright into one closing line: "N passed, N failed".
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0,
  failed = 0,
  skipped = 0;
const lines = [];
for (const f of fs.existsSync(dir)
  ? fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort()
  : []) {
  const r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
  let p = 0,
    x = 0,
    s = 0;
  if ('numPassedTests' in r) {
    p = r.numPassedTests;
    x = r.numFailedTests;
    s = r.numPendingTests + (r.numTodoTests ?? 0);
  } else if (r.stats) {
    p = r.stats.expected + (r.stats.flaky ?? 0);
    x = r.stats.unexpected;
    s = r.stats.skipped;
  }
  passed += p;
  failed += x;
  skipped += s;
  lines.push(`  ${f.replace('.json', '')}: ${p} passed, ${x} failed${s ? `, ${s} skipped` : ''}`);
}
console.log(lines.join('\n'));
if (passed + failed === 0) {
  console.log('no tests ran');
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
