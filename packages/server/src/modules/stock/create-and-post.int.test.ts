import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { StockLedgerEntry } from './ledger.entity';
import { StockDocument } from './stock-document.entity';

const CREATE_AND_POST = `mutation($i:CreateStockDocumentInput!,$k:String!){ createAndPostStockDocument(input:$i, idempotencyKey:$k){
  id number status type lines { qty unitCost value } } }`;
const LOOKUP = 'query($k:String!){ idempotencyResult(key:$k){ key operation documentType documentId number } }';
const LEVEL = 'query($f:StockLevelFilter){ stockLevels(filter:$f){ items { onHand value unitCost } } }';

describe(`create and post in one step under an idempotency key (${testDbKind})`, () => {
  let t: TestApp;
  let admin: string;
  let manager: string;
  let c: Awaited<ReturnType<typeof seedCatalog>>;
  let W1: string;
  let W2: string;
  const counts = async () => ({
    documents: await t.ds.getRepository(StockDocument).count(),
    ledger: await t.ds.getRepository(StockLedgerEntry).count(),
  });
  const ledgerOf = (id: string) => t.ds.getRepository(StockLedgerEntry).count({ where: { documentId: Number(id) } });
  const level = async (w: string) =>
    (await t.gql(LEVEL, { f: { warehouseId: w, skuId: String(c.tea.id), includeZero: true } }, admin)).data.stockLevels
      .items[0];

  beforeAll(async () => {
    t = await testApp();
    admin = await t.login('admin');
    manager = await t.login('manager');
    c = await seedCatalog(t.ds);
    W1 = String(c.warehouses[0].id);
    W2 = String(c.warehouses[1].id);
  });
  afterAll(() => t.close());

  it('a retry after a lost reply gives the first document: one document, one set of ledger rows', async () => {
    const input = {
      type: 'OTHER_IN',
      warehouseId: W1,
      businessDate: '2026-11-20',
      lines: [
        { skuId: String(c.tea.id), qty: '10', unitCost: '10.00' },
        { skuId: String(c.tea.id), qty: '5', unitCost: '13.00' },
      ],
    };
    const before = await counts();
    const first = await t.gql(CREATE_AND_POST, { i: input, k: 'client-42-in-1' }, admin);
    expect(first.errors).toBeUndefined();
    const doc = first.data.createAndPostStockDocument;
    expect(doc).toMatchObject({
      status: 'POSTED',
      type: 'OTHER_IN',
      number: 'QR-20261120-0001',
      lines: [
        { qty: '10', unitCost: '10.000000', value: '100.00' },
        { qty: '5', unitCost: '13.000000', value: '65.00' },
      ],
    });
    expect(await counts()).toEqual({ documents: before.documents + 1, ledger: before.ledger + 2 });
    // the reply was lost: the client sends the same request again, twice
    for (let i = 0; i < 2; i++) {
      const again = await t.gql(CREATE_AND_POST, { i: input, k: 'client-42-in-1' }, admin);
      expect(again.errors).toBeUndefined();
      expect(again.data.createAndPostStockDocument).toEqual(doc);
    }
    expect(await counts()).toEqual({ documents: before.documents + 1, ledger: before.ledger + 2 });
    expect(await ledgerOf(doc.id)).toBe(2);
    expect(await level(W1)).toEqual({ onHand: '15', value: '165.00', unitCost: '11.000000' });
    // or it asks what the key produced
    expect((await t.gql(LOOKUP, { k: 'client-42-in-1' }, admin)).data.idempotencyResult).toEqual({
      key: 'client-42-in-1',
      operation: 'createAndPostStockDocument',
      documentType: 'stock_document',
      documentId: doc.id,
      number: 'QR-20261120-0001',
    });
    // someone else's key, or a key never used: nothing
    expect((await t.gql(LOOKUP, { k: 'client-42-in-1' }, manager)).data.idempotencyResult).toBeNull();
    expect((await t.gql(LOOKUP, { k: 'never-used' }, admin)).data.idempotencyResult).toBeNull();
  });

  it('the same key with other content is refused and changes nothing', async () => {
    const before = await counts();
    const other = await t.gql(
      CREATE_AND_POST,
      {
        i: {
          type: 'OTHER_IN',
          warehouseId: W1,
          businessDate: '2026-11-20',
          lines: [{ skuId: String(c.tea.id), qty: '11', unitCost: '10.00' }],
        },
        k: 'client-42-in-1',
      },
      admin,
    );
    expect(codeOf(other)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await counts()).toEqual(before);
  });

  it('a request refused for bad input leaves the key free; the corrected request posts under it', async () => {
    const before = await counts();
    const i = {
      type: 'OTHER_OUT',
      warehouseId: W1,
      businessDate: '2026-11-21',
      lines: [{ skuId: String(c.tea.id), qty: '0' }],
    };
    expect(codeOf(await t.gql(CREATE_AND_POST, { i, k: 'client-42-out-1' }, admin))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(CREATE_AND_POST, { i, k: '' }, admin))).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    expect((await t.gql(LOOKUP, { k: 'client-42-out-1' }, admin)).data.idempotencyResult).toBeNull();
    const ok = await t.gql(
      CREATE_AND_POST,
      { i: { ...i, lines: [{ skuId: String(c.tea.id), qty: '3' }] }, k: 'client-42-out-1' },
      admin,
    );
    expect(ok.errors).toBeUndefined();
    // 3 out at the average 11
    expect(ok.data.createAndPostStockDocument).toMatchObject({
      status: 'POSTED',
      number: 'QC-20261121-0001',
      lines: [{ qty: '3', unitCost: '11.000000', value: '-33.00' }],
    });
    expect(await counts()).toEqual({ documents: before.documents + 1, ledger: before.ledger + 1 });
  });

  it('concurrent retries with one key make one document (a transfer goes in transit, an adjustment posts)', async () => {
    const before = await counts();
    const i = {
      type: 'TRANSFER',
      warehouseId: W1,
      toWarehouseId: W2,
      businessDate: '2026-11-22',
      lines: [{ skuId: String(c.tea.id), qty: '2' }],
    };
    const replies = await Promise.all(
      Array.from({ length: 6 }, () => t.gql(CREATE_AND_POST, { i, k: 'client-42-tr-1' }, admin)),
    );
    for (const r of replies) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const ids = new Set(replies.map((r) => r.data.createAndPostStockDocument.id));
    expect(ids.size).toBe(1);
    expect(replies[0].data.createAndPostStockDocument).toMatchObject({
      status: 'IN_TRANSIT',
      number: 'TR-20261122-0001',
    });
    // one document and its one transfer-out row
    expect(await counts()).toEqual({ documents: before.documents + 1, ledger: before.ledger + 1 });
    expect(await level(W1)).toEqual({ onHand: '10', value: '110.00', unitCost: '11.000000' });

    const adj = {
      type: 'ADJUSTMENT',
      warehouseId: W1,
      businessDate: '2026-11-23',
      lines: [{ skuId: String(c.tea.id), qty: '-1' }],
    };
    const again = await Promise.all(
      Array.from({ length: 4 }, () => t.gql(CREATE_AND_POST, { i: adj, k: 'client-42-adj-1' }, admin)),
    );
    for (const r of again) expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    expect(new Set(again.map((r) => r.data.createAndPostStockDocument.id)).size).toBe(1);
    expect(again[0].data.createAndPostStockDocument).toMatchObject({
      status: 'POSTED',
      lines: [{ qty: '-1', value: '-11.00' }],
    });
    expect(await counts()).toEqual({ documents: before.documents + 2, ledger: before.ledger + 2 });
    expect(await level(W1)).toEqual({ onHand: '9', value: '99.00', unitCost: '11.000000' });
    expect(await t.app.services.posting.check('moving_average')).toEqual([]);
  });

  it('a key longer than 100 characters is refused before anything is written; one of 100 posts and replays', async () => {
    const CREATE = 'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }';
    const POST = 'mutation($id:ID!,$k:String){ postStockDocument(id:$id, idempotencyKey:$k){ id number status } }';
    const draft = await t.gql(
      CREATE,
      {
        i: {
          type: 'OTHER_IN',
          warehouseId: W2,
          businessDate: '2026-11-22',
          lines: [{ skuId: String(c.tea.id), qty: '2', unitCost: '4.00' }],
        },
      },
      admin,
    );
    expect(draft.errors).toBeUndefined();
    const id = draft.data.createStockDocument.id as string;
    const before = await counts();
    // MariaDB's INSERT IGNORE kept the first 100 characters: a retry with the whole key was then refused
    const long = `k-${'x'.repeat(99)}`;
    const refused = await t.gql(POST, { id, k: long }, admin);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    expect((await t.gql(LOOKUP, { k: long.slice(0, 100) }, admin)).data.idempotencyResult).toBeNull();
    const key = long.slice(0, 100);
    const first = await t.gql(POST, { id, k: key }, admin);
    expect(first.errors).toBeUndefined();
    expect(first.data.postStockDocument).toMatchObject({ status: 'POSTED', number: 'QR-20261122-0001' });
    const again = await t.gql(POST, { id, k: key }, admin);
    expect(again.data.postStockDocument).toEqual(first.data.postStockDocument);
    expect(await counts()).toEqual({ documents: before.documents, ledger: before.ledger + 1 });
    expect(
      codeOf(await t.gql(CREATE_AND_POST, { i: { type: 'OTHER_IN', warehouseId: W2, lines: [] }, k: long }, admin)),
    ).toBe('BAD_USER_INPUT');
  });

  it('needs both permissions: creating and posting stock documents', async () => {
    const sales = await t.login('sales');
    const r = await t.gql(
      CREATE_AND_POST,
      {
        i: { type: 'OTHER_IN', warehouseId: W1, lines: [{ skuId: String(c.tea.id), qty: '1', unitCost: '1' }] },
        k: 'x',
      },
      sales,
    );
    expect(codeOf(r)).toBe('FORBIDDEN');
  });
});
