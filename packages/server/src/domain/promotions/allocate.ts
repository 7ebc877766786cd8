/**
 * An order-level reduction (满减, order percent, a coupon) spread over the lines it covers: in
 * proportion to their net amounts, each share half-up to the cent, the rounding remainder to the
 * largest line (ties: the first). No share exceeds what its line holds, so no line goes below zero;
 * a reduction larger than the lines hold is cut to what they hold.
 */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  let sum = 0n;
  for (const w of weights) sum += w;
  const shares = weights.map(() => 0n);
  const amount = total < sum ? total : sum;
  if (amount <= 0n) return shares;
  let given = 0n;
  for (let i = 0; i < weights.length; i++) {
    // amount ≤ sum, so each rounded share stays within its weight (both are whole cents)
    shares[i] = (amount * weights[i] * 2n + sum) / (2n * sum);
    given += shares[i];
  }
  let rest = amount - given;
  if (rest === 0n) return shares;
  // the remainder is a few cents: the largest line (the first of equals) nearly always takes it whole
  let top = 0;
  for (let i = 1; i < weights.length; i++) if (weights[i] > weights[top]) top = i;
  if (rest > 0n ? weights[top] - shares[top] >= rest : shares[top] >= -rest) {
    shares[top] += rest;
    return shares;
  }
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => (weights[b] > weights[a] ? 1 : weights[b] < weights[a] ? -1 : a - b));
  for (const i of order) {
    if (rest === 0n) break;
    if (rest > 0n) {
      const room = weights[i] - shares[i];
      const take = room < rest ? room : rest;
      shares[i] += take;
      rest -= take;
    } else {
      const take = shares[i] < -rest ? shares[i] : -rest;
      shares[i] -= take;
      rest += take;
    }
  }
  return shares;
}
