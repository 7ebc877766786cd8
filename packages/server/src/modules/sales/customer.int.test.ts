import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeOf, testApp, testDbKind, type TestApp } from '../../test/harness';
import { addRole, addUser } from '../../test/fixtures';
import { Customer } from './customer.entity';
import { addDays, today } from '../../core/dates';

const CREATE = 'mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id code ownerId version tier { code } } }';
const LIST =
  'query($f:CustomerFilter){ customers(filter:$f){ total items { code name phone ownerName tier { code } channel { code } } } }';

describe(`customers: owner scope, contact fields, channels, tiers (${testDbKind})`, () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const ok = (r: { data?: any; errors?: unknown }) => {
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    return r.data;
  };

  beforeAll(async () => {
    t = await testApp();
    // an assistant who may look customers up but not read their contact data
    await addRole(t.ds, 'sales_assistant', ['sales.customer.read', 'sales.customer.all'], {
      name: 'Sales assistant',
      nameZh: '销售助理',
    });
    await addUser(t.ds, 'sales2', ['sales']);
    await addUser(t.ds, 'assistant', ['sales_assistant']);
    for (const u of ['admin', 'manager', 'accountant', 'purchaser', 'sales', 'sales2', 'assistant', 'warehouse'])
      tok[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it('channels and stores are set up by a manager; an unknown channel is refused', async () => {
    const tmall = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"TMALL", name:"天猫旗舰店", kind: ONLINE_SHOP, platform:"tmall"}){ id kind platform } }',
        {},
        tok.manager,
      ),
    ).saveSalesChannel;
    ids.tmall = tmall.id;
    ok(
      await t.gql(
        'mutation($c:ID!){ saveSalesStore(input:{channelId:$c, code:"TM-01", name:"天猫·云栖旗舰店"}){ id } }',
        { c: tmall.id },
        tok.manager,
      ),
    );
    ids.shop = ok(
      await t.gql(
        'mutation{ saveSalesChannel(input:{code:"SHOP", name:"线下门店", kind: OFFLINE_STORE}){ id } }',
        {},
        tok.manager,
      ),
    ).saveSalesChannel.id;
    expect(
      codeOf(
        await t.gql('mutation{ saveSalesChannel(input:{code:"X", name:"x", kind: DISTRIBUTOR}){ id } }', {}, tok.sales),
      ),
    ).toBe('FORBIDDEN');
    const before = await t.ds.getRepository(Customer).count();
    const bad = await t.gql(CREATE, { i: { code: 'C-BAD', name: '未知渠道', channelId: '9999' } }, tok.sales);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.details.fields).toEqual([{ field: 'channelId', message: 'Unknown channel.' }]);
    expect(await t.ds.getRepository(Customer).count()).toBe(before);
  });

  it('a salesperson sees only their own customers, in lists, search and by id', async () => {
    const a = ok(
      await t.gql(
        CREATE,
        { i: { code: 'C-001', name: '杭州茶语餐饮', phone: '13900000001', channelId: ids.shop, creditLimit: '5000' } },
        tok.sales,
      ),
    ).createCustomer;
    const b = ok(
      await t.gql(
        CREATE,
        { i: { code: 'C-002', name: '苏州茶舍', phone: '13900000002', channelId: ids.tmall } },
        tok.sales2,
      ),
    ).createCustomer;
    ids.a = a.id;
    ids.b = b.id;
    expect(a.tier).toEqual({ code: 'ordinary' });
    // lists and search
    expect(ok(await t.gql(LIST, {}, tok.sales)).customers.items.map((c: any) => c.code)).toEqual(['C-001']);
    expect(ok(await t.gql(LIST, { f: { search: '茶' } }, tok.sales2)).customers.items.map((c: any) => c.code)).toEqual([
      'C-002',
    ]);
    expect(ok(await t.gql(LIST, { f: { search: 'C-002' } }, tok.sales)).customers).toEqual({ total: 0, items: [] });
    // by id: the other salesperson's customer does not exist for them
    expect(codeOf(await t.gql('query($id:ID!){ customer(id:$id){ name } }', { id: b.id }, tok.sales))).toBe(
      'NOT_FOUND',
    );
    expect(
      codeOf(
        await t.gql(
          'mutation($i:UpdateCustomerInput!){ updateCustomer(input:$i){ id } }',
          { i: { id: b.id, version: 1, name: '改名' } },
          tok.sales,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      codeOf(
        await t.gql(
          'mutation($i:ServiceRecordInput!){ addCustomerServiceRecord(input:$i){ id } }',
          { i: { customerId: b.id, kind: 'COMPLAINT', content: 'x' } },
          tok.sales,
        ),
      ),
    ).toBe('NOT_FOUND');
    // filtering by owner, or giving a customer away, needs sales.customer.all
    expect(codeOf(await t.gql(LIST, { f: { ownerId: a.ownerId } }, tok.sales))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(CREATE, { i: { code: 'C-003', name: '给别人', ownerId: b.ownerId } }, tok.sales))).toBe(
      'FORBIDDEN',
    );
    // the manager and the accountant see everyone's
    expect(ok(await t.gql(LIST, {}, tok.manager)).customers.items.map((c: any) => [c.code, c.ownerName])).toEqual([
      ['C-001', '钱销售 Qian'],
      ['C-002', 'sales2'],
    ]);
    expect(
      ok(await t.gql(LIST, { f: { ownerId: b.ownerId } }, tok.accountant)).customers.items.map((c: any) => c.code),
    ).toEqual(['C-002']);
  });

  it('contact data needs its own permission; purchasers and keepers do not reach customers at all', async () => {
    const r = await t.gql(LIST, {}, tok.assistant);
    expect(r.data.customers.items.map((c: any) => [c.code, c.phone])).toEqual([
      ['C-001', null],
      ['C-002', null],
    ]);
    expect(r.extensions?.hiddenFields).toEqual(['Customer.phone']);
    expect(
      ok(await t.gql('query($id:ID!){ customer(id:$id){ phone } }', { id: ids.a }, tok.sales)).customer.phone,
    ).toBe('13900000001');
    // the export follows the same scope and drops the contact columns
    const EXPORT = '{ exportCustomers { columns content } }';
    const own = ok(await t.gql(EXPORT, {}, tok.sales)).exportCustomers;
    expect(own.columns).toEqual([
      'code',
      'name',
      'phone',
      'email',
      'address',
      'birthday',
      'preferences',
      'ownerId',
      'channelId',
      'tierId',
      'tierFixed',
      'creditLimit',
      'memo',
    ]);
    expect(
      own.content
        .split('\r\n')
        .slice(1, -1)
        .map((l: string) => l.split(',').slice(0, 3)),
    ).toEqual([['C-001', '杭州茶语餐饮', '13900000001']]);
    const noContact = ok(await t.gql(EXPORT, {}, tok.assistant)).exportCustomers;
    expect(noContact.columns).toEqual([
      'code',
      'name',
      'preferences',
      'ownerId',
      'channelId',
      'tierId',
      'tierFixed',
      'creditLimit',
      'memo',
    ]);
    expect(
      noContact.content
        .split('\r\n')
        .slice(1, -1)
        .map((l: string) => l.split(',')[0]),
    ).toEqual(['C-001', 'C-002']);
    expect(codeOf(await t.gql(LIST, {}, tok.purchaser))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(LIST, {}, tok.warehouse))).toBe('FORBIDDEN');
  });

  it('service and complaint records stay on the customer, with who and when', async () => {
    ok(
      await t.gql(
        'mutation($i:ServiceRecordInput!){ addCustomerServiceRecord(input:$i){ id } }',
        { i: { customerId: ids.a, kind: 'COMPLAINT', content: '到货外箱破损' } },
        tok.sales,
      ),
    );
    const c = ok(
      await t.gql(
        'query($id:ID!){ customer(id:$id){ serviceRecords { kind content userName resolved } } }',
        { id: ids.a },
        tok.sales,
      ),
    ).customer;
    expect(c.serviceRecords).toEqual([
      { kind: 'COMPLAINT', content: '到货外箱破损', userName: '钱销售 Qian', resolved: false },
    ]);
  });

  it('tiers follow the RFM figures on recompute; a tier fixed by hand is kept', async () => {
    // figures as sales orders will give them: C-001 12 orders 60,000.00 five days ago; C-002 3 orders 2,500.00 55 days ago
    t.app.services.customers.useFigures(async (_tx, customerIds) =>
      customerIds.map((id) =>
        String(id) === ids.a
          ? { customerId: id, lastOrderOn: addDays(today(), -5), orders: 12, amount: '60000.00' }
          : { customerId: id, lastOrderOn: addDays(today(), -55), orders: 3, amount: '2500.00' },
      ),
    );
    const r = ok(
      await t.gql('mutation{ recomputeCustomerTiers { customers changed fixed } }', {}, tok.manager),
    ).recomputeCustomerTiers;
    expect(r).toEqual({ customers: 2, changed: 2, fixed: 0 });
    const tiersNow = async () =>
      ok(await t.gql(LIST, {}, tok.manager)).customers.items.map((c: any) => [c.code, c.tier.code]);
    expect(await tiersNow()).toEqual([
      ['C-001', 'vip'],
      ['C-002', 'silver'],
    ]);
    expect(
      ok(await t.gql('query($id:ID!){ customer(id:$id){ tierReason } }', { id: ids.b }, tok.manager)).customer
        .tierReason,
    ).toBe('amount 2500.00 ≥ 2000.00, orders 3 ≥ 2, last order 55 ≤ 180 days ago');
    // fixed by hand: kept on the next recompute
    const vip = ok(await t.gql('{ customerTiers { id code } }', {}, tok.sales)).customerTiers.find(
      (x: any) => x.code === 'vip',
    );
    ok(
      await t.gql(
        'mutation($i:UpdateCustomerInput!){ updateCustomer(input:$i){ tierFixed } }',
        {
          i: {
            id: ids.b,
            version: (await t.ds.getRepository(Customer).findOneByOrFail({ id: Number(ids.b) })).version,
            tierId: vip.id,
          },
        },
        tok.manager,
      ),
    );
    const again = ok(
      await t.gql('mutation{ recomputeCustomerTiers { fixed } }', {}, tok.manager),
    ).recomputeCustomerTiers;
    expect(again.fixed).toBe(1);
    expect((await tiersNow())[1]).toEqual(['C-002', 'vip']);
    expect(codeOf(await t.gql('mutation{ recomputeCustomerTiers { fixed } }', {}, tok.sales))).toBe('FORBIDDEN');
  });

  it('contacts and delivery addresses: one primary, one default; an order ships to the default; scoped and behind the contact permission', async () => {
    const CONTACT = 'mutation($i:CustomerContactInput!){ saveCustomerContact(input:$i){ id name primary phone } }';
    const ADDRESS = 'mutation($i:CustomerAddressInput!){ saveCustomerAddress(input:$i){ id label isDefault address } }';
    const READ =
      'query($id:ID!){ customer(id:$id){ contacts { name title phone email primary } addresses { label receiver phone address isDefault } } }';
    ok(
      await t.gql(
        CONTACT,
        { i: { customerId: ids.a, name: '王采购', title: '采购经理', phone: '13911112222', primary: true } },
        tok.sales,
      ),
    );
    const second = ok(
      await t.gql(
        CONTACT,
        { i: { customerId: ids.a, name: '李会计', title: '财务', email: 'li@example.cn' } },
        tok.sales,
      ),
    ).saveCustomerContact;
    ok(
      await t.gql(
        CONTACT,
        {
          i: {
            id: second.id,
            customerId: ids.a,
            name: '李会计',
            title: '财务主管',
            email: 'li@example.cn',
            primary: true,
          },
        },
        tok.sales,
      ),
    );
    // the first address is the default; a new default takes over
    const shop = ok(
      await t.gql(
        ADDRESS,
        {
          i: {
            customerId: ids.a,
            label: '门店',
            receiver: '王采购',
            phone: '13911112222',
            address: '杭州市西湖区龙井路 1 号',
          },
        },
        tok.sales,
      ),
    ).saveCustomerAddress;
    expect(shop.isDefault).toBe(true);
    ok(
      await t.gql(
        ADDRESS,
        {
          i: {
            customerId: ids.a,
            label: '仓库',
            receiver: '赵仓管',
            address: '杭州市余杭区仓前街 8 号',
            isDefault: true,
          },
        },
        tok.sales,
      ),
    );
    const read = ok(await t.gql(READ, { id: ids.a }, tok.sales)).customer;
    expect(read.contacts).toEqual([
      { name: '李会计', title: '财务主管', phone: '', email: 'li@example.cn', primary: true },
      { name: '王采购', title: '采购经理', phone: '13911112222', email: '', primary: false },
    ]);
    expect(read.addresses.map((a: any) => [a.label, a.isDefault])).toEqual([
      ['仓库', true],
      ['门店', false],
    ]);
    // another salesperson cannot touch them; an assistant sees names but no phone, e-mail or address
    expect(codeOf(await t.gql(CONTACT, { i: { customerId: ids.a, name: 'x' } }, tok.sales2))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql('mutation($id:ID!){ deleteCustomerAddress(id:$id) }', { id: shop.id }, tok.sales2))).toBe(
      'NOT_FOUND',
    );
    // another salesperson's customer's row and an id that does not exist answer exactly alike
    const del = 'mutation($id:ID!){ deleteCustomerAddress(id:$id) }';
    const theirs = await t.gql(del, { id: shop.id }, tok.sales2);
    expect(theirs.errors).toEqual((await t.gql(del, { id: '987654' }, tok.sales2)).errors);
    const masked = await t.gql(READ, { id: ids.a }, tok.assistant);
    expect(masked.data.customer.contacts[0]).toEqual({
      name: '李会计',
      title: '财务主管',
      phone: null,
      email: null,
      primary: true,
    });
    expect(masked.data.customer.addresses[0]).toMatchObject({ label: '仓库', receiver: null, address: null });
    expect(masked.extensions?.hiddenFields).toEqual(
      expect.arrayContaining(['CustomerContact.phone', 'CustomerAddress.address']),
    );
    // someone who may manage customers but not read contact data edits a contact: the phone they cannot see is kept
    await addRole(t.ds, 'sales_editor', ['sales.customer.read', 'sales.customer.all', 'sales.customer.manage'], {
      name: 'Sales editor',
      nameZh: '销售编辑',
    });
    await addUser(t.ds, 'editor', ['sales_editor']);
    const editor = await t.login('editor');
    const wang = ok(
      await t.gql(READ.replace('contacts {', 'contacts { id'), { id: ids.a }, tok.sales),
    ).customer.contacts.find((c: any) => c.name === '王采购');
    ok(
      await t.gql(
        CONTACT,
        { i: { id: wang.id, customerId: ids.a, name: '王采购', title: '采购总监', primary: false } },
        editor,
      ),
    );
    expect(ok(await t.gql(READ, { id: ids.a }, tok.sales)).customer.contacts[1]).toEqual({
      name: '王采购',
      title: '采购总监',
      phone: '13911112222',
      email: '',
      primary: false,
    });
    // an empty phone clears it
    ok(
      await t.gql(CONTACT, { i: { id: wang.id, customerId: ids.a, name: '王采购', phone: '', email: '' } }, tok.sales),
    );
    expect(ok(await t.gql(READ, { id: ids.a }, tok.sales)).customer.contacts[1]).toMatchObject({
      phone: '',
      title: '采购总监',
    });
    // an order given no delivery address ships to the default one
    expect(
      await t.app.services.customers.defaultShipTo(
        t.ds.manager,
        await t.ds.getRepository(Customer).findOneByOrFail({ id: Number(ids.a) }),
      ),
    ).toBe('赵仓管 杭州市余杭区仓前街 8 号');
    ok(await t.gql('mutation($id:ID!){ deleteCustomerAddress(id:$id) }', { id: shop.id }, tok.sales));
    expect(ok(await t.gql(READ, { id: ids.a }, tok.sales)).customer.addresses).toHaveLength(1);
  });
});
