import { Decimal } from 'decimal.js';
import type { SimulatorAddress } from '../core/config';
import { today } from '../core/dates';
import { skuLines } from '../modules/catalog';
import { costHeads, StockDocType } from '../modules/stock';
import { Warehouse } from '../modules/stock/warehouse.entity';
import type { Services } from '../services';
import { contextFor } from './context';

/**
 * The demo's third-party warehouse: CN3P (菜鸟第三方仓) put under a connection to the 3PL simulator
 * scripts/demo.sh started (`tpl` in JXC_SIMULATORS), after the year of stock was posted. The
 * simulator is told it holds what the book says, but 2 fewer of the first SKU; then a transfer out
 * to SH01 is requested and a transfer from SH01 leaves for CN3P (its advance notice): the request
 * comes back short (posted, with a review item), the notice in full (the transfer is received);
 * a second transfer out is left for the simulator
 * to confirm by itself once the server runs (its automatic confirmations are switched on last), so
 * the pull is seen at work; the day's snapshot is reconciled (the difference waits for a person).
 */
export async function seedDemoTpl(services: Services, sim: SimulatorAddress): Promise<string> {
  const { ds, tpl } = services;
  const admin = await contextFor(ds, services, 'admin');
  const call = async (path: string, body: unknown) => {
    const r = await fetch(`${sim.baseUrl.replace(/\/$/, '')}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sim.secret}`, 'x-client-key': sim.key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`the 3PL simulator answered ${r.status} to ${path}`);
  };
  const w = await ds.getRepository(Warehouse).findOneByOrFail({ code: 'CN3P' });
  const sh = await ds.getRepository(Warehouse).findOneByOrFail({ code: 'SH01' });

  // what the 3PL holds: the book, but 2 fewer of the first SKU (the snapshot's difference)
  await call('/_reset', { date: today() });
  const heads = (await costHeads(ds.manager, w.id)).filter((h) => new Decimal(h.qty).gt(0));
  heads.sort((a, b) => a.skuId - b.skuId);
  const names = await skuLines(
    ds.manager,
    heads.map((h) => h.skuId),
  );
  for (const [i, h] of heads.entries()) {
    const qty = new Decimal(h.qty).minus(i === 0 ? 2 : 0);
    await call('/_stock', { sku: names.get(h.skuId)!.sku.code, qty: qty.toFixed() });
  }
  const c = await tpl.connect(admin, {
    name: '菜鸟仓配（模拟）',
    warehouseId: String(w.id),
    baseUrl: sim.baseUrl,
    clientKey: sim.key,
    secret: sim.secret,
  });
  // two SKUs with at least 10 on hand (after the difference), for the requests
  const pick = heads.slice(1).filter((h) => new Decimal(h.qty).gte(10));
  const [a, b] = [pick[0], pick[1]];
  // and one SH01 holds enough of, to send to CN3P
  const d = (await costHeads(ds.manager, sh.id))
    .filter((h) => new Decimal(h.qty).gte(10))
    .sort((x, y) => x.skuId - y.skuId)[0];
  const shortOne = await tpl.requestTransfer(admin, {
    warehouseId: String(w.id),
    toWarehouseId: String(sh.id),
    lines: [
      { skuId: String(a.skuId), qty: '4' },
      { skuId: String(b.skuId), qty: '2' },
    ],
  });
  // a transfer from SH01 leaves for CN3P: its advance notice is written with the departure
  const leaving = await services.stockDocuments.createAndPost(
    admin,
    {
      type: StockDocType.TRANSFER,
      warehouseId: String(sh.id),
      toWarehouseId: String(w.id),
      memo: '补货到菜鸟仓',
      lines: [{ skuId: String(d.skuId), qty: '3' }],
    },
    'demo-tpl-transfer-in',
  );
  const inbound = (await tpl.requests(String(c.id))).find(
    (r) => r.sourceType === 'stock_document' && r.sourceId === leaving.id,
  )!;
  await tpl.sendRequests();
  await call('/_confirm', {
    ref: shortOne.ref,
    lines: [
      { line: '1', qty: '3' },
      { line: '2', qty: '2' },
    ],
  });
  await call('/_confirm', { ref: inbound.ref });
  await tpl.pull(c.id);
  await tpl.reconcile(admin, c.id);
  // the last one goes when the server runs: sent by the worker, confirmed by the simulator on its own
  await tpl.requestTransfer(admin, {
    warehouseId: String(w.id),
    toWarehouseId: String(sh.id),
    lines: [{ skuId: String(b.skuId), qty: '1' }],
  });
  await call('/_auto', { ms: 15_000 });
  return `a 3PL connection on ${w.code} (${sim.baseUrl}) with 3 requests`;
}
