import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Bin, seedCatalog } from '../../test/fixtures';
import { testApp, testDbKind, type TestApp } from '../../test/harness';

const POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){ id number } }`;
const SAFETY = 'mutation($i:SetFixedSafetyStockInput!){ setFixedSafetyStock(input:$i){ qty } }';
const CREATE = 'mutation($i:CreateStocktakeInput!){ createStocktake(input:$i){ id version status } }';
const CANCEL = 'mutation($id:ID!,$v:Int!){ cancelStocktake(id:$id, version:$v){ status } }';
const EVERYTHING = `query($w:ID!,$w2:ID!,$tea:ID!){
  levels: stockLevels(filter:{ warehouseId:$w }){ items { skuCode onHand reserved expired quarantined available } }
  levels2: stockLevels(filter:{ warehouseId:$w2 }){ items { skuCode onHand available } }
  bins: binBalances(warehouseId:$w, skuId:$tea){ binCode qty reserved }
  card: stockCard(warehouseId:$w, skuId:$tea){ openingQty closingQty rows { documentNumber qty balanceQty } }
  card2: stockCard(warehouseId:$w2, skuId:$tea){ closingQty }
  valuation(date:"2026-11-25", groupBy:WAREHOUSE){ key qty }
  availability: skuAvailability(warehouseId:$w, skuIds:[$tea]){ onHand reserved available }
  expiring: nearExpiryStock(days:365){ warehouseId batchNo qty }
  slow: slowStock(days:3){ warehouseId sku qty }
  notifications(unreadOnly:false){ items { kind figures { available safetyStock } } }
  export: exportStockLevels(filter:{ warehouseId:$w }){ content }
  replenishment: replenishmentSuggestions(warehouseId:$w, filter:{ search:"P-TEA" }){ skuCode onHand notForSale onOrder suggested steps { label } }
  forecast: demandForecast(warehouseId:$w, skuId:$tea){ suggestion { onHand } }
  supply: analysis(input:{ from:"2026-11-01", to:"2026-11-30", dimensions:[WAREHOUSE], measures:[DAYS_OF_SUPPLY] }){ total { daysOfSupply } }
}`;

/**
 * "Counters see quantities, never the book during a blind count": while a count is open, a keeper
 * (stock.count.perform without stock.count.read) gets null for every on-hand or book quantity in
 * its scope, on every path that returns one; managers keep seeing them; once the count is closed
 * the keeper sees them again.
 */
describe(`the book withheld from blind counters while a count is open (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  let W2: string;
  let stId: string;
  let version: number;
  let seq = 0;
  const ok = <T = any>(r: { data?: T; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data as any;
  };
  const post = (i: object) => t.gql(POST, { i, k: `blind-${++seq}` }, tok.admin);
  const everything = (who: string) => t.gql(EVERYTHING, { w: W1, w2: W2, tea: String(c.tea.id) }, tok[who]);
  const csvRow = (content: string, code: string) => content.split('\n').find((l) => l.includes(code))!;

  beforeAll(async () => {
    t = await testApp({ config: { alertsIntervalMs: 0 } });
    c = await seedCatalog(t.ds);
    W1 = String(c.warehouses[0].id);
    W2 = String(c.warehouses[1].id);
    // a keeper of both warehouses
    await addUser(t.ds, 'keeper', ['warehouse'], { warehouseIds: c.warehouses.map((w) => w.id) });
    for (const u of ['admin', 'manager', 'accountant', 'keeper']) tok[u] = await t.login(u);
    const [a01, a02] = c.bins;
    // zone Z1 holds bin A-01 only
    const zone = ok(
      await t.gql(
        'mutation($i:CreateZoneInput!){ createZone(input:$i){ id } }',
        { i: { warehouseId: W1, code: 'Z1', name: '一区' } },
        tok.admin,
      ),
    ).createZone;
    await t.ds.getRepository(Bin).update({ id: a01.id }, { zoneId: Number(zone.id) });
    ok(
      await post({
        type: 'OTHER_IN',
        warehouseId: W1,
        businessDate: '2026-11-20',
        lines: [
          { skuId: String(c.tea.id), qty: '10', unitCost: '10.00', binId: String(a01.id) },
          { skuId: String(c.tea.id), qty: '5', unitCost: '10.00', binId: String(a02.id) },
          { skuId: String(c.rice.id), qty: '20.5', unitCost: '8.00', binId: String(a02.id) },
          {
            skuId: String(c.milk.id),
            qty: '6',
            unitCost: '3.00',
            binId: String(a01.id),
            batchNo: 'M1',
            expiryDate: '2027-06-30',
          },
        ],
      }),
    );
    ok(
      await post({
        type: 'OTHER_IN',
        warehouseId: W2,
        businessDate: '2026-11-20',
        lines: [{ skuId: String(c.tea.id), qty: '4', unitCost: '9.00' }],
      }),
    );
    ok(await t.gql(SAFETY, { i: { warehouseId: W1, skuId: String(c.tea.id), qty: '12' } }, tok.admin));
    // a count of zone Z1 that lets postings go on
    const st = ok(
      await t.gql(
        CREATE,
        { i: { kind: 'FULL', warehouseId: W1, zoneId: zone.id, freezePostings: false } },
        tok.manager,
      ),
    ).createStocktake;
    stId = st.id;
    version = st.version;
    // during the count, 4 leave A-02 (outside the zone): available 15 → 11, below the safety stock of 12
    ok(
      await post({
        type: 'OTHER_OUT',
        warehouseId: W1,
        businessDate: '2026-11-21',
        countsAsDemand: true,
        lines: [{ skuId: String(c.tea.id), qty: '4', binId: String(a02.id) }],
      }),
    );
    expect(await t.app.services.alerts.dispatch()).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  it('a keeper gets no book quantity of the counted warehouse on any path while the count is open', async () => {
    const r = await everything('keeper');
    const d = ok(r);
    // per warehouse × SKU the sum over bins would give the zone's book away: all of W1's SKUs are withheld
    expect(d.levels.items).toEqual([
      { skuCode: 'P-MILK-1', onHand: null, reserved: '0', expired: null, quarantined: null, available: null },
      { skuCode: 'P-RICE-1', onHand: null, reserved: '0', expired: null, quarantined: null, available: null },
      { skuCode: 'P-TEA-1', onHand: null, reserved: '0', expired: null, quarantined: null, available: null },
    ]);
    // another warehouse is not counted
    expect(d.levels2.items).toEqual([{ skuCode: 'P-TEA-1', onHand: '4', available: '4' }]);
    // per bin: the zone's bin is withheld, the bin outside it is not
    expect(d.bins).toEqual([
      { binCode: 'A-01', qty: null, reserved: '0' },
      { binCode: 'A-02', qty: '1', reserved: '0' },
    ]);
    // the stock card: the documents, no quantities (summed from the first they are the book)
    expect(d.card.openingQty).toBeNull();
    expect(d.card.closingQty).toBeNull();
    expect(d.card.rows).toHaveLength(3);
    for (const row of d.card.rows) expect(row).toMatchObject({ qty: null, balanceQty: null });
    expect(d.card2.closingQty).toBe('4');
    expect(d.valuation).toEqual([
      { key: W1, qty: null },
      { key: W2, qty: '4' },
    ]);
    expect(d.availability).toEqual([{ onHand: null, reserved: '0', available: null }]);
    expect(d.expiring).toEqual([{ warehouseId: W1, batchNo: 'M1', qty: null }]);
    // (tea left on 11-21: idle as long as the others)
    expect(d.slow.filter((x: any) => x.warehouseId === W1).map((x: any) => x.qty)).toEqual([null, null, null]);
    expect(d.slow.filter((x: any) => x.warehouseId === W2).map((x: any) => x.qty)).toEqual(['4']);
    // the low-stock alert names the SKU but carries no stock figure; the safety stock is no book
    expect(d.notifications.items).toEqual([{ kind: 'LOW_STOCK', figures: { available: null, safetyStock: '12' } }]);
    // the export leaves the withheld cells blank
    expect(csvRow(d.export.content, 'P-TEA-1')).not.toMatch(/\b11\b/);
    // replenishment: no book quantity, no suggestion, no arithmetic from the inventory position on
    expect(d.replenishment).toEqual([
      { skuCode: 'P-TEA-1', onHand: null, notForSale: null, onOrder: '0', suggested: null, steps: expect.any(Array) },
    ]);
    expect(d.replenishment[0].steps.map((x: any) => x.label)).not.toContain('inventoryPosition');
    expect(d.forecast.suggestion.onHand).toBeNull();
    // the analysis's stock measures (days of supply is the closing quantity over the daily sales)
    expect(d.supply.total.daysOfSupply).toBeNull();
    expect(r.extensions?.hiddenFields).toEqual(
      expect.arrayContaining([
        'AnalysisRow.daysOfSupply',
        'ReplenishmentSuggestion.onHand',
        'ReplenishmentSuggestion.suggested',
        'AlertFigures.available',
        'BinBalance.qty',
        'NearExpiryRow.qty',
        'SkuAvailability.available',
        'SlowStockRow.qty',
        'StockCard.closingQty',
        'StockCardRow.balanceQty',
        'StockLevel.available',
        'StockLevel.onHand',
        'ValuationRow.qty',
      ]),
    );
  });

  it('managers and accountants keep seeing the book during the count', async () => {
    for (const who of ['manager', 'accountant']) {
      const r = await everything(who);
      const d = r.data as any;
      if (who === 'manager') {
        expect(r.errors).toBeUndefined();
        expect(d.bins.map((b: any) => b.qty)).toEqual(['10', '1']);
        expect(d.availability[0].available).toBe('11');
        expect(d.expiring[0].qty).toBe('6');
        expect(d.notifications.items[0].figures.available).toBe('11');
        expect(d.replenishment[0].onHand).toBe('11');
        expect(d.replenishment[0].steps.map((x: any) => x.label)).toContain('inventoryPosition');
        expect(d.forecast.suggestion.onHand).toBe('11');
      }
      expect(d.levels.items.find((x: any) => x.skuCode === 'P-TEA-1')).toMatchObject({ onHand: '11', available: '11' });
      expect(d.card.closingQty).toBe('11');
      expect(d.valuation.find((v: any) => v.key === W1).qty).toBe('37.5');
      expect(r.extensions?.hiddenFields ?? []).not.toContain('StockLevel.onHand');
    }
  });

  it("a keeper of one warehouse gets NOT_FOUND for another's replenishment, forecast, export and safety stocks", async () => {
    await addUser(t.ds, 'keeper1', ['warehouse'], { warehouseIds: [c.warehouses[0].id] });
    const k1 = await t.login('keeper1');
    const other = await t.gql(
      'query($w:ID!){ replenishmentSuggestions(warehouseId:$w){ skuCode onHand } }',
      { w: W2 },
      k1,
    );
    expect(other.errors?.[0]?.extensions?.code, JSON.stringify(other.errors)).toBe('NOT_FOUND');
    for (const q of [
      'query($w:ID!){ x: replenishmentPage(warehouseId:$w){ total } }',
      `query($w:ID!){ x: demandForecast(warehouseId:$w, skuId:"${c.tea.id}"){ suggestion { onHand } } }`,
      'query($w:ID!){ x: fixedSafetyStocks(warehouseId:$w){ qty } }',
      `mutation { x: exportList(input:{ list:"replenishment", filter:"{\\"warehouseId\\":\\"${W2}\\"}", columns:[{ key:"sku", header:"SKU" }, { key:"onHand", header:"On hand" }] }){ rows } }`,
    ]) {
      const r = await t.gql(q, { w: W2 }, k1);
      expect(r.errors?.[0]?.extensions?.code, q + JSON.stringify(r.errors)).toBe('NOT_FOUND');
      expect(r.data?.x ?? null, q).toBeNull();
    }
    // their own warehouse answers
    const own = await t.gql('query($w:ID!){ replenishmentPage(warehouseId:$w){ total } }', { w: W1 }, k1);
    expect(own.errors).toBeUndefined();
  });

  it('once the count is closed the keeper sees the book again', async () => {
    ok(await t.gql(CANCEL, { id: stId, v: version }, tok.manager));
    const r = await everything('keeper');
    const d = ok(r);
    expect(d.levels.items.map((x: any) => [x.skuCode, x.onHand, x.available])).toEqual([
      ['P-MILK-1', '6', '6'],
      ['P-RICE-1', '20.5', '20.5'],
      ['P-TEA-1', '11', '11'],
    ]);
    expect(d.bins.map((b: any) => b.qty)).toEqual(['10', '1']);
    expect(d.card.closingQty).toBe('11');
    expect(d.card.rows.map((x: any) => x.balanceQty)).toEqual(['10', '15', '11']);
    expect(d.valuation).toEqual([
      { key: W1, qty: '37.5' },
      { key: W2, qty: '4' },
    ]);
    expect(d.availability[0].available).toBe('11');
    expect(d.expiring[0].qty).toBe('6');
    expect(d.notifications.items[0].figures.available).toBe('11');
    expect(csvRow(d.export.content, 'P-TEA-1')).toMatch(/,11,/);
    expect(d.replenishment[0].onHand).toBe('11');
    expect(d.forecast.suggestion.onHand).toBe('11');
    expect(r.extensions?.hiddenFields ?? []).toEqual(
      expect.not.arrayContaining([
        'StockLevel.onHand',
        'BinBalance.qty',
        'StockCard.closingQty',
        'ValuationRow.qty',
        'ReplenishmentSuggestion.onHand',
        'AnalysisRow.daysOfSupply',
      ]),
    );
  });
});
