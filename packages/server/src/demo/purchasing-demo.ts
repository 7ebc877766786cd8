import Decimal from 'decimal.js';
import type { DataSource } from 'typeorm';
import { addDays, today } from '../core/dates';
import { SupplierStatus } from '../modules/partners/supplier.entity';
import { StockDocType } from '../modules/stock/stock-document.entity';
import type { Services } from '../services';
import { contextFor } from './context';

/**
 * Demo purchasing: six suppliers (one suspended, one candidate, one whose licence lapses within
 * the month, one flagged for two late deliveries in a row), price agreements with history, and
 * orders in every status with receipts (rejections, late deliveries), a return, invoices and a
 * payment — all through the services, so approvals, postings and payables are real.
 */
export async function seedDemoPurchasing(services: Services): Promise<{ suppliers: number; orders: number }> {
  const ds: DataSource = services.ds;
  const as = async (u: string) => contextFor(ds, services, u);
  const [purchaser, manager, keeper, accountant] = [
    await as('purchaser'),
    await as('manager'),
    await as('warehouse'),
    await as('accountant'),
  ];
  const t = today();
  const ago = (n: number) => addDays(t, -n);
  const [wh] = await ds.query('SELECT id FROM warehouse ORDER BY id LIMIT 1');
  const W = String(wh.id);
  const skusOf = async (categoryCode: string, n: number) =>
    (
      await ds.query(
        `SELECT s.id, s.ref_purchase_price FROM sku s JOIN product p ON p.id = s.product_id JOIN category c ON c.id = p.category_id
        WHERE c.code = ? AND p.batch_tracked = ? ORDER BY s.id LIMIT ${n}`,
        [categoryCode, false],
      )
    ).map((r: any) => ({ id: String(r.id), price: new Decimal(r.ref_purchase_price ?? 10) }));

  const suppliers = services.suppliers;
  const mk = (
    code: string,
    name: string,
    status: SupplierStatus,
    leadTimeDays: number,
    contactPerson: string,
    phone: string,
  ) =>
    suppliers.create(purchaser, {
      code,
      name,
      status,
      leadTimeDays,
      paymentTermsDays: 30,
      contactPerson,
      phone,
      address: '',
      memo: '',
    });
  const tea = await mk('S001', '杭州龙井茶业有限公司', SupplierStatus.APPROVED, 5, '王经理', '0571-8888 1234');
  const grain = await mk('S002', '五常稻香粮油', SupplierStatus.APPROVED, 7, '刘女士', '0451-5555 6789');
  const apparel = await mk('S003', '优品服饰（广州）', SupplierStatus.APPROVED, 10, '陈先生', '020-3333 2222');
  const digital = await mk('S004', '极客数码配件', SupplierStatus.APPROVED, 4, '赵工', '0755-2666 8888');
  const home = await mk('S005', '暖居家居用品', SupplierStatus.SUSPENDED, 6, '孙小姐', '0574-8777 1111');
  await mk('S006', '山川户外（候选）', SupplierStatus.CANDIDATE, 14, '周总', '028-8555 0000');
  const qual = (s: { id: number }, kind: string, number: string, expiresOn: string) =>
    suppliers.addQualification(purchaser, { supplierId: String(s.id), kind, number, expiresOn, required: true });
  await qual(tea, '营业执照', '91330100MA2KXXXX1', '2030-12-31');
  await qual(tea, '食品经营许可证', 'JY13301000000001', addDays(t, 400));
  await qual(grain, '营业执照', '91230100MA1BXXXX2', '2029-06-30');
  await qual(grain, '食品经营许可证', 'JY12301000000002', addDays(t, 20)); // lapses this month: a warning
  await qual(apparel, '营业执照', '91440100MA5CXXXX3', '2031-01-31');
  await qual(digital, 'ISO9001', 'CN-ISO-2024-0042', addDays(t, 200));
  await qual(home, '营业执照', '91330200MA2DXXXX4', ago(30)); // expired, and the supplier is suspended

  // agreements: last year's price and this year's (history), with pack sizes and MOQs
  const agree = async (s: { id: number }, skus: Array<{ id: string; price: Decimal }>, pack: string, moq: string) => {
    for (const k of skus) {
      await suppliers.addPrice(purchaser, {
        supplierId: String(s.id),
        skuId: k.id,
        price: k.price.times('0.94').toFixed(2),
        validFrom: ago(400),
        validTo: ago(121),
        packSize: pack,
        minOrderQty: moq,
      });
      await suppliers.addPrice(purchaser, {
        supplierId: String(s.id),
        skuId: k.id,
        price: k.price.toFixed(2),
        validFrom: ago(120),
        packSize: pack,
        minOrderQty: moq,
      });
    }
  };
  const teaSkus = await skusOf('FOOD-TEA', 4);
  const grainSkus = await skusOf('FOOD-GRN', 4);
  const topSkus = await skusOf('APP-TOP', 4);
  const digSkus = await skusOf('DIG', 4);
  await agree(tea, teaSkus, '12', '24');
  await agree(grain, grainSkus, '10', '20');
  await agree(apparel, topSkus, '5', '10');
  await agree(digital, digSkus, '10', '10');
  // a second, dearer source for two tea SKUs: the replenishment page prefers the cheaper one
  for (const k of teaSkus.slice(0, 2))
    await suppliers.addPrice(purchaser, {
      supplierId: String(digital.id),
      skuId: k.id,
      price: k.price.times('1.08').toFixed(2),
      validFrom: ago(60),
      packSize: '1',
      minOrderQty: '0',
    });

  let orders = 0;
  const po = async (s: { id: number }, skus: Array<{ id: string }>, orderedAgo: number, lead: number, qty: number) => {
    orders++;
    return services.purchaseOrders.create(purchaser, {
      supplierId: String(s.id),
      warehouseId: W,
      orderDate: ago(orderedAgo),
      expectedDate: ago(orderedAgo - lead),
      memo: '',
      lines: skus.map((k, i) => ({ skuId: k.id, qty: String(qty + i * 10) })),
    });
  };
  const approve = async (id: number) => {
    await services.purchaseOrders.submit(purchaser, String(id));
    const o = await services.purchaseOrders.approve(manager, String(id), '同意');
    // a large order may need a second level the manager also holds; approve() takes those too
    return o;
  };
  const lines = async (id: number) => services.purchaseOrders.lines([id]);
  const receive = async (
    id: number,
    on: string,
    take: (l: { id: number; qty: string }) => { accepted: string; rejected?: string },
  ) => {
    const ls = await lines(id);
    return services.purchaseReceipts.receive(keeper, {
      orderId: String(id),
      businessDate: on,
      lines: ls.map((l) => {
        const x = take(l);
        return {
          orderLineId: String(l.id),
          acceptedQty: x.accepted,
          ...(x.rejected && x.rejected !== '0' ? { rejectedQty: x.rejected, rejectReason: '外包装破损' } : {}),
        };
      }),
    });
  };

  // tea: received in full on time, invoiced and partly paid
  const o1 = await po(tea, teaSkus, 40, 5, 48);
  await approve(o1.id);
  const r1 = await receive(o1.id, ago(36), (l) => ({ accepted: l.qty }));
  // grain: two partial receipts, the first with a rejection; then a return of part of it
  const o2 = await po(grain, grainSkus.slice(0, 2), 30, 7, 40);
  await approve(o2.id);
  const r2 = await receive(o2.id, ago(23), (l) => ({
    accepted: new Decimal(l.qty).div(2).minus(2).toFixed(),
    rejected: '2',
  }));
  await receive(o2.id, ago(18), () => ({ accepted: '5' }));
  const r2lines = await services.purchaseReceipts.receiptLines([r2.id]);
  await services.purchaseReceipts.returnToSupplier(keeper, {
    receiptId: String(r2.id),
    businessDate: ago(17),
    reason: '受潮结块',
    lines: [{ receiptLineId: String(r2lines[0].id), qty: '3' }],
  });
  // apparel: two late deliveries in a row → flagged for a reduced share
  const o3 = await po(apparel, topSkus.slice(0, 2), 45, 10, 20);
  await approve(o3.id);
  await receive(o3.id, ago(31), (l) => ({ accepted: l.qty })); // 4 days late
  const o4 = await po(apparel, topSkus.slice(2, 4), 25, 7, 15);
  await approve(o4.id);
  await receive(o4.id, ago(12), (l) => ({ accepted: l.qty })); // 6 days late
  // digital: received and closed, then an approved order still open (on order for replenishment)
  const o5 = await po(digital, digSkus.slice(0, 2), 20, 4, 30);
  await approve(o5.id);
  await receive(o5.id, ago(16), (l) => ({ accepted: new Decimal(l.qty).minus(5).toFixed() }));
  await services.purchaseOrders.close(purchaser, String(o5.id));
  const o6 = await po(digital, digSkus.slice(2, 4), 3, 4, 20);
  await approve(o6.id);
  // waiting for the manager, rejected, cancelled, and a draft
  const o7 = await po(tea, teaSkus.slice(2, 4), 2, 5, 24);
  await services.purchaseOrders.submit(purchaser, String(o7.id));
  const o8 = await po(grain, grainSkus.slice(2, 4), 6, 7, 60);
  await services.purchaseOrders.submit(purchaser, String(o8.id));
  await services.purchaseOrders.reject(manager, String(o8.id), '数量过多，请按补货建议调整');
  const o9 = await po(apparel, topSkus.slice(0, 1), 9, 10, 10);
  await services.purchaseOrders.cancel(purchaser, String(o9.id));
  await po(digital, digSkus.slice(0, 1), 1, 4, 10);

  // invoices matched to receipts, and a payment
  const invoice = async (s: { id: number }, r: { id: number }, no: string, on: string) => {
    const rl = await services.purchaseReceipts.receiptLines([r.id]);
    const [{ order_id }] = await ds.query('SELECT order_id FROM purchase_receipt WHERE id = ?', [r.id]);
    const ol = await services.purchaseOrders.lines([Number(order_id)]);
    // what was accepted and not sent back
    return services.supplierInvoices.create(accountant, {
      supplierId: String(s.id),
      invoiceNo: no,
      invoiceDate: on,
      memo: '',
      lines: rl.map((l) => ({
        receiptLineId: String(l.id),
        qty: new Decimal(l.acceptedQty).minus(l.returnedQty).toFixed(),
        unitPrice: ol.find((o) => o.id === l.orderLineId)!.price!,
      })),
    });
  };
  const inv1 = await invoice(tea, r1, 'FP-33010-0001', ago(34));
  await invoice(grain, r2, 'FP-23010-0002', ago(20));
  await services.supplierInvoices.pay(accountant, {
    supplierId: String(tea.id),
    amount: new Decimal(inv1.total!).div(2).toDecimalPlaces(2).toFixed(2),
    paidOn: ago(10),
    reference: '网银 2611',
  });

  // the stores took more of the agreed SKUs over the last two weeks, so several run low and the
  // replenishment page has orders to suggest
  const admin = await as('admin');
  const agreed = [...teaSkus, ...grainSkus, ...topSkus, ...digSkus];
  // on hand per SKU (decimal strings: SQLite keeps decimals as text, so no SUM in SQL)
  const onHand = new Map<string, Decimal>();
  for (const r of await ds.query('SELECT sku_id, qty FROM stock_balance WHERE warehouse_id = ?', [W]))
    onHand.set(String(r.sku_id), (onHand.get(String(r.sku_id)) ?? new Decimal(0)).plus(r.qty));
  for (let d = 14; d >= 1; d--) {
    const lines = agreed
      .map((k) => ({ skuId: k.id, qty: (onHand.get(k.id) ?? new Decimal(0)).times('0.06').floor().toFixed() }))
      .filter((l) => new Decimal(l.qty).gt(0));
    if (!lines.length) continue;
    const doc = await services.stockDocuments.create(admin, {
      type: StockDocType.OTHER_OUT,
      warehouseId: W,
      businessDate: ago(d),
      memo: '门店领用',
      countsAsDemand: true,
      lines,
    });
    await services.stockDocuments.post(admin, String(doc.id));
  }
  return { suppliers: 6, orders };
}
