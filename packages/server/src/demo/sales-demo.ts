import { Decimal } from 'decimal.js';
import { now, today } from '../core/dates';
import { hashPassword } from '../modules/auth/password';
import { Role } from '../modules/auth/role.entity';
import { User } from '../modules/auth/user.entity';
import { ChannelKind, ServiceRecordKind } from '../modules/sales/customer.entity';
import { PriceRuleKind } from '../modules/sales/price-list.entity';
import type { Services } from '../services';
import { contextFor, DEMO_PASSWORD } from './context';

const SURNAMES = ['杭州', '苏州', '南京', '宁波', '无锡', '合肥', '上海', '嘉兴', '绍兴', '温州'];
const KINDS = ['茶语餐饮', '便利店', '商贸行', '茶舍', '超市', '食品店', '酒店', '咖啡馆'];

/**
 * Demo sales set-up: a second salesperson ("sales2", password as the others), channels (an offline
 * chain with two stores, four online shops, a distributor), price lists per tier and channel with
 * a price change for history, and 40 customers split between the two salespeople — through the
 * services. Deterministic. Orders, shipments, returns and receivables are not seeded yet.
 */
export async function seedDemoSales(services: Services): Promise<{ customers: number; priceLists: number }> {
  const ds = services.ds;
  if (!(await ds.getRepository(User).findOneBy({ username: 'sales2' }))) {
    const role = await ds.getRepository(Role).findOneByOrFail({ code: 'sales' });
    await ds.getRepository(User).save({
      username: 'sales2',
      displayName: '周销售 Zhou',
      email: 'zhou@demo.jxc',
      phone: '13800000007',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      active: true,
      mustChangePassword: false,
      createdAt: now(),
      version: 1,
      roles: [role],
      warehouses: [],
    });
  }
  const [manager, sales, sales2] = [
    await contextFor(ds, services, 'manager'),
    await contextFor(ds, services, 'sales'),
    await contextFor(ds, services, 'sales2'),
  ];
  const c = services.customers;

  const ch = async (code: string, name: string, kind: ChannelKind, platform = '') =>
    (await c.saveChannel(manager, { code, name, kind, platform })).id;
  const channels = {
    store: await ch('STORE', '线下门店', ChannelKind.OFFLINE_STORE),
    tmall: await ch('TMALL', '天猫旗舰店', ChannelKind.ONLINE_SHOP, 'tmall'),
    jd: await ch('JD', '京东自营店', ChannelKind.ONLINE_SHOP, 'jd'),
    pdd: await ch('PDD', '拼多多店', ChannelKind.ONLINE_SHOP, 'pdd'),
    douyin: await ch('DOUYIN', '抖音小店', ChannelKind.ONLINE_SHOP, 'douyin'),
    dist: await ch('DIST', '华东分销', ChannelKind.DISTRIBUTOR),
  };
  const st = (channelId: number, code: string, name: string) =>
    c.saveStore(manager, { channelId: String(channelId), code, name });
  await st(channels.store, 'SH-XH', '上海徐汇店');
  await st(channels.store, 'HZ-XH', '杭州西湖店');
  await st(channels.tmall, 'TM-01', '天猫·云栖茶叶旗舰店');
  await st(channels.jd, 'JD-01', '京东·云栖自营');
  await st(channels.pdd, 'PDD-01', '拼多多·云栖优选');
  await st(channels.douyin, 'DY-01', '抖音·云栖直播间');
  await st(channels.dist, 'DIST-01', '宁波联华分销');

  // price lists: the base list, gold and VIP discounts, a Tmall price for gold with a change this month, distributors at cost + 12%
  const tiers = await c.tiers();
  const tier = (code: string) => String(tiers.find((x) => x.code === code)!.id);
  const pl = services.priceLists;
  const base = await pl.saveList(manager, { code: 'BASE', name: '基础价' });
  const gold = await pl.saveList(manager, { code: 'GOLD', name: '金卡价', tierId: tier('gold') });
  const vip = await pl.saveList(manager, { code: 'VIP', name: 'VIP 价', tierId: tier('vip') });
  const goldTmall = await pl.saveList(manager, {
    code: 'GOLD-TM',
    name: '金卡天猫价',
    tierId: tier('gold'),
    channelId: String(channels.tmall),
  });
  const dist = await pl.saveList(manager, { code: 'DIST', name: '分销价', channelId: String(channels.dist) });
  const skus: Array<{ id: number; ref_sale_price: string | null }> = await ds.query(
    'SELECT id, ref_sale_price FROM sku WHERE active = ? ORDER BY id LIMIT 12',
    [true],
  );
  const t = today();
  const yearStart = `${t.slice(0, 4)}-01-01`;
  const monthStart = `${t.slice(0, 7)}-01`;
  for (const [i, s] of skus.entries()) {
    const set = (priceListId: number, rule: PriceRuleKind, value: string, validFrom = yearStart) =>
      pl.setItem(manager, { priceListId: String(priceListId), skuId: String(s.id), rule, value, validFrom });
    await set(base.id, PriceRuleKind.DISCOUNT_OFF_LIST, '0');
    await set(gold.id, PriceRuleKind.DISCOUNT_OFF_LIST, '5');
    await set(vip.id, PriceRuleKind.DISCOUNT_OFF_LIST, '10');
    await set(dist.id, PriceRuleKind.COST_PLUS, '12');
    if (i < 4 && s.ref_sale_price) {
      const ref = new Decimal(s.ref_sale_price);
      await set(
        goldTmall.id,
        PriceRuleKind.FIXED,
        ref.mul('0.92').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
      );
      if (monthStart > yearStart)
        await set(
          goldTmall.id,
          PriceRuleKind.FIXED,
          ref.mul('0.90').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2),
          monthStart,
        );
    }
  }

  const channelIds = [
    channels.store,
    channels.store,
    channels.tmall,
    channels.jd,
    channels.pdd,
    channels.douyin,
    channels.dist,
  ];
  let n = 0;
  for (let i = 0; i < 40; i++) {
    const owner = i % 3 === 2 ? sales2 : sales;
    const code = `C${String(i + 1).padStart(4, '0')}`;
    const cust = await c.create(owner, {
      code,
      name: `${SURNAMES[i % SURNAMES.length]}${KINDS[(i * 3) % KINDS.length]}${i >= 10 ? ` ${Math.floor(i / 10)}号` : ''}`,
      phone: `139${String(10000000 + i * 7919).slice(0, 8)}`,
      email: `c${i + 1}@example.cn`,
      address: `${SURNAMES[i % SURNAMES.length]}市示例路 ${i + 1} 号`,
      birthday: `19${70 + (i % 30)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      preferences: i % 4 === 0 ? '偏好绿茶，月初补货' : '',
      channelId: String(channelIds[i % channelIds.length]),
      creditLimit: i % 5 === 0 ? '50000.00' : i % 5 === 1 ? '10000.00' : undefined,
      tierId: i === 0 ? tier('vip') : i === 7 ? tier('gold') : undefined,
    });
    if (i < 12) {
      // contacts and delivery addresses for the first customers
      await c.saveContact(owner, {
        customerId: String(cust.id),
        name: `${SURNAMES[(i + 3) % SURNAMES.length].slice(0, 1)}经理`,
        title: '采购负责人',
        phone: `137${String(20000000 + i * 613).slice(0, 8)}`,
        primary: true,
      });
      await c.saveAddress(owner, {
        customerId: String(cust.id),
        label: '门店',
        receiver: `${SURNAMES[(i + 3) % SURNAMES.length].slice(0, 1)}经理`,
        phone: `137${String(20000000 + i * 613).slice(0, 8)}`,
        address: `${SURNAMES[i % SURNAMES.length]}市示例路 ${i + 1} 号`,
        isDefault: true,
      });
      if (i % 3 === 0)
        await c.saveAddress(owner, {
          customerId: String(cust.id),
          label: '仓库',
          receiver: '收货组',
          address: `${SURNAMES[i % SURNAMES.length]}市物流园 ${i + 10} 号库`,
        });
    }
    if (i % 6 === 0)
      await c.addServiceRecord(owner, {
        customerId: String(cust.id),
        kind: i % 12 === 0 ? ServiceRecordKind.COMPLAINT : ServiceRecordKind.SERVICE,
        content: i % 12 === 0 ? '到货外箱破损，已补发' : '回访：对口感满意',
      });
    n++;
  }
  return { customers: n, priceLists: 5 };
}
