import { In, type DataSource } from 'typeorm';
import { now } from '../core/dates';
import { hashPassword } from '../modules/auth/password';
import { Role } from '../modules/auth/role.entity';
import { User } from '../modules/auth/user.entity';
import { Category } from '../modules/catalog/category.entity';
import { Product, ProductUnit } from '../modules/catalog/product.entity';
import { Sku } from '../modules/catalog/sku.entity';
import { Bin } from '../modules/stock/location.entity';
import { Warehouse } from '../modules/stock/warehouse.entity';
import { DEMO_PASSWORD } from '../seed';

// Tables tests read or write directly to set a case up or check an invariant (ledger, costs, audit,
// settings). Modules never touch each other's entities; tests may, but only through this file (or a
// module's index), so that a module's internal files stay its own (lint rule jxc/server-layers).
export { Brand } from '../modules/catalog/category.entity';
export { AuditEntry } from '../modules/audit/audit-entry.entity';
export { LoginAttempt } from '../modules/auth/login-attempt.entity';
export { PurchaseOrder } from '../modules/purchasing/purchase-order.entity';
export { StockBalance, StockCost, StockLedgerEntry } from '../modules/stock/ledger.entity';
export { StockDocType } from '../modules/stock/stock-document.entity';
export { CompanySettings } from '../modules/system/settings.entity';
export { promotionEffect } from '../modules/sales/promotion-effect';
export { Bin, Role, User };

/** A role of the test's own (not built in) with exactly these permission codes. */
export async function addRole(
  ds: DataSource,
  code: string,
  permissions: string[],
  opts: { name?: string; nameZh?: string } = {},
): Promise<Role> {
  return ds.getRepository(Role).save({
    code,
    name: opts.name ?? code,
    nameZh: opts.nameZh ?? opts.name ?? code,
    permissions,
    builtIn: false,
    version: 1,
  });
}

/** An active user with the demo password (so `t.login(username)` works), the roles by code and the warehouses by id. */
export async function addUser(
  ds: DataSource,
  username: string,
  roleCodes: string[],
  opts: { displayName?: string; warehouseIds?: number[]; mustChangePassword?: boolean } = {},
): Promise<User> {
  const roles = roleCodes.length ? await ds.getRepository(Role).findBy({ code: In(roleCodes) }) : [];
  if (roles.length !== roleCodes.length)
    throw new Error(`addUser ${username}: unknown role in ${roleCodes.join(', ')}`);
  const warehouses = opts.warehouseIds?.length
    ? await ds.getRepository(Warehouse).findBy({ id: In(opts.warehouseIds) })
    : [];
  return ds.getRepository(User).save({
    username,
    displayName: opts.displayName ?? username,
    email: null,
    phone: null,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    active: true,
    mustChangePassword: opts.mustChangePassword ?? false,
    createdAt: now(),
    version: 1,
    roles,
    warehouses,
  });
}

/** A small catalogue written straight to the database, for tests of the stock ledger. */
export async function seedCatalog(ds: DataSource) {
  const cat = await ds
    .getRepository(Category)
    .save({ parentId: null, code: 'TEA', name: '茶叶', path: '/', version: 1 });
  await ds.getRepository(Category).update({ id: cat.id }, { path: `/${cat.id}/` });
  const mk = async (code: string, name: string, opts: Partial<Product> = {}) => {
    const p = await ds.getRepository(Product).save({
      code,
      name,
      categoryId: cat.id,
      brandId: null,
      baseUnit: '件',
      unitScale: 0,
      shelfLifeDays: null,
      storageCondition: null,
      batchTracked: false,
      serialTracked: false,
      attributeNames: [],
      active: true,
      version: 1,
      ...opts,
    });
    const sku = await ds.getRepository(Sku).save({
      productId: p.id,
      code: `${code}-1`,
      name,
      attributes: [],
      refPurchasePrice: '10.000000',
      refSalePrice: '20.000000',
      active: true,
      version: 1,
    });
    return { product: p, sku };
  };
  const tea = await mk('P-TEA', '龙井 250g');
  await ds.getRepository(ProductUnit).save({ productId: tea.product.id, name: '箱', factor: '12.000000' });
  const rice = await mk('P-RICE', '东北大米', { baseUnit: 'kg', unitScale: 3 });
  const milk = await mk('P-MILK', '鲜牛奶', { batchTracked: true, shelfLifeDays: 15 });
  const whs = await ds.getRepository(Warehouse).find({ order: { id: 'ASC' } });
  const bins = await ds.getRepository(Bin).save([
    { warehouseId: whs[0].id, zoneId: null, code: 'A-01', active: true, version: 1 },
    { warehouseId: whs[0].id, zoneId: null, code: 'A-02', active: true, version: 1 },
  ]);
  return { category: cat, tea: tea.sku, rice: rice.sku, milk: milk.sku, warehouses: whs, bins };
}

/** A product with one SKU of its own (code `<code>-1`), so a test's ledger holds only what it posts. */
export async function newProductSku(ds: DataSource, code: string, product: Partial<Product> = {}): Promise<Sku> {
  const p = await ds.getRepository(Product).save({
    code,
    name: code,
    categoryId: null,
    brandId: null,
    baseUnit: '件',
    unitScale: 0,
    shelfLifeDays: null,
    storageCondition: null,
    batchTracked: false,
    serialTracked: false,
    attributeNames: [],
    active: true,
    version: 1,
    ...product,
  });
  return ds.getRepository(Sku).save({
    productId: p.id,
    code: `${code}-1`,
    name: code,
    attributes: [],
    refPurchasePrice: '10.000000',
    refSalePrice: '20.000000',
    active: true,
    version: 1,
  });
}
