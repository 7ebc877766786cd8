import { DEMO_ROLES, expect, expectedMenu, loginOk, menuEntries, test } from './fixtures';

test.describe('side menu per role (zh-CN)', () => {
  // guard against the derivation itself going wrong
  test('expected sets match the catalogue for admin and sales', () => {
    expect(expectedMenu('admin')).toEqual([
      'analytics',
      'api-clients',
      'audit',
      'birthday-offers',
      'categories',
      'coupons',
      'customers',
      'directory',
      'lucky-draws',
      'online-stores',
      'overview',
      'payables',
      'period-close',
      'price-lists',
      'print-templates',
      'product-import',
      'products',
      'promotion-effect',
      'promotion-simulator',
      'promotions',
      'purchase-orders',
      'receivables',
      'replenishment',
      'roles',
      'sales-orders',
      'sales-overview',
      'settings',
      'staff-performance',
      'statements',
      'stock-card',
      'stock-count-analysis',
      'stock-documents',
      'stock-levels',
      'stock-risk',
      'stocktakes',
      'supplier-scorecards',
      'suppliers',
      'tpl',
      'users',
      'valuation',
      'warehouse-fees',
      'warehouses',
      'webhooks',
    ]);
    expect(expectedMenu('manager')).toEqual([
      'analytics',
      'audit',
      'birthday-offers',
      'categories',
      'coupons',
      'customers',
      'directory',
      'lucky-draws',
      'online-stores',
      'overview',
      'payables',
      'period-close',
      'price-lists',
      'print-templates',
      'product-import',
      'products',
      'promotion-effect',
      'promotion-simulator',
      'promotions',
      'purchase-orders',
      'receivables',
      'replenishment',
      'roles',
      'sales-orders',
      'sales-overview',
      'settings',
      'staff-performance',
      'statements',
      'stock-card',
      'stock-count-analysis',
      'stock-documents',
      'stock-levels',
      'stock-risk',
      'stocktakes',
      'supplier-scorecards',
      'suppliers',
      'tpl',
      'valuation',
      'warehouse-fees',
      'warehouses',
    ]);
    expect(expectedMenu('sales')).toEqual([
      'birthday-offers',
      'categories',
      'coupons',
      'customers',
      'directory',
      'lucky-draws',
      'overview',
      'price-lists',
      'products',
      'promotion-effect',
      'promotion-simulator',
      'promotions',
      'receivables',
      'sales-orders',
      'sales-overview',
      'staff-performance',
      'statements',
      'stock-card',
      'stock-documents',
      'stock-levels',
      'stock-risk',
      'warehouses',
    ]);
    expect(expectedMenu('warehouse')).toContain('sales-orders');
    expect(expectedMenu('warehouse')).not.toContain('sales-overview');
  });

  for (const role of DEMO_ROLES) {
    test(`${role} sees exactly the menu of the role`, async ({ page }) => {
      await loginOk(page, role);
      await expect(page).toHaveURL(/\/$/);
      expect(await menuEntries(page)).toEqual(expectedMenu(role));
      await expect(page.getByTestId('brand')).toContainText('jxc 进销存');
      await expect(page.getByTestId('menu-overview')).toContainText('概览');
      // every menu entry opens its page without the 403 page
      for (const name of expectedMenu(role)) {
        await page.getByTestId(`menu-${name}`).click();
        await expect(page.getByTestId('forbidden')).toHaveCount(0);
      }
    });
  }
});
