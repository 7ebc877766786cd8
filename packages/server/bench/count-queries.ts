/**
 * Preloaded into the benchmark's API process (`-r`): counts the statements the process sends to
 * MariaDB (each call is one round trip, START TRANSACTION and COMMIT included; a packet of several
 * statements on the posting pool, `core/write-batch`, is one call, its statements counted in
 * `statementsInPackets`) and times the gap-free
 * number counter — how long its UPDATE takes (the lock wait, at concurrency) and how long the row
 * stays locked afterwards (until COMMIT or ROLLBACK); when the number is taken in the last packet,
 * that packet's time is the first figure and nothing follows it. On SIGUSR2 it prints one JSON line
 * `JXC_QUERY_COUNTS {...}` to stdout with the totals so far.
 */
import { MysqlQueryRunner } from 'typeorm/driver/mysql/MysqlQueryRunner';

const totals = { statements: 0, statementsInPackets: 0, counterUpdates: 0, counterUpdateMs: 0, counterHeldMs: 0 };
const heldSince = new WeakMap<object, number>();
const original = MysqlQueryRunner.prototype.query;
MysqlQueryRunner.prototype.query = async function (this: MysqlQueryRunner, query: string, ...rest: unknown[]) {
  totals.statements++;
  // (counted without splitting the text: the split cost the API process 0.6% of its CPU)
  let n = 1;
  for (let at = query.indexOf(';\n'); at >= 0; at = query.indexOf(';\n', at + 2)) n++;
  totals.statementsInPackets += n;
  // (a posting's last packet ends with its COMMIT)
  const end = query === 'COMMIT' || query === 'ROLLBACK' || query.endsWith(';\nCOMMIT');
  // (the number taken on its own, or in the posting's last packet: then that packet's time is the figure)
  const counter =
    query.startsWith('UPDATE doc_sequence') ||
    query.startsWith('INSERT INTO doc_sequence') ||
    (end && query.includes('INSERT INTO doc_sequence'));
  const started = performance.now();
  try {
    return await (original as (...a: unknown[]) => Promise<unknown>).call(this, query, ...rest);
  } finally {
    const at = performance.now();
    if (counter) {
      totals.counterUpdates++;
      totals.counterUpdateMs += at - started;
      if (!end) heldSince.set(this, at);
    } else if (end && heldSince.has(this)) {
      totals.counterHeldMs += at - heldSince.get(this)!;
      heldSince.delete(this);
    }
  }
} as typeof original;
process.on('SIGUSR2', () => process.stdout.write(`JXC_QUERY_COUNTS ${JSON.stringify(totals)}\n`));
