import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEntry } from '../../test/fixtures';
import { codeOf, testApp, type TestApp } from '../../test/harness';
import { exportedFile, exportListAs } from '../../test/list-export';
import { Product } from './product.entity';
import { Sku, SkuBarcode } from './sku.entity';

const PRODUCT_FIELDS = `id code name version baseUnit unitScale attributeNames batchTracked
  category { code } brand { name } units { name factor }
  skus { id code name attributes { name value } barcodes refPurchasePrice refSalePrice active version }`;
const CREATE = `mutation($i:CreateProductInput!){ createProduct(input:$i){ ${PRODUCT_FIELDS} } }`;
const UPDATE = `mutation($i:UpdateProductInput!){ updateProduct(input:$i){ ${PRODUCT_FIELDS} } }`;
const IMPORT =
  'mutation($f:String!,$d:Boolean){ importProducts(fileBase64:$f, dryRun:$d){ ok dryRun rowCount created updated skusCreated brandsCreated rows { row errors { column message } } } }';

const HEADER = [
  '商品编码',
  '商品名称',
  '分类编码',
  '品牌',
  '基本单位',
  '单位小数位',
  '换算单位',
  '保质期天数',
  '储存条件',
  '批次管理',
  '序列号管理',
  'SKU编码',
  '规格属性',
  '条码',
  '参考进价',
  '参考售价',
];

async function xlsx(rows: unknown[][], sheet = '商品导入'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function readXlsx(base64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as any);
  const out: string[][] = [];
  wb.worksheets[0].eachRow((row) =>
    out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return out;
}

describe('catalog: products, SKUs, categories, Excel', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const cat: Record<string, { id: string; version: number }> = {};
  let brandId: string;
  let tee: any;

  beforeAll(async () => {
    t = await testApp();
    for (const r of ['admin', 'manager', 'sales', 'warehouse', 'purchaser']) tok[r] = await t.login(r);
    const mk = async (code: string, name: string, parentId?: string) => {
      const r = await t.gql(
        'mutation($i:CreateCategoryInput!){ createCategory(input:$i){ id version path } }',
        { i: { code, name, parentId } },
        tok.admin,
      );
      expect(r.errors).toBeUndefined();
      cat[code] = r.data.createCategory;
      return r.data.createCategory;
    };
    await mk('CLOTHES', '服装');
    await mk('TOPS', '上衣', cat.CLOTHES.id);
    await mk('FOOD', '食品');
    brandId = (await t.gql('mutation{ createBrand(input:{name:"优品"}){ id } }', {}, tok.admin)).data.createBrand.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a product with SKUs, units and barcodes in one transaction, audited', async () => {
    const r = await t.gql(
      CREATE,
      {
        i: {
          code: 'TS-001',
          name: '纯棉T恤',
          categoryId: cat.TOPS.id,
          brandId,
          baseUnit: '件',
          unitScale: 0,
          attributeNames: ['颜色', '尺码'],
          units: [
            { name: '箱', factor: '12' },
            { name: '包', factor: '6' },
          ],
          skus: [
            {
              code: 'TS-001-R-M',
              attributes: [
                { name: '颜色', value: '红' },
                { name: '尺码', value: 'M' },
              ],
              barcodes: ['6901234567892', '6901234567908'],
              refPurchasePrice: '25.5',
              refSalePrice: '59',
            },
            {
              code: 'TS-001-B-L',
              attributes: [
                { name: '尺码', value: 'L' },
                { name: '颜色', value: '蓝' },
              ],
              barcodes: ['6901234567915'],
              refSalePrice: '61.00',
            },
          ],
        },
      },
      tok.admin,
    );
    expect(r.errors).toBeUndefined();
    tee = r.data.createProduct;
    expect(tee).toMatchObject({
      code: 'TS-001',
      version: 1,
      baseUnit: '件',
      category: { code: 'TOPS' },
      brand: { name: '优品' },
      attributeNames: ['颜色', '尺码'],
    });
    expect(tee.units).toEqual([
      { name: '箱', factor: '12' },
      { name: '包', factor: '6' },
    ]);
    expect(tee.skus).toHaveLength(2);
    expect(tee.skus[0]).toMatchObject({
      code: 'TS-001-R-M',
      name: '纯棉T恤 红 M',
      barcodes: ['6901234567892', '6901234567908'],
      refPurchasePrice: '25.500000',
      refSalePrice: '59.000000',
      active: true,
    });
    expect(tee.skus[1]).toMatchObject({
      refPurchasePrice: null,
      refSalePrice: '61.000000',
      barcodes: ['6901234567915'],
    });
    const audit = await t.ds.getRepository(AuditEntry).findOneByOrFail({ action: 'product.create', entityId: tee.id });
    expect(JSON.parse(audit.after!).skus.map((s: any) => s.code)).toEqual(['TS-001-R-M', 'TS-001-B-L']);
  });

  it('finds products and SKUs by barcode, SKU code and name', async () => {
    const byBarcode = await t.gql(
      '{ products(filter:{search:"6901234567915"}) { total items { code } } skuByBarcode(barcode:"6901234567908") { code productName baseUnit units { name } product { code } } }',
      {},
      tok.warehouse,
    );
    expect(byBarcode.errors).toBeUndefined();
    expect(byBarcode.data.products).toEqual({ total: 1, items: [{ code: 'TS-001' }] });
    expect(byBarcode.data.skuByBarcode).toEqual({
      code: 'TS-001-R-M',
      productName: '纯棉T恤',
      baseUnit: '件',
      units: [{ name: '箱' }, { name: '包' }],
      product: { code: 'TS-001' },
    });
    expect((await t.gql('{ skuByBarcode(barcode:"000") { code } }', {}, tok.warehouse)).data.skuByBarcode).toBeNull();
    const picker = await t.gql(
      '{ skus(filter:{barcode:"6901234567915"}) { total items { code } } s2: skus(filter:{search:"b-l"}) { total } s3: skus(filter:{search:"%"}) { total } }',
      {},
      tok.sales,
    );
    expect(picker.data.skus).toEqual({ total: 1, items: [{ code: 'TS-001-B-L' }] });
    expect(picker.data.s2.total).toBe(1);
    expect(picker.data.s3.total).toBe(0); // % is taken literally
  });

  it('filters by category including the subtree', async () => {
    await t.gql(
      CREATE,
      { i: { code: 'MILK-1', name: '牛奶', categoryId: cat.FOOD.id, baseUnit: '盒', skus: [{ code: 'MILK-1' }] } },
      tok.admin,
    );
    const q = 'query($c:ID){ products(filter:{categoryId:$c}) { total items { code } } }';
    expect((await t.gql(q, { c: cat.CLOTHES.id }, tok.admin)).data.products).toEqual({
      total: 1,
      items: [{ code: 'TS-001' }],
    });
    expect((await t.gql(q, { c: cat.TOPS.id }, tok.admin)).data.products.total).toBe(1);
    expect((await t.gql(q, { c: cat.FOOD.id }, tok.admin)).data.products).toEqual({
      total: 1,
      items: [{ code: 'MILK-1' }],
    });
    // move TOPS under FOOD: the product follows its category's subtree
    const moved = await t.gql(
      'mutation($id:ID!,$v:Int!,$p:ID){ moveCategory(id:$id, version:$v, parentId:$p){ path version } }',
      { id: cat.TOPS.id, v: cat.TOPS.version, p: cat.FOOD.id },
      tok.admin,
    );
    expect(moved.data.moveCategory.path).toBe(`/${cat.FOOD.id}/${cat.TOPS.id}/`);
    expect((await t.gql(q, { c: cat.CLOTHES.id }, tok.admin)).data.products.total).toBe(0);
    expect((await t.gql(q, { c: cat.FOOD.id }, tok.admin)).data.products.total).toBe(2);
    // a cycle is refused
    const cyc = await t.gql(
      'mutation($id:ID!,$v:Int!,$p:ID){ moveCategory(id:$id, version:$v, parentId:$p){ path } }',
      { id: cat.FOOD.id, v: 1, p: cat.TOPS.id },
      tok.admin,
    );
    expect(codeOf(cyc)).toBe('BAD_USER_INPUT');
    expect(cyc.errors![0].extensions!.details.fields[0].field).toBe('parentId');
    // and back
    await t.gql(
      'mutation($id:ID!,$v:Int!,$p:ID){ moveCategory(id:$id, version:$v, parentId:$p){ path } }',
      { id: cat.TOPS.id, v: moved.data.moveCategory.version, p: cat.CLOTHES.id },
      tok.admin,
    );
    expect((await t.gql(q, { c: cat.CLOTHES.id }, tok.admin)).data.products.total).toBe(1);
  });

  it('updates with the version: adds and changes SKUs by code; a stale version gets CONFLICT and changes nothing', async () => {
    const ok = await t.gql(
      UPDATE,
      {
        i: {
          id: tee.id,
          version: 1,
          name: '纯棉圆领T恤',
          skus: [
            { code: 'TS-001-B-L', active: false },
            {
              code: 'TS-001-W-S',
              attributes: [
                { name: '颜色', value: '白' },
                { name: '尺码', value: 'S' },
              ],
            },
          ],
        },
      },
      tok.admin,
    );
    expect(ok.errors).toBeUndefined();
    const p = ok.data.updateProduct;
    expect(p.version).toBe(2);
    expect(p.skus.map((s: any) => [s.code, s.name, s.active])).toEqual([
      ['TS-001-R-M', '纯棉圆领T恤 红 M', true],
      ['TS-001-B-L', '纯棉圆领T恤 蓝 L', false],
      ['TS-001-W-S', '纯棉圆领T恤 白 S', true],
    ]);
    // untouched prices and barcodes stay
    expect(p.skus[0]).toMatchObject({ refPurchasePrice: '25.500000', barcodes: ['6901234567892', '6901234567908'] });

    const stale = await t.gql(
      UPDATE,
      { i: { id: tee.id, version: 1, name: '旧名字', skus: [{ code: 'TS-001-NEW' }] } },
      tok.admin,
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0].extensions!.details.currentVersion).toBe(2);
    const now = await t.ds.getRepository(Product).findOneByOrFail({ id: Number(tee.id) });
    expect(now).toMatchObject({ name: '纯棉圆领T恤', version: 2 });
    expect(await t.ds.getRepository(Sku).countBy({ productId: Number(tee.id) })).toBe(3);
    const audits = await t.ds.getRepository(AuditEntry).findBy({ action: 'product.update', entityId: tee.id });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0].before!)).toMatchObject({ name: '纯棉T恤', version: 1 });
    expect(JSON.parse(audits[0].after!)).toMatchObject({ name: '纯棉圆领T恤', version: 2 });
    tee = p;
  });

  it('refuses duplicate barcodes and other bad input naming the field paths, and writes nothing', async () => {
    const before = await t.ds.getRepository(SkuBarcode).count();
    const r = await t.gql(
      CREATE,
      {
        i: {
          code: 'SOCK-1',
          name: '袜子',
          baseUnit: '双',
          unitScale: 7,
          attributeNames: ['颜色'],
          units: [
            { name: '双', factor: '2' },
            { name: '包', factor: '0' },
            { name: '箱', factor: '1.1234567' },
          ],
          skus: [
            { code: 'SOCK-1-R', attributes: [{ name: '颜色', value: '红' }], barcodes: ['7000000000001'] },
            {
              code: 'SOCK-1-B',
              attributes: [{ name: '颜色', value: '黑' }],
              barcodes: ['7000000000002'],
              refSalePrice: '-1',
            },
            {
              code: 'SOCK-1-W',
              attributes: [{ name: '尺码', value: 'M' }],
              barcodes: ['6901234567892', '7000000000001'],
            },
            { code: 'sock-1-r', attributes: [{ name: '颜色', value: '白' }] },
          ],
        },
      },
      tok.admin,
    );
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    const fields = r.errors![0].extensions!.details.fields as Array<{ field: string; message: string }>;
    const paths = fields.map((f) => f.field);
    expect(paths).toEqual(
      expect.arrayContaining([
        'unitScale',
        'units[0].name',
        'units[1].factor',
        'units[2].factor',
        'skus[1].refSalePrice',
        'skus[2].attributes',
        'skus[2].barcodes[0]',
        'skus[2].barcodes[1]',
        'skus[3].code',
      ]),
    );
    expect(fields.find((f) => f.field === 'skus[2].barcodes[0]')!.message).toMatch(/TS-001-R-M/);
    expect(fields.find((f) => f.field === 'skus[2].barcodes[1]')!.message).toMatch(/skus\[0\]\.barcodes\[0\]/);
    expect(await t.ds.getRepository(Product).countBy({ code: 'SOCK-1' })).toBe(0);
    expect(await t.ds.getRepository(SkuBarcode).count()).toBe(before);
  });

  it('hides reference prices from the warehouse keeper, and the purchase price from sales', async () => {
    const q = '{ products(filter:{search:"TS-001"}) { items { code skus { code refPurchasePrice refSalePrice } } } }';
    const w = await t.gql(q, {}, tok.warehouse);
    expect(w.errors).toBeUndefined();
    const wSkus = w.data.products.items[0].skus;
    expect(wSkus.map((s: any) => s.code)).toEqual(['TS-001-R-M', 'TS-001-B-L', 'TS-001-W-S']);
    expect(wSkus.every((s: any) => s.refPurchasePrice === null && s.refSalePrice === null)).toBe(true);
    expect(w.extensions!.hiddenFields).toEqual(['Sku.refPurchasePrice', 'Sku.refSalePrice']);

    const s = await t.gql(q, {}, tok.sales);
    expect(s.data.products.items[0].skus[0]).toEqual({
      code: 'TS-001-R-M',
      refPurchasePrice: null,
      refSalePrice: '59.000000',
    });
    expect(s.extensions!.hiddenFields).toEqual(['Sku.refPurchasePrice']);
    const a = await t.gql(q, {}, tok.admin);
    expect(a.data.products.items[0].skus[0].refPurchasePrice).toBe('25.500000');
    expect(a.extensions?.hiddenFields).toBeUndefined();

    // sorting by a hidden field is refused; by a visible one allowed
    expect(codeOf(await t.gql('{ skus(sort: REF_PURCHASE_PRICE) { total } }', {}, tok.sales))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('{ skus(sort: REF_SALE_PRICE) { total } }', {}, tok.warehouse))).toBe('FORBIDDEN');
    const sorted = await t.gql(
      '{ skus(sort: REF_SALE_PRICE, filter:{productId:"' + tee.id + '"}) { items { code refSalePrice } } }',
      {},
      tok.sales,
    );
    expect(sorted.data.skus.items.map((x: any) => x.refSalePrice)).toEqual([null, '59.000000', '61.000000']);
  });

  it('a role without the permission may not set a price it cannot see (FORBIDDEN), and writes nothing', async () => {
    // the manager role can manage products; a custom role without the purchase-price permission:
    const roles = (await t.gql('{ roles { id code } }', {}, tok.admin)).data.roles;
    const role = await t.gql(
      'mutation{ createRole(input:{code:"catalog_clerk", name:"Catalog clerk", permissions:["catalog.product.read","catalog.product.manage","catalog.price.sale.read"]}){ id } }',
      {},
      tok.admin,
    );
    expect(role.errors).toBeUndefined();
    void roles;
    await t.gql(
      'mutation($i:CreateUserInput!){ createUser(input:$i){ id } }',
      {
        i: { username: 'clerk', displayName: '录入员', password: 'clerk-pass-12', roleIds: [role.data.createRole.id] },
      },
      tok.admin,
    );
    const first = await t.login('clerk', 'clerk-pass-12');
    // a password set by an administrator must be changed before anything else
    await t.gql(
      'mutation { changePassword(currentPassword: "clerk-pass-12", newPassword: "Clerk-own-2026") }',
      {},
      first,
    );
    const clerk = await t.login('clerk', 'Clerk-own-2026');
    const v = tee.version;
    const denied = await t.gql(
      UPDATE,
      { i: { id: tee.id, version: v, skus: [{ code: 'TS-001-R-M', refPurchasePrice: '1.00' }] } },
      clerk,
    );
    expect(codeOf(denied)).toBe('FORBIDDEN');
    expect(denied.errors![0].extensions!.details.fields).toEqual(['Sku.refPurchasePrice']);
    const clearing = await t.gql(
      UPDATE,
      { i: { id: tee.id, version: v, skus: [{ code: 'TS-001-R-M', refPurchasePrice: null }] } },
      clerk,
    );
    expect(codeOf(clearing)).toBe('FORBIDDEN');
    const create = await t.gql(
      CREATE,
      { i: { code: 'X-1', name: 'X', baseUnit: '件', skus: [{ code: 'X-1', refPurchasePrice: '3' }] } },
      clerk,
    );
    expect(codeOf(create)).toBe('FORBIDDEN');
    expect(await t.ds.getRepository(Product).countBy({ code: 'X-1' })).toBe(0);
    const sku = await t.ds.getRepository(Sku).findOneByOrFail({ code: 'TS-001-R-M' });
    expect(sku.refPurchasePrice).toBe('25.500000');
    // the sale price it may see, it may set; the hidden purchase price is kept
    const allowed = await t.gql(
      UPDATE,
      { i: { id: tee.id, version: v, skus: [{ code: 'TS-001-R-M', refSalePrice: '65' }] } },
      clerk,
    );
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.updateProduct.skus[0]).toMatchObject({ refSalePrice: '65.000000', refPurchasePrice: null });
    expect((await t.ds.getRepository(Sku).findOneByOrFail({ code: 'TS-001-R-M' })).refPurchasePrice).toBe('25.500000');
    tee = allowed.data.updateProduct;
    // sales and the warehouse keeper may not write products at all
    expect(codeOf(await t.gql(UPDATE, { i: { id: tee.id, version: tee.version, name: 'x' } }, tok.sales))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(
        await t.gql(CREATE, { i: { code: 'Y', name: 'Y', baseUnit: '件', skus: [{ code: 'Y' }] } }, tok.warehouse),
      ),
    ).toBe('FORBIDDEN');
  });

  it('exports xlsx with only the columns the user may see', async () => {
    const q =
      '{ exportProducts(filter:{search:"TS-001"}) { filename contentType encoding columns content } exportSkus { columns content } }';
    const s = await t.gql(q, {}, tok.sales);
    expect(s.errors).toBeUndefined();
    expect(s.data.exportProducts).toMatchObject({
      encoding: 'base64',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    expect(s.data.exportProducts.filename).toMatch(/\.xlsx$/);
    expect(s.data.exportProducts.columns).toContain('refSalePrice');
    expect(s.data.exportProducts.columns).not.toContain('refPurchasePrice');
    expect(s.data.exportSkus.columns).not.toContain('refPurchasePrice');
    const rows = await readXlsx(s.data.exportProducts.content);
    expect(rows[0]).toContain('参考售价');
    expect(rows[0]).not.toContain('参考进价');
    expect(rows).toHaveLength(4); // header + 3 SKUs
    expect(rows.flat().join('|')).not.toContain('25.5');
    expect(rows[1]).toEqual(
      expect.arrayContaining([
        'TS-001',
        'TS-001-R-M',
        '颜色=红;尺码=M',
        '6901234567892;6901234567908',
        '65',
        '箱=12;包=6',
      ]),
    );
    const skuRows = await readXlsx(s.data.exportSkus.content);
    expect(skuRows.flat().join('|')).not.toContain('25.5');
    expect(s.extensions!.hiddenFields).toEqual(['Sku.refPurchasePrice']);

    const w = await t.gql('{ exportSkus { columns } }', {}, tok.warehouse);
    expect(w.data.exportSkus.columns).not.toContain('refSalePrice');
    const a = await t.gql('{ exportProducts(filter:{search:"TS-001"}) { columns content } }', {}, tok.admin);
    expect(a.data.exportProducts.columns).toContain('refPurchasePrice');
    expect((await readXlsx(a.data.exportProducts.content))[1]).toContain('25.5');
  });

  it('exports the product list as the page shows it (the list registry): its filter, sort and columns', async () => {
    const cols: Array<[string, string]> = [
      ['code', '编码'],
      ['name', '名称'],
      ['category', '分类'],
      ['brand', '品牌'],
      ['baseUnit', '基本单位'],
      ['skuCount', 'SKU 数'],
      ['active', '状态'],
      ['batchTracked', '批次管理'],
      ['serialTracked', '序列号管理'],
    ];
    const values = {
      active: { true: '启用', false: '停用' },
      batchTracked: { true: '是', false: '否' },
      serialTracked: { true: '是', false: '否' },
    };
    const file = await exportedFile(t, tok.warehouse, 'products', cols, { filter: { search: 'TS-001' } }, values);
    expect(file.rows).toEqual([
      cols.map(([, h]) => h),
      ['TS-001', '纯棉圆领T恤', '上衣', '优品', '件', '3', '启用', '否', '否'],
    ]);
    const all = (await t.gql('{ products(sort: NAME, page: { limit: 200 }) { total items { code } } }', {}, tok.sales))
      .data;
    const sorted = await exportedFile(t, tok.sales, 'products', [['code', '编码']], { sort: 'NAME' });
    expect(sorted.rows.slice(1).map((r) => r[0])).toEqual(all.products.items.map((p: any) => p.code));
    expect(codeOf(await exportListAs(t, tok.sales, 'products', cols, { sort: 'PRICE' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await exportListAs(t, tok.sales, 'products', [['refSalePrice', '参考售价']]))).toBe('BAD_USER_INPUT');
  });

  it('imports a good file: products, SKUs, units, barcodes, brands', async () => {
    const f = await xlsx([
      HEADER,
      [
        'CUP-1',
        '马克杯',
        'FOOD',
        '新品牌',
        '个',
        0,
        '箱=24',
        730,
        '常温',
        '否',
        '否',
        'CUP-1-W',
        '颜色=白',
        '6911111111111',
        '8.5',
        '19.9',
      ],
      [
        'CUP-1',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        'CUP-1-B',
        '颜色=黑',
        '6911111111128;6911111111135',
        '8.5',
        '21',
      ],
      [
        'RICE-5',
        '大米 5kg',
        'FOOD',
        '优品',
        'kg',
        3,
        '袋=5',
        365,
        '阴凉干燥',
        '是',
        '否',
        'RICE-5',
        '',
        6922222222222,
        20,
        35,
      ],
      // an existing product: updated, a SKU added
      [
        'TS-001',
        '纯棉圆领T恤',
        'TOPS',
        '优品',
        '件',
        0,
        '箱=12;包=6',
        '',
        '',
        '否',
        '否',
        'TS-001-G-XL',
        '颜色=绿;尺码=XL',
        '6901234567999',
        '',
        '70',
      ],
    ]);
    const dry = await t.gql(IMPORT, { f, d: true }, tok.admin);
    expect(dry.errors).toBeUndefined();
    expect(dry.data.importProducts).toMatchObject({
      ok: true,
      dryRun: true,
      rowCount: 4,
      created: 2,
      updated: 1,
      skusCreated: 4,
      brandsCreated: ['新品牌'],
      rows: [],
    });
    expect(await t.ds.getRepository(Product).countBy({ code: 'CUP-1' })).toBe(0);

    const r = await t.gql(IMPORT, { f }, tok.admin);
    expect(r.errors).toBeUndefined();
    expect(r.data.importProducts).toMatchObject({
      ok: true,
      dryRun: false,
      created: 2,
      updated: 1,
      skusCreated: 4,
      rows: [],
    });
    const cup = (
      await t.gql(
        '{ products(filter:{search:"CUP-1"}) { items { name baseUnit shelfLifeDays category { code } brand { name } units { name factor } attributeNames skus { code barcodes refPurchasePrice refSalePrice } } } }',
        {},
        tok.admin,
      )
    ).data.products.items[0];
    expect(cup).toMatchObject({
      name: '马克杯',
      baseUnit: '个',
      shelfLifeDays: 730,
      category: { code: 'FOOD' },
      brand: { name: '新品牌' },
      units: [{ name: '箱', factor: '24' }],
      attributeNames: ['颜色'],
    });
    expect(cup.skus).toEqual([
      { code: 'CUP-1-W', barcodes: ['6911111111111'], refPurchasePrice: '8.500000', refSalePrice: '19.900000' },
      {
        code: 'CUP-1-B',
        barcodes: ['6911111111128', '6911111111135'],
        refPurchasePrice: '8.500000',
        refSalePrice: '21.000000',
      },
    ]);
    const rice = (
      await t.gql(
        '{ skuByBarcode(barcode:"6922222222222") { code unitScale product { batchTracked unitScale } refPurchasePrice } }',
        {},
        tok.admin,
      )
    ).data.skuByBarcode;
    expect(rice).toEqual({
      code: 'RICE-5',
      unitScale: 3,
      product: { batchTracked: true, unitScale: 3 },
      refPurchasePrice: '20.000000',
    });
    const ts = await t.ds.getRepository(Sku).find({ where: { productId: Number(tee.id) }, order: { id: 'ASC' } });
    expect(ts.map((s) => s.code)).toEqual(['TS-001-R-M', 'TS-001-B-L', 'TS-001-W-S', 'TS-001-G-XL']);
    expect(ts[0].refPurchasePrice).toBe('25.500000'); // SKUs not in the file are untouched
    expect(await t.ds.getRepository(AuditEntry).countBy({ action: 'product.import.create' })).toBe(2);
    const summary = await t.ds
      .getRepository(AuditEntry)
      .find({ where: { action: 'product.import' }, order: { id: 'DESC' }, take: 1 });
    expect(summary[0].after).not.toContain(f.slice(0, 40));
  });

  it('imports nothing when one row is wrong, naming the row and column', async () => {
    const products = await t.ds.getRepository(Product).count();
    const skus = await t.ds.getRepository(Sku).count();
    const f = await xlsx([
      HEADER,
      [
        'PEN-1',
        '中性笔',
        'FOOD',
        '',
        '支',
        0,
        '盒=10',
        '',
        '',
        '否',
        '否',
        'PEN-1-BK',
        '颜色=黑',
        '6933333333331',
        '1',
        '3',
      ],
      ['PEN-1', '', '', '', '', '', '', '', '', '', '', 'PEN-1-RD', '颜色=红', '6911111111111', '1', '3'], // barcode taken by CUP-1-W
      ['PEN-2', '铅笔', 'NOPE', '', '支', 0, '', '', '', '否', '否', 'PEN-2', '', '', '', '2'],
    ]);
    const r = await t.gql(IMPORT, { f }, tok.admin);
    expect(r.errors).toBeUndefined();
    const rep = r.data.importProducts;
    expect(rep.ok).toBe(false);
    expect(rep.rows.map((x: any) => x.row)).toEqual([3, 4]);
    expect(rep.rows[0].errors).toEqual([{ column: '条码', message: expect.stringMatching(/6911111111111.*CUP-1-W/) }]);
    expect(rep.rows[1].errors).toEqual([{ column: '分类编码', message: expect.stringMatching(/NOPE/) }]);
    expect(await t.ds.getRepository(Product).count()).toBe(products);
    expect(await t.ds.getRepository(Sku).count()).toBe(skus);
  });

  it('reports a wrong header clearly', async () => {
    const wrong = await xlsx([
      ['商品编码', '商品名称', '基本单位', '颜色', 'SKU编码x'],
      ['A', 'B', '件', '红', 'A-1'],
    ]);
    const r = await t.gql(IMPORT, { f: wrong }, tok.admin);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/header row/);
    const msgs = r.errors![0].extensions!.details.fields.map((x: any) => x.message).join(' ');
    expect(msgs).toMatch(/Unknown column "颜色"/);
    expect(msgs).toMatch(/Unknown column "SKU编码x"/);
    expect(msgs).toMatch(/Required column "SKU编码".*missing/);
    // English headers are fine
    const en = await xlsx([
      ['productCode', 'productName', 'baseUnit', 'skuCode'],
      ['EN-1', 'English', 'pcs', 'EN-1'],
    ]);
    expect((await t.gql(IMPORT, { f: en, d: true }, tok.admin)).data.importProducts).toMatchObject({
      ok: true,
      created: 1,
    });
  });

  it('refuses a file that is not xlsx, and more than 10,000 rows', async () => {
    const notX = await t.gql(IMPORT, { f: Buffer.from('code,name\nA,B\n').toString('base64') }, tok.admin);
    expect(codeOf(notX)).toBe('BAD_USER_INPUT');
    expect(notX.errors![0].message).toMatch(/not an Excel workbook/);
    const broken = await t.gql(
      IMPORT,
      { f: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]).toString('base64') },
      tok.admin,
    );
    expect(codeOf(broken)).toBe('BAD_USER_INPUT');
    expect(broken.errors![0].message).toMatch(/not a readable \.xlsx/);

    const rows: unknown[][] = [['productCode', 'productName', 'baseUnit', 'skuCode']];
    for (let i = 1; i <= 10_001; i++) rows.push([`B${i}`, 'n', '件', `B${i}`]);
    const big = await xlsx(rows);
    const r = await t.gql(IMPORT, { f: big }, tok.admin);
    expect(codeOf(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/10000/);
    expect(await t.ds.getRepository(Product).countBy({ code: 'B1' })).toBe(0);
  });

  it('import is refused for a role that may not manage products, and a hidden price column may not be filled', async () => {
    const f = await xlsx([
      HEADER.slice(0, 16),
      ['Q-1', 'Q', '', '', '件', 0, '', '', '', '否', '否', 'Q-1', '', '', '5', '6'],
    ]);
    expect(codeOf(await t.gql(IMPORT, { f }, tok.sales))).toBe('FORBIDDEN');
    const clerk = await t.login('clerk', 'Clerk-own-2026');
    const r = await t.gql(IMPORT, { f }, clerk);
    expect(codeOf(r)).toBe('FORBIDDEN');
    expect(r.errors![0].extensions!.details.fields).toEqual(['Sku.refPurchasePrice']);
    const tpl = await t.gql('{ productImportTemplate { columns content } }', {}, clerk);
    expect(tpl.data.productImportTemplate.columns).not.toContain('refPurchasePrice');
    expect((await readXlsx(tpl.data.productImportTemplate.content))[0]).toContain('SKU编码');
  });
});
