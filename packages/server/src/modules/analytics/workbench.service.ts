import { Decimal } from 'decimal.js';
import type { DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { addDays, today } from '../../core/dates';
import { P, type Permission } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';
import * as sql from './analytics-sql';
import { SalesTarget } from './sales-target.entity';
import type { AnalyticsService } from './analytics.service';
import type { AnalysisMeasure } from './analytics.types';
import type { FigureKind, Workbench, WorkbenchCard, WorkbenchSection, WorkbenchSeries } from './workbench.types';

const D = (v: string | null | undefined) => new Decimal(v ?? 0);
const ROLE_SECTION: Record<string, WorkbenchSection[]> = {
  admin: ['MANAGER', 'ACCOUNTANT', 'PURCHASER', 'SALES', 'KEEPER'],
  manager: ['MANAGER', 'ACCOUNTANT', 'PURCHASER', 'SALES', 'KEEPER'],
  accountant: ['ACCOUNTANT'],
  purchaser: ['PURCHASER'],
  sales: ['SALES'],
  warehouse: ['KEEPER'],
};
/** Roles an admin made: the sections whose work their permissions allow. */
const SECTION_BY_PERMISSION: Array<[Permission, WorkbenchSection]> = [
  [P.ReportCostRead, 'ACCOUNTANT'],
  [P.PurchasingOrderCreate, 'PURCHASER'],
  [P.SalesOrderCreate, 'SALES'],
  [P.StockDocumentPost, 'KEEPER'],
];
/** a count: the list's total, one row fetched */
const ONE = { offset: 0, limit: 1 };
const ORDER: WorkbenchSection[] = ['MANAGER', 'ACCOUNTANT', 'PURCHASER', 'SALES', 'KEEPER'];

/**
 * 工作台: the home page per position. Each card is a live figure counted by the same service
 * (scope and all) as the list it links to, with that list's filters in the link; money only where
 * the user may see it, none at all in the keeper's section.
 */
export class WorkbenchService {
  constructor(
    private readonly ds: DataSource,
    private readonly analytics: AnalyticsService,
  ) {}

  sections(ctx: Context): WorkbenchSection[] {
    const out = new Set<WorkbenchSection>();
    for (const r of ctx.user?.roles ?? []) for (const s of ROLE_SECTION[r] ?? []) out.add(s);
    if (!out.size) for (const [p, s] of SECTION_BY_PERMISSION) if (can(ctx, p)) out.add(s);
    return ORDER.filter((s) => out.has(s));
  }

  async build(ctx: Context): Promise<Workbench> {
    const sections = this.sections(ctx);
    const day = today();
    const cards: WorkbenchCard[] = [];
    const series: WorkbenchSeries[] = [];
    const card = (
      section: WorkbenchSection,
      key: string,
      kind: FigureKind,
      value: string | number | null,
      link: string,
      detail: string | null = null,
    ) => cards.push({ section, key, kind, value: value === null ? null : String(value), detail, link });
    const s = ctx.services;
    const month = { from: `${day.slice(0, 8)}01`, to: day };
    const monthFigures = (measures: AnalysisMeasure[]) =>
      this.analytics.analyse(ctx, { ...month, dimensions: [], measures }).then((r) => r.total);

    for (const section of sections) {
      if (section === 'MANAGER') {
        let waiting = 0;
        if (can(ctx, P.PurchasingOrderRead))
          waiting += (await s.purchaseOrders.list(ctx, { awaitingMyDecision: true }, ONE)).total;
        if (can(ctx, P.SalesPriceApprove))
          waiting += (await s.salesOrders.list(ctx, { status: 'pending_price_approval' as any }, ONE)).total;
        card(section, 'approvalsWaiting', 'COUNT', waiting, '/purchasing/orders?awaiting=1');
        if (can(ctx, P.CatalogSalePriceRead) && can(ctx, P.SystemUserRead)) {
          const measures: AnalysisMeasure[] = [
            'REVENUE',
            ...(can(ctx, P.SalesMarginRead) ? (['MARGIN'] as const) : []),
          ];
          const r = await this.analytics.analyse(ctx, { ...month, dimensions: ['SALESPERSON'], measures });
          series.push({
            section,
            key: 'staffLeague',
            kind: 'MONEY',
            points: r.rows
              .sort((a, b) => D(b.revenue).comparedTo(D(a.revenue)))
              .map((x) => ({ key: x.key1!, label: x.label1 ?? '', value: x.revenue, value2: x.margin })),
            link: `/analytics?from=${month.from}&to=${month.to}&d1=SALESPERSON`,
          });
        }
      }
      if (section === 'ACCOUNTANT') {
        if (can(ctx, P.StockCostRead)) {
          const lastMonthEnd = addDays(month.from, -1);
          const now = await s.stockReports.valuation(ctx, day, 'WAREHOUSE');
          const before = await s.stockReports.valuation(ctx, lastMonthEnd, 'WAREHOUSE');
          const total = now.reduce((a, r) => a.plus(r.value!), D('0'));
          const was = before.reduce((a, r) => a.plus(r.value!), D('0'));
          card(section, 'stockValue', 'MONEY', total.toFixed(2), '/inventory/valuation', total.minus(was).toFixed(2));
          const keys = [...new Set([...now, ...before].map((r) => r.key))].sort();
          series.push({
            section,
            key: 'stockByWarehouse',
            kind: 'MONEY',
            points: keys.map((k) => ({
              key: k,
              label: (now.find((r) => r.key === k) ?? before.find((r) => r.key === k))!.label,
              value: now.find((r) => r.key === k)?.value ?? '0.00',
              value2: before.find((r) => r.key === k)?.value ?? '0.00',
            })),
            link: '/inventory/valuation',
          });
          const margin = can(ctx, P.SalesMarginRead);
          const t = await monthFigures(['COGS', ...(margin ? (['MARGIN', 'MARGIN_PCT'] as const) : [])]);
          const link = `/analytics?from=${month.from}&to=${month.to}&d1=WAREHOUSE&d2=SKU`;
          card(section, 'monthCogs', 'MONEY', t.cogs, link);
          if (margin) card(section, 'monthMargin', 'MONEY', t.margin, link, t.marginPct);
        }
        if (can(ctx, P.SalesReceivableRead)) {
          const rows = await s.receivables.receivables(ctx, {});
          const open = rows.reduce((a, r) => a.plus(r.balance!), D('0'));
          const overdue = rows.reduce((a, r) => a.plus(r.overdue!), D('0'));
          card(section, 'receivables', 'MONEY', open.toFixed(2), '/sales/receivables', overdue.toFixed(2));
        }
        if (can(ctx, P.PurchasingPayableRead)) {
          const rows = await s.supplierInvoices.payables();
          const open = rows.reduce((a, r) => a.plus(r.open!), D('0'));
          const overdue = rows.reduce((a, r) => a.plus(r.overdue!), D('0'));
          card(section, 'payables', 'MONEY', open.toFixed(2), '/purchasing/payables', overdue.toFixed(2));
        }
        if (can(ctx, P.PurchasingInvoiceManage))
          card(section, 'receiptsToInvoice', 'COUNT', await sql.receiptLinesToInvoice(this.ds), '/purchasing/payables');
        if (can(ctx, P.SystemSettingsRead))
          card(section, 'closedThrough', 'DATE', (await s.settings.get()).closedThrough, '/admin/settings');
      }
      if (section === 'PURCHASER' && can(ctx, P.PurchasingOrderRead)) {
        const count = async (filter: object) => (await s.purchaseOrders.list(ctx, filter as any, ONE)).total;
        card(
          section,
          'ordersAwaitingMe',
          'COUNT',
          await count({ awaitingMyDecision: true }),
          '/purchasing/orders?awaiting=1',
        );
        card(
          section,
          'ordersSubmitted',
          'COUNT',
          await count({ status: 'submitted' }),
          '/purchasing/orders?status=submitted',
        );
        card(
          section,
          'ordersAtSupplier',
          'COUNT',
          await count({ status: 'approved' }),
          '/purchasing/orders?status=approved',
        );
        const ws = ctx.user?.warehouseIds ?? null;
        card(
          section,
          'receiptsLate',
          'COUNT',
          await sql.purchaseOrdersExpected(this.ds, addDays(day, -1), ws),
          '/purchasing/orders?status=approved',
        );
        card(
          section,
          'receiptsDueWeek',
          'COUNT',
          (await sql.purchaseOrdersExpected(this.ds, addDays(day, 7), ws)) -
            (await sql.purchaseOrdersExpected(this.ds, addDays(day, -1), ws)),
          '/purchasing/orders?status=approved',
        );
        // suggestions to order: what the stored suggestions of today say (no forecast on a workbench
        // load); none computed yet today: no figure. The value at the preferred supplier's agreed price
        // only for those who may see supplier prices. It opens the warehouse with the most.
        const stored = (await s.replenishment.storedToOrder(ws, day)).filter((w) => w.computed > 0);
        const most = [...stored].sort((a, b) => b.toOrder - a.toOrder || a.warehouseId - b.warehouseId)[0];
        card(
          section,
          'toOrder',
          'COUNT',
          stored.length ? stored.reduce((n, w) => n + w.toOrder, 0) : null,
          `/purchasing/replenishment?onlyToOrder=1${most ? `&warehouseId=${most.warehouseId}` : ''}`,
          stored.length && can(ctx, P.PurchasingSupplierPriceRead)
            ? stored.reduce((v, w) => v.plus(w.value), D('0')).toFixed(2)
            : null,
        );
        if (can(ctx, P.PurchasingSupplierRead)) {
          card(
            section,
            'qualificationsLapsing',
            'COUNT',
            await sql.qualificationsLapsing(this.ds, day, addDays(day, 30)),
            '/purchasing/suppliers?status=approved',
          );
          const flags = await s.supplierEvaluation.reducedShare(await sql.approvedSupplierIds(this.ds));
          card(
            section,
            'suppliersFlagged',
            'COUNT',
            [...flags.values()].filter((f) => f.flagged).length,
            '/purchasing/scorecards',
          );
        }
      }
      if (section === 'SALES' && can(ctx, P.SalesOrderRead)) {
        for (const status of ['draft', 'pending_price_approval', 'confirmed', 'partly_shipped'])
          card(
            section,
            `orders_${status}`,
            'COUNT',
            (await s.salesOrders.list(ctx, { status: status as any }, ONE)).total,
            `/sales/orders?status=${status}`,
          );
        if (can(ctx, P.SalesReceivableRead)) {
          const rows = await s.receivables.receivables(ctx, {});
          const overdue = rows.filter((r) => D(r.overdue).gt(0));
          card(
            section,
            'customersOverdue',
            'COUNT',
            overdue.length,
            '/sales/receivables',
            overdue.reduce((a, r) => a.plus(r.overdue!), D('0')).toFixed(2),
          );
          const owner = can(ctx, P.SalesCustomerAll) ? null : (ctx.user?.id ?? -1);
          const limits = new Map((await sql.customerFacts(this.ds, owner)).map((c) => [c.id, c.creditLimit]));
          const nearFull = rows.filter((r) => {
            const l = limits.get(r.customerId);
            return l && l.gt(0) && D(r.balance).gte(l.times('0.9'));
          });
          card(section, 'creditNearFull', 'COUNT', nearFull.length, '/sales/receivables');
        }
        if (can(ctx, P.SalesCustomerContactRead)) {
          const owner = can(ctx, P.SalesCustomerAll) ? null : (ctx.user?.id ?? -1);
          const week = Array.from({ length: 7 }, (_, i) => addDays(day, i).slice(5));
          const n = (await sql.customerFacts(this.ds, owner)).filter(
            (c) => c.birthday && week.includes(c.birthday.slice(-5)),
          ).length;
          card(section, 'birthdaysWeek', 'COUNT', n, '/sales/customers');
        }
        if (can(ctx, P.CatalogSalePriceRead)) {
          const t = await monthFigures(['REVENUE']);
          const target = await this.ds
            .getRepository(SalesTarget)
            .findOne({ where: { userId: ctx.user?.id ?? -1, month: day.slice(0, 7) } });
          card(
            section,
            'myMonthRevenue',
            'MONEY',
            t.revenue,
            `/sales/overview?from=${month.from}&to=${month.to}`,
            target?.revenue ?? null,
          );
        }
      }
      if (section === 'KEEPER') {
        const ws = ctx.user?.warehouseIds ?? null;
        if (can(ctx, P.PurchasingOrderRead))
          card(
            section,
            'toReceive',
            'COUNT',
            await sql.purchaseOrdersExpected(this.ds, day, ws),
            '/purchasing/orders?status=approved',
          );
        if (can(ctx, P.SalesOrderRead)) {
          const n = async (status: string) => (await s.salesOrders.list(ctx, { status: status as any }, ONE)).total;
          card(
            section,
            'toShip',
            'COUNT',
            (await n('confirmed')) + (await n('partly_shipped')),
            '/sales/orders?status=confirmed',
          );
        }
        if (can(ctx, P.StockBalanceRead)) {
          card(
            section,
            'inTransit',
            'COUNT',
            (await s.stockDocuments.list(ctx, { status: 'in_transit' as any }, ONE)).total,
            '/inventory/documents?status=in_transit',
          );
          card(
            section,
            'nearExpiry',
            'COUNT',
            (await this.analytics.nearExpiry(ctx, 30)).length,
            '/analytics/stock?tab=expiry',
          );
        }
        if (can(ctx, P.StockCountPerform) || can(ctx, P.StockCountRead))
          card(
            section,
            'countsOpen',
            'COUNT',
            (await s.stocktakes.list(ctx, { open: true }, ONE)).total,
            '/stock/counts?open=1',
          );
        card(section, 'alertsUnread', 'COUNT', await s.alerts.unreadCount(ctx), '/inventory/levels');
      }
    }
    return { sections, today: day, cards, series };
  }
}
