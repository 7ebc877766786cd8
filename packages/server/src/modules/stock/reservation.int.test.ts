import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../core/db';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { StockCost } from './ledger.entity';
import { releaseStock as release, reserveStock as reserve } from './reservation';

describe(`reservations on the cost head (${testDbKind})`, () => {
  let t: TestApp;
  let wh: number;
  let sku: number;
  beforeAll(async () => {
    t = await testApp();
    const cat = await seedCatalog(t.ds);
    [wh, sku] = [cat.warehouses[0].id, cat.tea.id];
    await t.ds
      .getRepository(StockCost)
      .insert({ warehouseId: wh, skuId: sku, qty: '10.000000', value: '84.00', state: null, lastDate: '2026-11-01' });
  });
  afterAll(() => t.close());
  const head = async () => t.ds.getRepository(StockCost).findOneByOrFail({ warehouseId: wh, skuId: sku });

  it('reserves while available covers it, refuses beyond, releases; the stock report shows on hand − reserved', async () => {
    await inTransaction(t.ds, (tx) => reserve(tx, wh, sku, '7'));
    let err: any;
    await inTransaction(t.ds, (tx) => reserve(tx, wh, sku, '3.5')).catch((e) => (err = e));
    expect(err.extensions).toEqual({
      code: 'INSUFFICIENT_AVAILABLE',
      details: { warehouseId: wh, skuId: sku, available: '3', requested: '3.5' },
    });
    expect(err.message).toBe('Only 3 available (on hand − reserved); 3.5 cannot be reserved.');
    expect(new Decimal((await head()).reserved).toFixed()).toBe('7');
    const levels = await t.gql('{ stockLevels { items { onHand reserved available } } }', {}, await t.login('manager'));
    expect(codeOf(levels)).toBeUndefined();
    expect(levels.data.stockLevels.items).toEqual([{ onHand: '10', reserved: '7', available: '3' }]);
    await inTransaction(t.ds, (tx) => release(tx, wh, sku, '2'));
    expect(new Decimal((await head()).reserved).toFixed()).toBe('5');
    await inTransaction(t.ds, (tx) => release(tx, wh, sku, '9'));
    expect(new Decimal((await head()).reserved).toFixed()).toBe('0');
  });

  it('adds fractional quantities exactly (no binary float on either database)', async () => {
    for (const q of ['0.1', '0.2', '0.000001']) await inTransaction(t.ds, (tx) => reserve(tx, wh, sku, q));
    expect(new Decimal((await head()).reserved).toFixed()).toBe('0.300001');
    await inTransaction(t.ds, (tx) => release(tx, wh, sku, '0.1'));
    expect(new Decimal((await head()).reserved).toFixed()).toBe('0.200001');
    await inTransaction(t.ds, (tx) => release(tx, wh, sku, '0.200001'));
    expect(new Decimal((await head()).reserved).toFixed()).toBe('0');
  });
});
