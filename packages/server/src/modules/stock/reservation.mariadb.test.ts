import { Decimal } from 'decimal.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../core/db';
import { seedCatalog } from '../../test/fixtures';
import { testApp, type TestApp } from '../../test/harness';
import { StockCost } from './ledger.entity';
import { reserveStock as reserve } from './reservation';

// MariaDB only: two connections confirming for the last units at the same moment
describe('concurrent reservations for the last units (mariadb)', () => {
  let t: TestApp;
  let wh: number;
  let sku: number;
  beforeAll(async () => {
    t = await testApp();
    const cat = await seedCatalog(t.ds);
    [wh, sku] = [cat.warehouses[0].id, cat.tea.id];
    await t.ds
      .getRepository(StockCost)
      .insert({ warehouseId: wh, skuId: sku, qty: '5.000000', value: '42.00', state: null, lastDate: '2026-11-01' });
  });
  afterAll(() => t.close());

  it('one of two salespeople gets the last 4 units, the other INSUFFICIENT_AVAILABLE; nothing is oversold', async () => {
    const results = await Promise.allSettled(
      [1, 2].map(() =>
        inTransaction(t.ds, async (tx) => {
          await reserve(tx, wh, sku, '4');
          // hold the row lock a moment so the other really waits on it
          await tx.query('SELECT SLEEP(0.2)');
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failed.reason.extensions.code).toBe('INSUFFICIENT_AVAILABLE');
    expect(
      new Decimal(
        (await t.ds.getRepository(StockCost).findOneByOrFail({ warehouseId: wh, skuId: sku })).reserved,
      ).toFixed(),
    ).toBe('4');
  });
});
