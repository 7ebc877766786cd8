import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetNow, setNow } from '../../core/dates';
import { TEST_NOW } from '../../test/clock';
import { newProductSku, seedCatalog } from '../../test/fixtures';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { ExportJob, ExportJobChunk } from './export-job.entity';
import { ExportJobService } from './export-job.service';

const EXPORT = `mutation ($input: ListExportInput!) {
  exportList(input: $input) { rows file { filename } job { id list status total done } }
}`;
const MINE = '{ myExports { id list status total done filename error errorCode createdAt finishedAt expiresAt } }';
const DOWNLOAD = 'query($id:ID!){ downloadExport(id:$id){ filename contentType encoding content columns } }';
const COLUMNS = [
  { key: 'skuCode', header: 'SKU 编码' },
  { key: 'onHand', header: '现有库存' },
  { key: 'value', header: '库存金额' },
];

async function sheet(content: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(content, 'base64') as any);
  const rows: string[][] = [];
  wb.worksheets[0].eachRow((r) =>
    rows.push(Array.from((r.values as unknown[]).slice(1), (v) => (v == null ? '' : String(v)))),
  );
  return rows;
}

/**
 * 下载中心: an export over the threshold (2 rows here) is queued and written in the background as its
 * owner would read the list, with progress; only the owner downloads it; it expires; two workers on
 * one database never both write it; a job whose worker died is taken again.
 */
describe(`background exports (${testDbKind})`, () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let W: string;
  beforeAll(async () => {
    resetNow();
    setNow(TEST_NOW);
    // the worker runs when the test says so (exportJobsIntervalMs 0)
    t = await testApp({ config: { exportBackgroundRows: 2, exportJobsIntervalMs: 0, exportKeepHours: 24 } });
    for (const r of ['manager', 'warehouse', 'sales']) tokens[r] = await t.login(r);
    const c = await seedCatalog(t.ds);
    W = String(c.warehouses[0].id);
    const other = await newProductSku(t.ds, 'P-EXP');
    const lines = [c.tea, c.rice, other].map((s, i) => ({ skuId: String(s.id), qty: String(i + 1), unitCost: '2.00' }));
    const created = await t.gql<any>(
      'mutation($i:CreateStockDocumentInput!){ createStockDocument(input:$i){ id } }',
      { i: { type: 'OTHER_IN', warehouseId: W, businessDate: '2026-11-03', lines } },
      tokens.manager,
    );
    expect(created.errors).toBeUndefined();
    const posted = await t.gql<any>(
      'mutation($id:ID!){ postStockDocument(id:$id){ status } }',
      { id: created.data!.createStockDocument.id },
      tokens.manager,
    );
    expect(posted.errors).toBeUndefined();
  });
  afterAll(async () => {
    resetNow();
    await t.close();
  });

  const input = () => ({ list: 'stockLevels', filter: JSON.stringify({ warehouseId: W }), columns: COLUMNS });

  it('gives a small export at once and queues a big one, which the owner downloads with their field rules', async () => {
    // at or under the threshold: the file at once
    const small = await t.gql<any>(
      EXPORT,
      { input: { ...input(), filter: JSON.stringify({ warehouseId: W, search: 'TEA' }) } },
      tokens.warehouse,
    );
    expect(small.errors).toBeUndefined();
    expect(small.data!.exportList.job).toBeNull();
    expect(small.data!.exportList.file.filename).toMatch(/^stock-levels-/);

    const levels = await t.gql<any>(
      'query($w:ID){ stockLevels(filter:{warehouseId:$w}, page:{limit:200}) { total items { skuCode onHand } } }',
      { w: W },
      tokens.warehouse,
    );
    const total = levels.data!.stockLevels.total;
    expect(total).toBe(3);
    const big = await t.gql<any>(EXPORT, { input: input() }, tokens.warehouse);
    expect(big.errors).toBeUndefined();
    expect(big.data!.exportList.file).toBeNull();
    expect(big.data!.exportList.rows).toBe(3);
    const job = big.data!.exportList.job;
    expect(job).toMatchObject({ list: 'stockLevels', status: 'QUEUED', total: 3, done: 0 });
    // not written yet
    expect(codeOf(await t.gql(DOWNLOAD, { id: job.id }, tokens.warehouse))).toBe('EXPORT_NOT_READY');

    expect(await t.app.services.exportJobs.run()).toBe(1);
    const mine = (await t.gql<any>(MINE, {}, tokens.warehouse)).data!.myExports;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ id: job.id, status: 'DONE', total: 3, done: 3, error: null });
    expect(mine[0].filename).toMatch(/^stock-levels-\d{4}-\d\d-\d\d\.xlsx$/);
    expect(new Date(mine[0].expiresAt).getTime() - new Date(mine[0].finishedAt).getTime()).toBe(24 * 3_600_000);

    const file = await t.gql<any>(DOWNLOAD, { id: job.id }, tokens.warehouse);
    expect(file.errors).toBeUndefined();
    // the keeper's file has no stock value, as their list
    expect(file.data!.downloadExport.columns).toEqual(['skuCode', 'onHand']);
    const rows = await sheet(file.data!.downloadExport.content);
    expect(rows[0]).toEqual(['SKU 编码', '现有库存']);
    expect(rows.slice(1)).toEqual(levels.data!.stockLevels.items.map((l: any) => [l.skuCode, l.onHand]));

    // only its owner sees and downloads it
    expect((await t.gql<any>(MINE, {}, tokens.manager)).data!.myExports).toEqual([]);
    expect(codeOf(await t.gql(DOWNLOAD, { id: job.id }, tokens.manager))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(DOWNLOAD, { id: job.id }))).toBe('UNAUTHENTICATED');

    // the manager's own big export has the value column
    const m = await t.gql<any>(EXPORT, { input: input() }, tokens.manager);
    expect(await t.app.services.exportJobs.run()).toBe(1);
    const mf = await t.gql<any>(DOWNLOAD, { id: m.data!.exportList.job.id }, tokens.manager);
    expect(mf.data!.downloadExport.columns).toEqual(['skuCode', 'onHand', 'value']);
    expect((await sheet(mf.data!.downloadExport.content)).map((r) => r[2])).toEqual([
      '库存金额',
      // by SKU code: P-EXP-1 ×3, P-RICE-1 ×2, P-TEA-1 ×1 at 2.00
      '6.00',
      '4.00',
      '2.00',
    ]);
  });

  it('deletes a file after its keeping time', async () => {
    const r = await t.gql<any>(EXPORT, { input: input() }, tokens.warehouse);
    const id = r.data!.exportList.job.id;
    await t.app.services.exportJobs.run();
    expect((await t.gql<any>(DOWNLOAD, { id }, tokens.warehouse)).errors).toBeUndefined();
    try {
      setNow(new Date(new Date(TEST_NOW).getTime() + 25 * 3_600_000));
      // (a day later the morning's session has run out: a new one)
      const later = await t.login('warehouse');
      // refused at once, deleted in the next pass
      expect(codeOf(await t.gql(DOWNLOAD, { id }, later))).toBe('EXPORT_EXPIRED');
      await t.app.services.exportJobs.run();
      expect(await t.ds.getRepository(ExportJobChunk).countBy({ jobId: Number(id) })).toBe(0);
      const mine = (await t.gql<any>(MINE, {}, later)).data!.myExports;
      expect(mine.find((j: any) => j.id === id).status).toBe('EXPIRED');
      expect(mine.filter((j: any) => j.status === 'EXPIRED')).toHaveLength(2);
      expect(codeOf(await t.gql(DOWNLOAD, { id }, later))).toBe('EXPORT_EXPIRED');
    } finally {
      setNow(TEST_NOW);
    }
  });

  it('is written once when two workers look at the same time, and again when its worker died', async () => {
    const r = await t.gql<any>(EXPORT, { input: input() }, tokens.manager);
    const id = Number(r.data!.exportList.job.id);
    // a second API process on the same database
    const other = new ExportJobService(t.ds, { backgroundRows: 2, keepHours: 24 });
    other.attach(t.app.schema, t.app.services);
    const ran = await Promise.all([t.app.services.exportJobs.run(), other.run()]);
    expect(ran[0] + ran[1]).toBe(1);
    expect(await t.ds.getRepository(ExportJob).findOneByOrFail({ id })).toMatchObject({ status: 'done', attempts: 1 });

    // a worker took the next one and died: its lease runs out, and another writes it
    const r2 = await t.gql<any>(EXPORT, { input: input() }, tokens.manager);
    const id2 = Number(r2.data!.exportList.job.id);
    await t.ds.getRepository(ExportJob).update({ id: id2 }, { status: 'running' as any, attempts: 1 });
    await t.ds.query(`UPDATE export_job SET lease_until = ? WHERE id = ?`, ['2099-01-01 00:00:00.000', id2]);
    expect(await other.run()).toBe(0);
    await t.ds.query(`UPDATE export_job SET lease_until = ? WHERE id = ?`, ['2000-01-01 00:00:00.000', id2]);
    expect(await other.run()).toBe(1);
    expect(await t.ds.getRepository(ExportJob).findOneByOrFail({ id: id2 })).toMatchObject({
      status: 'done',
      attempts: 2,
      done: 3,
    });
    expect((await t.gql<any>(DOWNLOAD, { id: String(id2) }, tokens.manager)).errors).toBeUndefined();
  });

  it('fails a job whose owner may no longer read the list, and refuses an export the user may not make', async () => {
    expect(codeOf(await t.gql(EXPORT, { input: { ...input(), list: 'purchaseOrders' } }, tokens.sales))).toBe(
      'FORBIDDEN',
    );
    const r = await t.gql<any>(EXPORT, { input: input() }, tokens.warehouse);
    const id = Number(r.data!.exportList.job.id);
    const keeper = await t.ds.query(`SELECT id FROM app_user WHERE username = 'warehouse'`);
    await t.ds.query(`UPDATE app_user SET active = ? WHERE id = ?`, [false, keeper[0].id]);
    try {
      await t.app.services.exportJobs.run();
    } finally {
      await t.ds.query(`UPDATE app_user SET active = ? WHERE id = ?`, [true, keeper[0].id]);
    }
    expect(await t.ds.getRepository(ExportJob).findOneByOrFail({ id })).toMatchObject({
      status: 'failed',
      error: 'The user may no longer export.',
      errorCode: 'USER_INACTIVE',
    });
    expect(codeOf(await t.gql(DOWNLOAD, { id: String(id) }, tokens.warehouse))).toBe('EXPORT_NOT_READY');
    const mine = (await t.gql<any>(MINE, {}, tokens.warehouse)).data!.myExports;
    expect(mine.find((j: any) => Number(j.id) === id)).toMatchObject({ status: 'FAILED', errorCode: 'USER_INACTIVE' });
  });

  it('records why a job failed as a stable code: interrupted too often, a filter no longer valid', async () => {
    const a = Number((await t.gql<any>(EXPORT, { input: input() }, tokens.manager)).data!.exportList.job.id);
    // three processes died writing it: the fourth attempt gives up
    await t.ds.getRepository(ExportJob).update({ id: a }, { status: 'running' as any, attempts: 3 });
    await t.ds.query(`UPDATE export_job SET lease_until = ? WHERE id = ?`, ['2000-01-01 00:00:00.000', a]);
    await t.app.services.exportJobs.run();
    expect(await t.ds.getRepository(ExportJob).findOneByOrFail({ id: a })).toMatchObject({
      status: 'failed',
      errorCode: 'INTERRUPTED',
      error: 'The export was interrupted too often.',
    });
    const b = Number((await t.gql<any>(EXPORT, { input: input() }, tokens.manager)).data!.exportList.job.id);
    await t.ds.getRepository(ExportJob).update({ id: b }, { filter: JSON.stringify({ nope: 1 }) });
    await t.app.services.exportJobs.run();
    expect(await t.ds.getRepository(ExportJob).findOneByOrFail({ id: b })).toMatchObject({
      status: 'failed',
      errorCode: 'INVALID_FILTER',
    });
    const mine = (await t.gql<any>(MINE, {}, tokens.manager)).data!.myExports;
    expect(mine.filter((j: any) => [a, b].includes(Number(j.id))).map((j: any) => [j.status, j.errorCode])).toEqual([
      ['FAILED', 'INVALID_FILTER'],
      ['FAILED', 'INTERRUPTED'],
    ]);
  });
});
