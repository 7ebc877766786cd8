import type { Page } from '@playwright/test';
import { E2E_TODAY, addDays, choose, expect, gql, loginOk, rawKeysOnScreen, test, uid, watchConsole } from './fixtures';

/**
 * Issue 13 on a phone (390 × 844): the pick list of a shipment in walking order with the batches
 * FEFO chose, ticked with a scanner that keeps the focus; the daily digest; and a receipt refused
 * because the bin's zone does not suit the goods, translated. Figures are made through the API first.
 */

const ok = (r: { data?: any; errors?: unknown }) => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};

async function warehouseWithZones(page: Page, zones: Array<{ code: string; conditions?: object }>) {
  const code = `SC${uid(6)}`;
  const w = ok(
    await gql(page, 'mutation($i: CreateWarehouseInput!) { createWarehouse(input: $i) { id code } }', {
      i: { code, name: `库存控制仓 ${code}` },
    }),
  ).createWarehouse;
  const ids: Record<string, string> = {};
  for (const z of zones)
    ids[z.code] = ok(
      await gql(page, 'mutation($i: CreateZoneInput!) { createZone(input: $i) { id } }', {
        i: {
          warehouseId: w.id,
          code: z.code,
          name: `${z.code} 区`,
          ...(z.conditions ? { conditions: z.conditions } : {}),
        },
      }),
    ).createZone.id;
  const bin = async (binCode: string, zone: string) =>
    ok(
      await gql(page, 'mutation($i: CreateBinInput!) { createBin(input: $i) { id } }', {
        i: { warehouseId: w.id, code: binCode, zoneId: ids[zone] },
      }),
    ).createBin.id as string;
  return { id: w.id as string, code: w.code as string, bin };
}

async function newProduct(page: Page, extra: object = {}) {
  const code = `SC-${uid(8)}`;
  const p = ok(
    await gql(page, 'mutation($i: CreateProductInput!) { createProduct(input: $i) { id skus { id code } } }', {
      i: { code, name: `库存控制 ${code}`, baseUnit: '盒', skus: [{ code: `${code}-01` }], ...extra },
    }),
  ).createProduct;
  return { skuId: p.skus[0].id as string, skuCode: p.skus[0].code as string };
}

test.describe('stock control on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the pick list of a shipment: walking order, FEFO batches, a scanner that ticks bin then SKU', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const problems = watchConsole(page);
    await loginOk(page, 'admin');
    const w = await warehouseWithZones(page, [{ code: 'Z1' }, { code: 'Z2' }]);
    // walking order: Z1 aisle A, Z1 aisle B (B-02), then Z2
    const a10 = await w.bin('A-10', 'Z1');
    const b02 = await w.bin('B-02', 'Z1');
    const z2a01 = await w.bin('A-01', 'Z2');
    const p = await newProduct(page, { batchTracked: true, shelfLifeDays: 720 });
    const line = (qty: string, binId: string, batchNo: string, days: number) => ({
      skuId: p.skuId,
      qty,
      unitCost: '5.00',
      binId,
      batchNo,
      expiryDate: addDays(E2E_TODAY, days),
    });
    ok(
      await gql(
        page,
        'mutation($i: CreateStockDocumentInput!, $k: String!) { createAndPostStockDocument(input: $i, idempotencyKey: $k) { id } }',
        {
          i: {
            type: 'OTHER_IN',
            warehouseId: w.id,
            businessDate: E2E_TODAY,
            lines: [line('5', a10, 'P1', 600), line('4', b02, 'P2', 400), line('3', z2a01, 'P3', 300)],
          },
          k: `sc-${uid()}`,
        },
      ),
    );
    const channel = ok(
      await gql(page, 'mutation($i: ChannelInput!) { saveSalesChannel(input: $i) { id } }', {
        i: { code: `SC${uid(6)}`, name: '拣货渠道', kind: 'OFFLINE_STORE' },
      }),
    ).saveSalesChannel.id;
    const customer = ok(
      await gql(page, 'mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { id } }', {
        i: { code: `SC-${uid(6)}`, name: `拣货客户 ${uid(4)}`, creditLimit: '100000.00' },
      }),
    ).createCustomer.id;
    const order = ok(
      await gql(page, 'mutation($i: CreateSalesOrderInput!) { createSalesOrder(input: $i) { id lines { id } } }', {
        i: {
          customerId: customer,
          channelId: channel,
          warehouseId: w.id,
          orderDate: E2E_TODAY,
          lines: [{ skuId: p.skuId, qty: '10', unitPrice: '20.00' }],
        },
      }),
    ).createSalesOrder;
    ok(await gql(page, 'mutation($id: ID!) { confirmSalesOrder(id: $id) { id } }', { id: order.id }));

    // from the order's ship flow to its pick list
    await page.goto(`/sales/orders/${order.id}`);
    await page.getByTestId('so-pick-list').click();
    await expect(page.getByTestId('pick-page')).toBeVisible();
    // FEFO: P3 (3), P2 (4), then 3 of P1 — listed in walking order, not in FEFO order
    await expect(page.getByTestId('pick-bin-0')).toHaveText('A-10');
    await expect(page.getByTestId('pick-bin-1')).toHaveText('B-02');
    await expect(page.getByTestId('pick-bin-2')).toHaveText('A-01');
    await expect(page.getByTestId('pick-batch-0')).toContainText('P1');
    await expect(page.getByTestId('pick-batch-1')).toContainText('P2');
    await expect(page.getByTestId('pick-batch-2')).toContainText(`P3 · ${addDays(E2E_TODAY, 300)} 到期`);
    await expect(page.getByTestId('pick-qty-0')).toHaveText('3 盒');
    await expect(page.getByTestId('pick-qty-1')).toHaveText('4 盒');
    await expect(page.getByTestId('pick-qty-2')).toHaveText('3 盒');

    // the scanner types into the field, which keeps the focus throughout
    const scan = page.getByTestId('pick-scan');
    await expect(scan).toBeFocused();
    const scanCode = async (code: string) => {
      await scan.fill(code);
      await scan.press('Enter');
    };
    await scanCode(p.skuCode);
    await expect(page.getByTestId('pick-message')).toHaveText('请先扫描货位');
    await expect(scan).toBeFocused();
    await scanCode('A-10');
    await expect(page.getByTestId('pick-message')).toHaveText('当前货位 A-10');
    await scanCode(p.skuCode);
    await expect(page.getByTestId('pick-ticked-0')).toBeVisible();
    await expect(page.getByTestId('pick-message')).toHaveText(`已拣 ${p.skuCode}：3 盒`);
    await expect(scan).toBeFocused();
    // nothing more of it in A-10
    await scanCode(p.skuCode);
    await expect(page.getByTestId('pick-message')).toHaveText(`A-10 中没有待拣的 ${p.skuCode}`);
    await scanCode('NOT-A-CODE');
    await expect(page.getByTestId('pick-message')).toHaveText('NOT-A-CODE 不在本拣货单上');
    for (const [bin, i] of [
      ['B-02', 1],
      ['A-01', 2],
    ] as const) {
      await scanCode(bin);
      await scanCode(p.skuCode);
      await expect(page.getByTestId(`pick-ticked-${i}`)).toBeVisible();
    }
    await expect(page.getByTestId('pick-progress')).toHaveText('已拣 3 / 3');
    await expect(page.getByTestId('pick-done')).toBeVisible();
    await expect(scan).toBeFocused();
    // nothing wider than the phone
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await rawKeysOnScreen(page)).toEqual([]);

    // the shipment takes exactly those bins and batches; then nothing is left to pick
    const shipped = ok(
      await gql(
        page,
        'mutation($i: ShipSalesOrderInput!, $k: String) { shipSalesOrder(input: $i, idempotencyKey: $k) { lines { picks { binCode batchNo qty } } } }',
        { i: { orderId: order.id, lines: [{ orderLineId: order.lines[0].id, qty: '10' }] }, k: `sc-${uid()}` },
      ),
    ).shipSalesOrder;
    expect(shipped.lines[0].picks.map((x: any) => `${x.binCode}/${x.batchNo}/${x.qty}`).sort()).toEqual([
      'A-01/P3/3',
      'A-10/P1/3',
      'B-02/P2/4',
    ]);
    await page.reload();
    await expect(page.getByTestId('pick-empty')).toHaveText('没有待拣的货。');
    expect(problems).toEqual([]);
  });

  test('the daily digest, and a receipt refused for its storage conditions, translated', async ({ page }) => {
    test.setTimeout(120_000);
    const problems = watchConsole(page);
    await loginOk(page, 'admin');

    // the e2e server made the day's digests when it started: the demo's alerts were unread then
    await page.goto('/alerts/digests');
    const digest = page.getByTestId(`digest-${E2E_TODAY}`);
    await expect(digest).toBeVisible();
    await digest.locator('.el-collapse-item__header').click();
    await expect(digest.locator('[data-testid^="digest-item-"]').first()).toBeVisible();
    expect(await rawKeysOnScreen(page)).toEqual([]);

    // refuse goods put into a bin whose zone does not suit them (set back afterwards)
    const settings = ok(await gql(page, '{ companySettings { version storageRule } }')).companySettings;
    const setRule = async (storageRule: string) => {
      const v = ok(await gql(page, '{ companySettings { version } }')).companySettings.version;
      ok(
        await gql(page, 'mutation($i: UpdateSettingsInput!) { updateCompanySettings(input: $i) { version } }', {
          i: { version: v, storageRule },
        }),
      );
    };
    await setRule('REFUSE');
    try {
      // a chilled zone (2–8 °C) and frozen goods (−20 to −10 °C)
      const w = await warehouseWithZones(page, [{ code: 'COLD', conditions: { tempMin: 2, tempMax: 8 } }]);
      await w.bin('C-01', 'COLD');
      const p = await newProduct(page, { storageNeeds: { tempMin: -20, tempMax: -10 } });
      await page.goto('/inventory/documents/new?type=OTHER_IN');
      await choose(page, page.getByTestId('doc-warehouse'), w.code);
      await choose(page, page.getByTestId('line-sku-0'), p.skuCode, p.skuCode);
      await page.getByTestId('line-qty-0').fill('2');
      await page.getByTestId('line-unitCost-0').fill('5');
      await choose(page, page.getByTestId('line-bin-0'), 'C-01');
      await page.getByTestId('doc-post').click();
      await expect(page.getByTestId('doc-error')).toContainText('该货位所在货区不符合商品的储存条件');
      expect(await rawKeysOnScreen(page)).toEqual([]);
    } finally {
      await setRule(settings.storageRule);
    }
    expect(problems).toEqual([]);
  });
});
