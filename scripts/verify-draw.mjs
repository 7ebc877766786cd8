#!/usr/bin/env node
// Re-derives every result of a revealed jxc lucky draw (抽奖) from its seed, with nothing but Node's crypto.
//
//   node scripts/verify-draw.mjs draw.json        (or: ... | node scripts/verify-draw.mjs -)
//
// draw.json is what the console's audit page downloads (the GraphQL query luckyDrawExport(id)):
//   { draw, seedHash, seed, prizes: [{ id, name, kind, odds, quantity }], entries: [{ id, roll, prize, exhausted }] }
// The rule (the same as packages/server/src/domain/promotions/draw.ts):
//   SHA-256(seed bytes) must equal the hash published when the draw opened;
//   roll = floor(first 6 bytes of HMAC-SHA256(key = seed bytes, message = entry id in decimal) × 10^6 / 2^48);
//   the prize is the first, in the order listed, whose cumulative odds (percent × 10^4) exceed the roll;
//   entries are settled in ascending id order, and a prize whose quantity lower ids used up gives nothing
//   ("exhausted"); a NONE prize (谢谢参与) counts as nothing won. An entry the draw marks "budgetSpent"
//   picked a prize with units left whose cost no longer fitted the budget: it wins nothing and the units
//   stay. The costs are not published (they are the company's), so this script checks that such an
//   entry's roll picked a prize with units left, not the budget's arithmetic (the server's verify does).
// Exit code 0: the hash and every result match; 1: something does not (each mismatch is printed).
import crypto from 'node:crypto';
import fs from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/verify-draw.mjs <draw.json | ->');
  process.exit(2);
}
const d = JSON.parse(fs.readFileSync(file === '-' ? 0 : file, 'utf8'));
if (!/^[0-9a-f]{64}$/.test(d.seed ?? '')) {
  console.error(`draw ${d.draw}: the seed is not revealed yet (published hash ${d.seedHash}).`);
  process.exit(1);
}
const key = Buffer.from(d.seed, 'hex');
const hash = crypto.createHash('sha256').update(key).digest('hex');
let bad = 0;
if (hash !== d.seedHash) {
  console.log(`hash MISMATCH: SHA-256(seed) = ${hash}, published ${d.seedHash}`);
  bad++;
}
const ppm = (odds) => {
  const [i, f = ''] = String(odds).split('.');
  return Number(i) * 10_000 + Number((f + '0000').slice(0, 4));
};
const left = Object.fromEntries(d.prizes.filter((p) => p.kind !== 'NONE').map((p) => [p.id, p.quantity]));
const entries = [...d.entries].sort((a, b) => Number(a.id) - Number(b.id));
for (const e of entries) {
  const mac = crypto.createHmac('sha256', key).update(String(e.id), 'ascii').digest();
  const roll = Number((BigInt('0x' + mac.subarray(0, 6).toString('hex')) * 1_000_000n) >> 48n);
  let cum = 0;
  const picked = d.prizes.find((p) => roll < (cum += ppm(p.odds))) ?? null;
  let prize = null;
  let exhausted = false;
  let budgetSpent = false;
  if (picked && picked.kind !== 'NONE') {
    if (!(left[picked.id] > 0)) exhausted = true;
    else if (e.budgetSpent) budgetSpent = true;
    else {
      left[picked.id]--;
      prize = picked.id;
    }
  }
  if (
    roll !== e.roll ||
    prize !== (e.prize ?? null) ||
    exhausted !== !!e.exhausted ||
    budgetSpent !== !!e.budgetSpent
  ) {
    bad++;
    const note = (x, b) => (x ? ' (exhausted)' : '') + (b ? ' (budget spent)' : '');
    console.log(
      `entry ${e.id}: expected roll ${roll} prize ${prize ?? '-'}${note(exhausted, budgetSpent)}; ` +
        `the draw says roll ${e.roll} prize ${e.prize ?? '-'}${note(e.exhausted, e.budgetSpent)}`,
    );
  }
}
console.log(
  bad
    ? `draw ${d.draw}: ${bad} MISMATCH(ES) over ${entries.length} entries`
    : `draw ${d.draw}: OK, the seed matches its hash and all ${entries.length} results match`,
);
process.exit(bad ? 1 : 0);
