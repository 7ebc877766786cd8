import type { Context } from '../core/context';
import { toAuthUser } from '../modules/auth/auth.service';
import { User } from '../modules/auth/user.entity';
import { Brand, Category } from '../modules/catalog/category.entity';
import { Product, ProductUnit } from '../modules/catalog/product.entity';
import { Sku, SkuBarcode } from '../modules/catalog/sku.entity';
import { Bin, Zone } from '../modules/stock/location.entity';
import { StockDocType } from '../modules/stock/stock-document.entity';
import { Warehouse } from '../modules/stock/warehouse.entity';
import type { Services } from '../services';
import { now } from '../core/dates';

/** A seeded generator, so every demo database holds the same figures. */
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Demo catalogue and a year of stock moves in three warehouses, posted through the real posting
 * engine in date order, so the stock pages, the stock card and the valuation show real figures.
 */
export async function seedDemoStock(
  services: Services,
  opts: { weeks?: number } = {},
): Promise<{ skus: number; documents: number }> {
  const ds = services.ds;
  const rand = rng(20261125);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const admin = await ds
    .getRepository(User)
    .findOneOrFail({ where: { username: 'admin' }, relations: { roles: true, warehouses: true } });
  const ctx: Context = {
    user: toAuthUser(admin, 'seed'),
    ip: '127.0.0.1',
    userAgent: 'demo seed',
    requestId: 'demo-seed',
    services,
    hidden: new Set(),
    auditWritten: false,
    afterSuccess: [],
  };

  const cats = ds.getRepository(Category);
  // path holds the ids from the root down to the category itself ("/1/4/")
  const save = async (parent: Category | null, code: string, name: string) => {
    const c = await cats.save({ parentId: parent?.id ?? null, code, name, path: '/', version: 1 });
    c.path = `${parent?.path ?? '/'}${c.id}/`;
    return cats.save(c);
  };
  const root = (code: string, name: string) => save(null, code, name);
  const child = (parent: Category, code: string, name: string) => save(parent, code, name);
  const apparel = await root('APP', '服装');
  const food = await root('FOOD', '食品');
  const digital = await root('DIG', '数码配件');
  const home = await root('HOME', '家居日用');
  const leaf = {
    tops: await child(apparel, 'APP-TOP', '上衣'),
    pants: await child(apparel, 'APP-PNT', '裤装'),
    tea: await child(food, 'FOOD-TEA', '茶叶'),
    grain: await child(food, 'FOOD-GRN', '粮油'),
    dairy: await child(food, 'FOOD-DRY', '乳品'),
    digital,
    home,
  };
  const brands = await ds
    .getRepository(Brand)
    .save(['优品', '山川', '云栖', '极客', '暖居'].map((name) => ({ name, version: 1 })));

  const skus: Array<{ sku: Sku; price: number }> = [];
  let barcode = 6901234500000;
  const addProduct = async (
    code: string,
    name: string,
    category: Category,
    opts: Partial<Product>,
    variants: Array<{ name: string; value: string }[]>,
    price: number,
    units: Array<[string, string]> = [],
  ) => {
    const p = await ds.getRepository(Product).save({
      code,
      name,
      categoryId: category.id,
      brandId: pick(brands).id,
      baseUnit: '件',
      unitScale: 0,
      shelfLifeDays: null,
      storageCondition: null,
      batchTracked: false,
      serialTracked: false,
      attributeNames: variants[0]?.map((a) => a.name) ?? [],
      active: true,
      version: 1,
      ...opts,
    });
    for (const [u, f] of units) await ds.getRepository(ProductUnit).save({ productId: p.id, name: u, factor: f });
    for (const [i, attrs] of (variants.length ? variants : [[]]).entries()) {
      const variantPrice = price * (1 + (rand() - 0.5) * 0.1);
      const sku = await ds.getRepository(Sku).save({
        productId: p.id,
        code: `${code}-${String(i + 1).padStart(2, '0')}`,
        name: [name, ...attrs.map((a) => a.value)].join(' '),
        attributes: attrs,
        refPurchasePrice: variantPrice.toFixed(2),
        refSalePrice: (variantPrice * 1.6).toFixed(2),
        active: true,
        version: 1,
      });
      await ds.getRepository(SkuBarcode).save({ skuId: sku.id, barcode: String(barcode++) });
      skus.push({ sku, price: Math.round(variantPrice * 100) / 100 });
    }
  };
  const colors = ['黑', '白', '藏青', '灰'];
  const sizes = ['S', 'M', 'L', 'XL'];
  const apparelNames = ['纯棉T恤', '牛津纺衬衫', '连帽卫衣', '针织开衫', '防风夹克', '羊毛衫', 'polo衫', '亚麻衬衫'];
  const pantsNames = ['直筒牛仔裤', '休闲长裤', '运动短裤', '工装裤', '西装裤', '束脚卫裤'];
  let n = 1;
  for (const name of apparelNames) {
    await addProduct(
      `A${String(n++).padStart(3, '0')}`,
      name,
      leaf.tops,
      { attributeNames: ['颜色', '尺码'] },
      colors.slice(0, 3).flatMap((c) =>
        sizes.map((s) => [
          { name: '颜色', value: c },
          { name: '尺码', value: s },
        ]),
      ),
      40 + rand() * 120,
      [['箱', '20']],
    );
  }
  for (const name of pantsNames) {
    await addProduct(
      `A${String(n++).padStart(3, '0')}`,
      name,
      leaf.pants,
      { attributeNames: ['颜色', '尺码'] },
      colors.slice(0, 2).flatMap((c) =>
        sizes.map((s) => [
          { name: '颜色', value: c },
          { name: '尺码', value: s },
        ]),
      ),
      60 + rand() * 100,
      [['箱', '20']],
    );
  }
  const teas = [
    '西湖龙井',
    '碧螺春',
    '铁观音',
    '大红袍',
    '普洱熟茶',
    '白毫银针',
    '祁门红茶',
    '信阳毛尖',
    '六安瓜片',
    '黄山毛峰',
  ];
  for (const name of teas) {
    await addProduct(
      `F${String(n++).padStart(3, '0')}`,
      name,
      leaf.tea,
      { shelfLifeDays: 540, storageCondition: '干燥 < 60% RH' },
      ['100g', '250g', '500g'].map((v) => [{ name: '规格', value: v }]),
      30 + rand() * 200,
      [['箱', '24']],
    );
  }
  for (const name of ['东北大米', '五常香米', '菜籽油', '花生油', '小米', '绿豆', '糯米', '燕麦']) {
    await addProduct(
      `F${String(n++).padStart(3, '0')}`,
      name,
      leaf.grain,
      { baseUnit: 'kg', unitScale: 3, shelfLifeDays: 365 },
      [],
      5 + rand() * 30,
      [
        ['袋', '5'],
        ['箱', '20'],
      ],
    );
  }
  for (const name of ['鲜牛奶 1L', '酸奶 200g', '奶酪片', '黄油']) {
    await addProduct(
      `F${String(n++).padStart(3, '0')}`,
      name,
      leaf.dairy,
      { batchTracked: true, shelfLifeDays: 21, storageCondition: '2–8 °C' },
      [],
      6 + rand() * 20,
      [['箱', '12']],
    );
  }
  const gadgets = [
    'Type-C 数据线',
    '快充充电器',
    '蓝牙耳机',
    '移动电源',
    '手机支架',
    '无线鼠标',
    '机械键盘',
    'USB 集线器',
    '屏幕清洁套装',
    '笔记本支架',
    '读卡器',
    'HDMI 线',
    '车载充电器',
    '智能手环',
    '平板保护壳',
  ];
  for (const name of gadgets) {
    await addProduct(
      `D${String(n++).padStart(3, '0')}`,
      name,
      leaf.digital,
      {},
      ['黑', '白'].map((c) => [{ name: '颜色', value: c }]),
      15 + rand() * 180,
      [['箱', '50']],
    );
  }
  const homeGoods = [
    '保温杯',
    '陶瓷马克杯',
    '收纳箱',
    '毛巾',
    '浴巾',
    '晾衣架',
    '香薰蜡烛',
    '抱枕',
    '床单',
    '拖鞋',
    '雨伞',
    '饭盒',
    '砧板',
    '餐具套装',
    '垃圾袋',
    '纸巾',
    '洗衣液',
    '洗洁精',
    '衣架',
    '门垫',
  ];
  for (const name of homeGoods) {
    await addProduct(
      `H${String(n++).padStart(3, '0')}`,
      name,
      leaf.home,
      {},
      ['标准', '大号'].map((v) => [{ name: '规格', value: v }]),
      8 + rand() * 90,
      [['箱', '30']],
    );
  }

  const warehouses = await ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
  for (const w of warehouses) {
    const zone = await ds
      .getRepository(Zone)
      .save({ warehouseId: w.id, code: 'A', name: '常温区', storageCondition: '常温', version: 1 });
    const cold = await ds
      .getRepository(Zone)
      .save({ warehouseId: w.id, code: 'C', name: '冷藏区', storageCondition: '2–8 °C', version: 1 });
    await ds
      .getRepository(Bin)
      .save(
        [1, 2, 3, 4].map((i) => ({ warehouseId: w.id, zoneId: zone.id, code: `A-0${i}`, active: true, version: 1 })),
      );
    await ds.getRepository(Bin).save([{ warehouseId: w.id, zoneId: cold.id, code: 'C-01', active: true, version: 1 }]);
  }

  // a year of weekly receipts and issues per warehouse and a monthly transfer, in date order
  const weeks = opts.weeks ?? 52;
  const onHand = new Map<string, number>();
  const units = await ds.getRepository(Product).find();
  const scaleOf = new Map(units.map((p) => [p.id, p]));
  const batchTracked = new Set(units.filter((p) => p.batchTracked).map((p) => p.id));
  let documents = 0;
  const start = new Date(now().getTime() - weeks * 7 * 86400_000);
  const post = async (input: Parameters<Services['stockDocuments']['create']>[1]) => {
    const doc = await services.stockDocuments.create(ctx, input);
    const posted = await services.stockDocuments.post(ctx, String(doc.id));
    documents++;
    return posted;
  };
  for (let w = 0; w < weeks; w++) {
    const monday = new Date(start.getTime() + w * 7 * 86400_000);
    const season = 1 + 0.3 * Math.sin((w / 52) * 2 * Math.PI);
    for (const [wi, wh] of warehouses.entries()) {
      const receiptLines = [];
      const chosen = new Set<number>();
      for (let i = 0; i < 12; i++) chosen.add(Math.floor(rand() * skus.length));
      for (const idx of chosen) {
        const { sku, price } = skus[idx];
        const qty = Math.round((20 + rand() * 80) * (wi === 2 ? 0.5 : 1));
        const cost = (price * (0.92 + rand() * 0.16)).toFixed(2);
        const batch = batchTracked.has(sku.productId)
          ? {
              batchNo: `B${day(monday).replace(/-/g, '')}${idx}`,
              expiryDate: day(new Date(monday.getTime() + 21 * 86400_000)),
              // a 21-day product is always within the expiry warning days
              expiryReason: '短保鲜品 fresh goods, 21 days',
            }
          : {};
        receiptLines.push({ skuId: String(sku.id), qty: String(qty), unitCost: cost, ...batch });
        onHand.set(`${wh.id}:${sku.id}`, (onHand.get(`${wh.id}:${sku.id}`) ?? 0) + qty);
      }
      await post({
        type: StockDocType.OTHER_IN,
        warehouseId: String(wh.id),
        businessDate: day(monday),
        memo: '每周补货',
        lines: receiptLines,
      });
      for (let k = 1; k <= 3; k++) {
        const date = day(new Date(monday.getTime() + k * 2 * 86400_000));
        const lines = [];
        const stocked = [...onHand.entries()].filter(([key, q]) => key.startsWith(`${wh.id}:`) && q >= 4);
        for (let i = 0; i < 5 && stocked.length; i++) {
          const [key, q] = stocked.splice(Math.floor(rand() * stocked.length), 1)[0];
          const qty = Math.max(1, Math.floor(q * (0.1 + rand() * 0.25) * season));
          lines.push({ skuId: key.split(':')[1], qty: String(Math.min(qty, q)) });
          onHand.set(key, q - Math.min(qty, q));
        }
        if (lines.length)
          await post({
            type: StockDocType.OTHER_OUT,
            warehouseId: String(wh.id),
            businessDate: date,
            memo: '门店领用',
            countsAsDemand: true,
            lines,
          });
      }
    }
    if (w % 4 === 2) {
      const [from, to] = [warehouses[0], warehouses[1]];
      const stocked = [...onHand.entries()].filter(([key, q]) => key.startsWith(`${from.id}:`) && q >= 10).slice(0, 4);
      const lines = stocked.map(([key, q]) => {
        const qty = Math.floor(q / 3);
        onHand.set(key, q - qty);
        const skuId = key.split(':')[1];
        onHand.set(`${to.id}:${skuId}`, (onHand.get(`${to.id}:${skuId}`) ?? 0) + qty);
        return { skuId, qty: String(qty) };
      });
      if (lines.length) {
        const shipped = day(new Date(monday.getTime() + 6 * 86400_000));
        const doc = await post({
          type: StockDocType.TRANSFER,
          warehouseId: String(from.id),
          toWarehouseId: String(to.id),
          businessDate: shipped,
          memo: '调拨补货',
          lines,
        });
        await services.stockDocuments.receiveTransfer(ctx, String(doc.id), null, shipped);
      }
    }
  }
  void scaleOf;
  return { skus: skus.length, documents };
}
