/**
 * A revealed lucky draw re-derived in the browser (Web Crypto), from the same JSON as
 * scripts/verify-draw.mjs reads, by the same rule as the server's domain/promotions/draw.ts:
 * SHA-256(seed) = the published hash; roll = floor(first 6 bytes of HMAC-SHA256(seed, entry id) × 10⁶ / 2⁴⁸);
 * the first prize whose cumulative odds (ppm) exceed the roll; entries in id order, a prize given out
 * to lower ids gives nothing ("exhausted"); a NONE prize counts as nothing won. An entry marked
 * budgetSpent picked a prize with units left whose cost did not fit the budget (costs are not published:
 * only the pick is checked here; the server's verification checks the budget's arithmetic).
 */
export interface DrawExport {
  draw: string;
  seedHash: string | null;
  seed: string | null;
  prizes: Array<{ id: string; name: string; kind: string; odds: string; quantity: number | null }>;
  entries: Array<{ id: string; roll: number | null; prize: string | null; exhausted: boolean; budgetSpent?: boolean }>;
}

export interface BrowserCheck {
  hashMatches: boolean;
  entries: number;
  mismatches: Array<{ entryId: string; expected: string; stored: string }>;
}

const hex = (b: ArrayBuffer) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
const bytes = (h: string) => new Uint8Array(h.match(/../g)!.map((x) => parseInt(x, 16)));
const ppm = (odds: string) => {
  const [i, f = ''] = odds.split('.');
  return Number(i) * 10_000 + Number((f + '0000').slice(0, 4));
};

/** Whether this page may use Web Crypto (a secure context: HTTPS or localhost). */
export const browserCanVerify = () => typeof crypto !== 'undefined' && !!crypto.subtle;

export async function verifyInBrowser(d: DrawExport): Promise<BrowserCheck> {
  const seed = bytes(d.seed ?? '');
  const hashMatches = hex(await crypto.subtle.digest('SHA-256', seed)) === d.seedHash;
  const key = await crypto.subtle.importKey('raw', seed, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const left: Record<string, number> = {};
  for (const p of d.prizes) if (p.kind !== 'NONE') left[p.id] = p.quantity ?? 0;
  const entries = [...d.entries].sort((a, b) => Number(a.id) - Number(b.id));
  const mismatches: BrowserCheck['mismatches'] = [];
  const show = (roll: number | null, prize: string | null, exhausted: boolean, budgetSpent = false) =>
    `${roll ?? '-'} / ${prize ?? '-'}${exhausted ? ' / exhausted' : ''}${budgetSpent ? ' / budget spent' : ''}`;
  for (const e of entries) {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(String(e.id))));
    let n = 0n;
    for (let i = 0; i < 6; i++) n = (n << 8n) | BigInt(mac[i]);
    const roll = Number((n * 1_000_000n) >> 48n);
    let cum = 0;
    const picked = d.prizes.find((p) => roll < (cum += ppm(p.odds))) ?? null;
    let prize: string | null = null;
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
    const expected = show(roll, prize, exhausted, budgetSpent);
    const stored = show(e.roll, e.prize, e.exhausted, !!e.budgetSpent);
    if (expected !== stored) mismatches.push({ entryId: e.id, expected, stored });
  }
  return { hashMatches, entries: entries.length, mismatches };
}
