import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../test/fixtures';
import { codeOf, testApp, type TestApp } from '../../test/harness';
import { Bin, Zone } from './location.entity';

const CREATE_ZONE =
  'mutation($i:CreateZoneInput!){ createZone(input:$i){ id code name storageCondition version warehouseId } }';
const UPDATE_ZONE = 'mutation($i:UpdateZoneInput!){ updateZone(input:$i){ id name storageCondition version } }';
const CREATE_BIN = 'mutation($i:CreateBinInput!){ createBin(input:$i){ id code zoneId active version } }';
const UPDATE_BIN = 'mutation($i:UpdateBinInput!){ updateBin(input:$i){ id code zoneId active version } }';

describe('zones and bins', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let wh: Array<{ id: string; code: string }>;
  let cold: { id: string; version: number };
  beforeAll(async () => {
    t = await testApp();
    for (const r of ['admin', 'warehouse', 'sales']) tok[r] = await t.login(r);
    const all = (await t.gql('{ warehouses { items { id code } } }', {}, tok.admin)).data.warehouses.items as Array<{
      id: string;
      code: string;
    }>;
    // wh[0]: the demo warehouse keeper's own warehouse (SH01); wh[1]: one outside their scope
    wh = ['SH01', 'GZ01'].map((c) => all.find((w) => w.code === c)!);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates zones and bins in a warehouse, audited', async () => {
    const z = await t.gql(CREATE_ZONE, { i: { warehouseId: wh[0].id, code: 'A', name: '常温区' } }, tok.admin);
    expect(z.errors).toBeUndefined();
    const c = await t.gql(
      CREATE_ZONE,
      { i: { warehouseId: wh[0].id, code: 'C', name: '冷藏区', storageCondition: '2–8 °C' } },
      tok.admin,
    );
    cold = c.data.createZone;
    expect(cold).toMatchObject({ code: 'C', storageCondition: '2–8 °C', version: 1, warehouseId: wh[0].id });
    for (const code of ['C-01-01', 'C-01-02']) {
      const b = await t.gql(CREATE_BIN, { i: { warehouseId: wh[0].id, zoneId: cold.id, code } }, tok.admin);
      expect(b.data.createBin).toMatchObject({ code, zoneId: cold.id, active: true, version: 1 });
    }
    await t.gql(CREATE_BIN, { i: { warehouseId: wh[0].id, zoneId: z.data.createZone.id, code: 'A-01-01' } }, tok.admin);
    await t.gql(CREATE_BIN, { i: { warehouseId: wh[1].id, code: 'X-1' } }, tok.admin);
    const zones = await t.gql('query($w:ID!){ zones(warehouseId:$w){ code } }', { w: wh[0].id }, tok.warehouse);
    expect(zones.data.zones).toEqual([{ code: 'A' }, { code: 'C' }]);
    const bins = await t.gql(
      'query($w:ID!,$z:ID){ all: bins(warehouseId:$w){ total } cold: bins(warehouseId:$w, zoneId:$z){ total items { code } } }',
      { w: wh[0].id, z: cold.id },
      tok.warehouse,
    );
    expect(bins.data.all.total).toBe(3);
    expect(bins.data.cold).toEqual({ total: 2, items: [{ code: 'C-01-01' }, { code: 'C-01-02' }] });
    const audit = await t.ds.getRepository(AuditEntry).findOneByOrFail({ action: 'zone.create', entityId: cold.id });
    expect(JSON.parse(audit.after!)).toMatchObject({ code: 'C', storageCondition: '2–8 °C' });
  });

  it('refuses duplicate codes in a warehouse and a zone of another warehouse', async () => {
    const dup = await t.gql(CREATE_ZONE, { i: { warehouseId: wh[0].id, code: 'c', name: 'dup' } }, tok.admin);
    expect(codeOf(dup)).toBe('BAD_USER_INPUT');
    expect(dup.errors![0].extensions!.details.fields[0].field).toBe('code');
    // the same code in another warehouse is fine
    expect(
      (await t.gql(CREATE_ZONE, { i: { warehouseId: wh[1].id, code: 'C', name: '冷藏区' } }, tok.admin)).errors,
    ).toBeUndefined();
    const wrongZone = await t.gql(
      CREATE_BIN,
      { i: { warehouseId: wh[1].id, zoneId: cold.id, code: 'Y-1' } },
      tok.admin,
    );
    expect(codeOf(wrongZone)).toBe('BAD_USER_INPUT');
    expect(wrongZone.errors![0].extensions!.details.fields[0].field).toBe('zoneId');
    expect(codeOf(await t.gql(CREATE_BIN, { i: { warehouseId: wh[0].id, code: 'c-01-01' } }, tok.admin))).toBe(
      'BAD_USER_INPUT',
    );
    expect(await t.ds.getRepository(Bin).countBy({ code: 'Y-1' })).toBe(0);
  });

  it('updates with the version; a stale one gets CONFLICT and changes nothing', async () => {
    const ok = await t.gql(
      UPDATE_ZONE,
      { i: { id: cold.id, version: cold.version, name: '冷藏区 2', storageCondition: null } },
      tok.admin,
    );
    expect(ok.data.updateZone).toMatchObject({ name: '冷藏区 2', storageCondition: null, version: 2 });
    const stale = await t.gql(UPDATE_ZONE, { i: { id: cold.id, version: 1, name: '旧' } }, tok.admin);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.details.currentVersion).toBe(2);
    expect((await t.ds.getRepository(Zone).findOneByOrFail({ id: Number(cold.id) })).name).toBe('冷藏区 2');
    const bin = await t.ds.getRepository(Bin).findOneByOrFail({ code: 'C-01-02' });
    const b = await t.gql(
      UPDATE_BIN,
      { i: { id: String(bin.id), version: 1, active: false, zoneId: null } },
      tok.admin,
    );
    expect(b.data.updateBin).toMatchObject({ active: false, zoneId: null, version: 2 });
    expect(codeOf(await t.gql(UPDATE_BIN, { i: { id: String(bin.id), version: 1, code: 'ZZ' } }, tok.admin))).toBe(
      'CONFLICT',
    );
    expect((await t.ds.getRepository(Bin).findOneByOrFail({ id: bin.id })).code).toBe('C-01-02');
  });

  it('keeps to the warehouse scope: another warehouse answers like one that does not exist', async () => {
    // the demo warehouse keeper is scoped to the first warehouse
    const other = await t.gql('query($w:ID!){ zones(warehouseId:$w){ code } }', { w: wh[1].id }, tok.warehouse);
    expect(codeOf(other)).toBe('NOT_FOUND');
    const missing = await t.gql('query($w:ID!){ zones(warehouseId:$w){ code } }', { w: '9999' }, tok.warehouse);
    expect(codeOf(missing)).toBe('NOT_FOUND');
    expect(other.errors![0].message).toBe(missing.errors![0].message);
    expect(codeOf(await t.gql('query($w:ID!){ bins(warehouseId:$w){ total } }', { w: wh[1].id }, tok.warehouse))).toBe(
      'NOT_FOUND',
    );
  });

  it('only stock.warehouse.manage writes; readers read', async () => {
    expect(
      codeOf(await t.gql(CREATE_ZONE, { i: { warehouseId: wh[0].id, code: 'S', name: 'S' } }, tok.warehouse)),
    ).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CREATE_BIN, { i: { warehouseId: wh[0].id, code: 'S-1' } }, tok.sales))).toBe('FORBIDDEN');
    expect(await t.ds.getRepository(Zone).countBy({ code: 'S' })).toBe(0);
    expect(
      (await t.gql('query($w:ID!){ zones(warehouseId:$w){ code } }', { w: wh[0].id }, tok.sales)).data.zones,
    ).toHaveLength(2);
  });
});
