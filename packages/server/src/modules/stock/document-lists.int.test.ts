import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';

/**
 * The big document lists (stock documents, purchase orders, sales orders) page by keyset: a page's
 * `cursor` passed as `page.after` gives the rows after it, newest business day first, ties on the same
 * day by id (newest first), the filters applied; page-number jumps still page by offset; the total is
 * counted up to 10,000 (`totalCapped` beyond).
 */
describe(`document lists: keyset pages and a capped total (${testDbKind})`, () => {
  let t: TestApp;
  let token: string;
  let ids: { wh: number; supplier: number; customer: number; channel: number; user: number };
  beforeAll(async () => {
    t = await testApp();
    token = await t.login('admin');
    const one = async (sql: string) => Number((await t.ds.query(sql))[0].id);
    ids = {
      wh: await one('SELECT MIN(id) AS id FROM warehouse'),
      supplier: await one('SELECT MIN(id) AS id FROM supplier'),
      customer: await one('SELECT MIN(id) AS id FROM customer'),
      channel: await one('SELECT MIN(id) AS id FROM sales_channel'),
      user: await one("SELECT id FROM app_user WHERE username = 'admin'"),
    };
  });
  afterAll(() => t.close());

  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };
  const at = "'2026-10-01 08:00:00.000'";
  const insert = async (table: 'sd' | 'po' | 'so', rows: Array<[number: string, day: string]>) => {
    const { wh, supplier, customer, channel, user } = ids;
    for (let i = 0; i < rows.length; i += 1000) {
      const part = rows.slice(i, i + 1000);
      if (table === 'sd')
        await t.ds.query(
          `INSERT INTO stock_document (type, number, status, warehouse_id, business_date, memo, created_by, created_at, version, counts_as_demand) VALUES ${part
            .map(([n, d]) => `('other_out', '${n}', 'posted', ${wh}, '${d}', '', ${user}, ${at}, 1, 0)`)
            .join(', ')}`,
        );
      else if (table === 'po')
        await t.ds.query(
          `INSERT INTO purchase_order (number, status, supplier_id, warehouse_id, order_date, memo, total, created_by, created_at, approval_round, version) VALUES ${part
            .map(([n, d]) => `('${n}', 'approved', ${supplier}, ${wh}, '${d}', '', '100.00', ${user}, ${at}, 0, 1)`)
            .join(', ')}`,
        );
      else
        await t.ds.query(
          `INSERT INTO sales_order (number, status, customer_id, owner_id, channel_id, warehouse_id, order_date, total, cogs, margin, created_by, created_at, version) VALUES ${part
            .map(
              ([n, d]) =>
                `('${n}', 'confirmed', ${customer}, ${user}, ${channel}, ${wh}, '${d}', '100.00', '60.00', '40.00', ${user}, ${at}, 1)`,
            )
            .join(', ')}`,
        );
    }
  };
  const idOf = async (table: string, number: string) =>
    Number((await t.ds.query(`SELECT id FROM ${table} WHERE number = '${number}'`))[0].id);

  const lists = [
    {
      table: 'stock_document',
      key: 'sd' as const,
      field: 'stockDocuments',
      filter: 'StockDocumentFilter',
      by: 'number',
    },
    {
      table: 'purchase_order',
      key: 'po' as const,
      field: 'purchaseOrders',
      filter: 'PurchaseOrderFilter',
      by: 'number',
    },
    { table: 'sales_order', key: 'so' as const, field: 'salesOrders', filter: 'SalesOrderFilter', by: 'search' },
  ];

  for (const l of lists)
    it(`${l.field}: the cursor's pages are every matching row once, newest day first, ties by id`, async () => {
      const p = `KS${l.key.toUpperCase()}`;
      // inserted out of order: three on the 5th (ids ascending), two on the 4th, one on the 3rd, and
      // rows the filter leaves out on the same days
      await insert(l.key, [
        [`${p}-A`, '2026-10-04'],
        [`${p}-B`, '2026-10-05'],
        [`OTHER${l.key}-1`, '2026-10-05'],
        [`${p}-C`, '2026-10-03'],
        [`${p}-D`, '2026-10-05'],
        [`${p}-E`, '2026-10-04'],
        [`${p}-F`, '2026-10-05'],
        [`OTHER${l.key}-2`, '2026-10-04'],
      ]);
      const want = await Promise.all(['F', 'D', 'B', 'E', 'A', 'C'].map((s) => idOf(l.table, `${p}-${s}`)));
      expect(want[0]).toBeGreaterThan(want[1]);
      const q = `query($f:${l.filter},$p:PageInput){ ${l.field}(filter:$f, page:$p){ items { id number } total totalCapped offset limit cursor } }`;
      const f = { [l.by]: p };
      const seen: number[][] = [];
      let after: string | null = null;
      let pages = 0;
      do {
        const r: any = ok(await t.gql(q, { f, p: { limit: 2, offset: pages * 2, after } }, token))[l.field];
        expect(r.total).toBe(6);
        expect(r.totalCapped).toBe(false);
        seen.push(r.items.map((i: { id: string }) => Number(i.id)));
        after = r.cursor;
        pages++;
      } while (after && pages < 10);
      expect(seen).toEqual([want.slice(0, 2), want.slice(2, 4), want.slice(4, 6)]);

      // the last page has no cursor; a page that ends exactly at the last row neither
      const last: any = ok(await t.gql(q, { f, p: { limit: 3, offset: 3 } }, token))[l.field];
      expect(last.items.map((i: { id: string }) => Number(i.id))).toEqual(want.slice(3));
      expect(last.cursor).toBeNull();

      // a page-number jump still pages by offset, and its cursor continues from there
      const jump: any = ok(await t.gql(q, { f, p: { limit: 2, offset: 1 } }, token))[l.field];
      expect(jump.items.map((i: { id: string }) => Number(i.id))).toEqual(want.slice(1, 3));
      const next: any = ok(await t.gql(q, { f, p: { limit: 2, offset: 3, after: jump.cursor } }, token))[l.field];
      expect(next.items.map((i: { id: string }) => Number(i.id))).toEqual(want.slice(3, 5));
      expect(next.offset).toBe(3);

      // without the number filter (the same days) the other rows are there too, in their place
      const days = { from: '2026-10-03', to: '2026-10-05' };
      const all: any = ok(await t.gql(q, { f: days, p: { limit: 200 } }, token))[l.field];
      const o1 = await idOf(l.table, `OTHER${l.key}-1`);
      const o2 = await idOf(l.table, `OTHER${l.key}-2`);
      const mine = new Set([...want, o1, o2]);
      const [F, D, B, E, A, C] = want;
      expect(all.items.map((i: { id: string }) => Number(i.id)).filter((i: number) => mine.has(i))).toEqual([
        F,
        D,
        o1,
        B,
        o2,
        E,
        A,
        C,
      ]);

      // a cursor no list made is bad input
      const bad = await t.gql(q, { f, p: { limit: 2, after: 'not-a-cursor' } }, token);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    });

  it('stockDocuments of one warehouse: its documents and the transfers into it, newest first, by offset and by cursor; a move between its bins once', async () => {
    const mk = async (code: string) =>
      Number(
        ok(
          await t.gql(
            'mutation($i:CreateWarehouseInput!){ createWarehouse(input:$i){ id } }',
            { i: { code, name: code } },
            token,
          ),
        ).createWarehouse.id,
      );
    const la = await mk('LISTS-A');
    const lb = await mk('LISTS-B');
    // [number, type, warehouse, destination, day], inserted out of order
    const rows: Array<[string, string, number, number | null, string]> = [
      ['WH-1', 'other_out', la, null, '2026-09-05'],
      ['WH-2', 'transfer', lb, la, '2026-09-05'], // into A, the same day as WH-1 (tie by id)
      ['WH-3', 'transfer', la, la, '2026-09-04'], // a move between bins of A: in both ranges, once
      ['WH-4', 'other_out', lb, null, '2026-09-04'], // B only
      ['WH-5', 'transfer', la, lb, '2026-09-03'], // out of A
      ['WH-6', 'other_in', la, null, '2026-09-06'],
      ['WH-7', 'transfer', lb, la, '2026-09-02'], // into A
      ['WH-8', 'other_out', la, null, '2026-09-03'],
    ];
    for (const [n, type, w, to, d] of rows)
      await t.ds.query(
        `INSERT INTO stock_document (type, number, status, warehouse_id, to_warehouse_id, business_date, memo, created_by, created_at, version, counts_as_demand) VALUES ('${type}', '${n}', 'posted', ${w}, ${to ?? 'NULL'}, '${d}', '', ${ids.user}, ${at}, 1, 0)`,
      );
    const id = Object.fromEntries(
      await Promise.all(rows.map(async ([n]) => [n.slice(3), await idOf('stock_document', n)] as const)),
    );
    const inA = ['6', '2', '1', '3', '8', '5', '7'].map((k) => id[k]);
    const inB = ['2', '4', '5', '7'].map((k) => id[k]);
    const q =
      'query($f:StockDocumentFilter,$p:PageInput){ stockDocuments(filter:$f, page:$p){ items { id } total totalCapped cursor } }';
    const page = async (f: object, p: object, as = token) => {
      const r = ok(await t.gql(q, { f, p }, as)).stockDocuments;
      return { ...r, ids: r.items.map((i: { id: string }) => Number(i.id)) };
    };

    for (const [w, want] of [
      [la, inA],
      [lb, inB],
    ] as const) {
      const f = { warehouseId: String(w) };
      const all = await page(f, { limit: 200 });
      expect(all.ids).toEqual(want);
      expect([all.total, all.totalCapped, all.cursor]).toEqual([want.length, false, null]);
      // every page-number jump (offset) of 2, and its cursor continuing from there
      for (let o = 0; o < want.length; o++) {
        const jump = await page(f, { limit: 2, offset: o });
        expect(jump.ids, `offset ${o}`).toEqual(want.slice(o, o + 2));
        expect(jump.total).toBe(want.length);
        expect(jump.cursor === null, `offset ${o}`).toBe(o + 2 >= want.length);
        if (jump.cursor)
          expect((await page(f, { limit: 2, offset: o + 2, after: jump.cursor })).ids, `after offset ${o}`).toEqual(
            want.slice(o + 2, o + 4),
          );
      }
      // past the end
      expect((await page(f, { limit: 2, offset: want.length })).ids).toEqual([]);
    }

    // with the other filters
    const f = { warehouseId: String(la) };
    expect((await page({ ...f, type: 'TRANSFER' }, { limit: 2, offset: 1 })).ids).toEqual(['3', '5'].map((k) => id[k]));
    expect((await page({ ...f, from: '2026-09-03', to: '2026-09-05' }, { limit: 3, offset: 2 })).ids).toEqual(
      ['3', '8', '5'].map((k) => id[k]),
    );
    expect((await page({ ...f, number: 'WH-' }, { limit: 200 })).total).toBe(7);

    // a keeper of A sees the same; a keeper of B asking for A sees what concerns B
    await addUser(t.ds, 'lists-keeper-a', ['warehouse'], { warehouseIds: [la] });
    await addUser(t.ds, 'lists-keeper-b', ['warehouse'], { warehouseIds: [lb] });
    const ka = await t.login('lists-keeper-a');
    const kb = await t.login('lists-keeper-b');
    expect((await page(f, { limit: 3, offset: 1 }, ka)).ids).toEqual(inA.slice(1, 4));
    expect((await page(f, { limit: 200 }, kb)).ids).toEqual(['2', '5', '7'].map((k) => id[k]));
    expect((await page(f, { limit: 1, offset: 1 }, kb)).ids).toEqual([id['5']]);
  });

  it('the total is counted up to 10,000: beyond it totalCapped, and the cursor still reads on', async () => {
    const rows: Array<[string, string]> = [];
    for (let i = 0; i < 10_003; i++)
      rows.push([`CAP-${String(i).padStart(5, '0')}`, `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`]);
    await insert('sd', rows);
    const q =
      'query($f:StockDocumentFilter,$p:PageInput){ stockDocuments(filter:$f, page:$p){ items { number businessDate } total totalCapped cursor } }';
    const capped = ok(await t.gql(q, { f: { number: 'CAP-' }, p: { limit: 3 } }, token)).stockDocuments;
    expect(capped.total).toBe(10_000);
    expect(capped.totalCapped).toBe(true);
    // newest first: the 9th month's 28th-day rows are i ≡ 8 (mod 9) and ≡ 27 (mod 28), i.e. i ≡ 251 (mod 252)
    expect(capped.items.map((i: { number: string }) => i.number)).toEqual(['CAP-09827', 'CAP-09575', 'CAP-09323']);
    expect(capped.items.every((i: { businessDate: string }) => i.businessDate === '2025-09-28')).toBe(true);
    const exact = ok(await t.gql(q, { f: { number: 'CAP-100' }, p: { limit: 3 } }, token)).stockDocuments;
    // CAP-10000…10002
    expect(exact.total).toBe(3);
    expect(exact.totalCapped).toBe(false);
    // the 3,334th page of 3 (rows 10,000–10,002) through cursors from one near the end
    const deep = ok(await t.gql(q, { f: { number: 'CAP-' }, p: { limit: 200, offset: 9_800 } }, token)).stockDocuments;
    expect(deep.items).toHaveLength(200);
    const tail = ok(
      await t.gql(q, { f: { number: 'CAP-' }, p: { limit: 200, after: deep.cursor } }, token),
    ).stockDocuments;
    expect(tail.items).toHaveLength(3);
    expect(tail.cursor).toBeNull();
    expect(tail.items.map((i: { businessDate: string }) => i.businessDate)).toEqual([
      '2025-01-01',
      '2025-01-01',
      '2025-01-01',
    ]);

    // one warehouse (two ranges, each counted up to the cap): all 10,003 in its own range, then split
    // about half and half between transfers into it and its own, neither range at the cap alone
    const inWh = { number: 'CAP-', warehouseId: String(ids.wh) };
    const mine = ok(await t.gql(q, { f: inWh, p: { limit: 3 } }, token)).stockDocuments;
    expect([mine.total, mine.totalCapped]).toEqual([10_000, true]);
    expect(mine.items.map((i: { number: string }) => i.number)).toEqual(['CAP-09827', 'CAP-09575', 'CAP-09323']);
    const other = Number((await t.ds.query(`SELECT MIN(id) AS id FROM warehouse WHERE id <> ${ids.wh}`))[0].id);
    await t.ds.query(
      `UPDATE stock_document SET type = 'transfer', warehouse_id = ${other}, to_warehouse_id = ${ids.wh} WHERE number LIKE 'CAP-%' AND MOD(id, 2) = 0`,
    );
    const split = ok(await t.gql(q, { f: inWh, p: { limit: 3 } }, token)).stockDocuments;
    expect([split.total, split.totalCapped]).toEqual([10_000, true]);
    expect(split.items.map((i: { number: string }) => i.number)).toEqual(['CAP-09827', 'CAP-09575', 'CAP-09323']);
    const fewer = ok(await t.gql(q, { f: { ...inWh, number: 'CAP-1000' }, p: { limit: 3 } }, token)).stockDocuments;
    expect([fewer.total, fewer.totalCapped]).toEqual([3, false]);
    const ranges = await t.ds.query(
      `SELECT SUM(CASE WHEN warehouse_id = ${ids.wh} THEN 1 ELSE 0 END) AS own, SUM(CASE WHEN to_warehouse_id = ${ids.wh} THEN 1 ELSE 0 END) AS into_it FROM stock_document WHERE number LIKE 'CAP-%'`,
    );
    expect(Number(ranges[0].own)).toBeLessThan(10_000);
    expect(Number(ranges[0].into_it)).toBeLessThan(10_000);
  });
});
