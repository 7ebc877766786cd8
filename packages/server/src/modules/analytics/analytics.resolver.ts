import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { ExportFile, exportXlsx } from '../../core/export';
import { inLocale } from '../../core/locale';
import { P } from '../../core/permissions/catalogue';
import { Allow, SignedIn } from '../../core/permissions/guard';
import {
  AnalysisDrill,
  AnalysisInput,
  AnalysisResult,
  MEASURE_FIELD,
  NearExpiryRow,
  SlowStockRow,
  type AnalysisDimension,
  type AnalysisRow,
} from './analytics.types';
import { nearExpiryRows, slowStockRows } from './stock-risk';
import { Workbench } from './workbench.types';

const HEADERS = {
  'zh-CN': {
    WAREHOUSE: '仓库',
    SKU: 'SKU',
    CATEGORY: '分类',
    BRAND: '品牌',
    CUSTOMER: '客户',
    CUSTOMER_TIER: '客户等级',
    SALESPERSON: '销售员',
    CHANNEL: '渠道',
    STORE: '门店',
    SUPPLIER: '供应商',
    DAY: '日',
    WEEK: '周',
    MONTH: '月',
    QUARTER: '季度',
    quantity: '数量',
    revenue: '销售收入',
    cogs: '销售成本',
    margin: '毛利',
    marginPct: '毛利率%',
    stockValue: '库存金额',
    turnover: '周转率',
    daysOfSupply: '可供天数',
    warehouseCost: '仓储费用',
    netMargin: '净毛利',
    total: '合计',
  },
  en: {
    WAREHOUSE: 'Warehouse',
    SKU: 'SKU',
    CATEGORY: 'Category',
    BRAND: 'Brand',
    CUSTOMER: 'Customer',
    CUSTOMER_TIER: 'Customer tier',
    SALESPERSON: 'Salesperson',
    CHANNEL: 'Channel',
    STORE: 'Store',
    SUPPLIER: 'Supplier',
    DAY: 'Day',
    WEEK: 'Week',
    MONTH: 'Month',
    QUARTER: 'Quarter',
    quantity: 'Quantity',
    revenue: 'Revenue',
    cogs: 'COGS',
    margin: 'Gross margin',
    marginPct: 'Margin %',
    stockValue: 'Stock value',
    turnover: 'Turnover',
    daysOfSupply: 'Days of supply',
    warehouseCost: 'Warehouse cost',
    netMargin: 'Net margin',
    total: 'Total',
  },
};

@Resolver()
export class AnalyticsResolver {
  @Query(() => Workbench, {
    description: "工作台: the signed-in user's home, cards per position with links to their lists.",
  })
  @SignedIn()
  workbench(@Ctx() ctx: Context) {
    return ctx.services.workbench.build(ctx);
  }

  @Query(() => AnalysisResult, {
    description:
      '成本与毛利分析 over posted shipments and returns: measures by up to two dimensions, with a total. Needs report.cost.read, sales.order.read or stock.cost.read; each measure its field permission; sales staff see their own customers.',
  })
  @SignedIn()
  analysis(@Arg('input', () => AnalysisInput) input: AnalysisInput, @Ctx() ctx: Context) {
    return ctx.services.analytics.analyse(ctx, input);
  }

  @Query(() => AnalysisDrill, {
    description: 'The document lines and ledger rows behind one cell of the analysis (a null key: all its values).',
  })
  @SignedIn()
  analysisDrill(
    @Arg('input', () => AnalysisInput) input: AnalysisInput,
    @Ctx() ctx: Context,
    @Arg('key1', () => String, { nullable: true }) key1?: string,
    @Arg('key2', () => String, { nullable: true }) key2?: string,
  ) {
    return ctx.services.analytics.drill(ctx, input, key1, key2);
  }

  @Query(() => ExportFile, {
    description: 'The analysis as xlsx: one row per cell, headers in the requester language.',
  })
  @SignedIn()
  async exportAnalysis(@Arg('input', () => AnalysisInput) input: AnalysisInput, @Ctx() ctx: Context) {
    const r = await ctx.services.analytics.analyse(ctx, input);
    const h = inLocale(ctx, HEADERS);
    const dims = input.dimensions as AnalysisDimension[];
    const columns = [
      ...dims.map((d, i) => ({ key: `label${i + 1}`, header: h[d], width: 28, text: true })),
      ...input.measures.map((m) => ({ key: MEASURE_FIELD[m], header: h[MEASURE_FIELD[m] as keyof typeof h] })),
    ];
    const total = { ...r.total, label1: h.total };
    return exportXlsx(ctx, 'AnalysisRow', 'analysis', columns, [...r.rows, total], (row: AnalysisRow, c) => {
      const v = (row as any)[c];
      return c.startsWith('label') || v === null ? v : Number(v);
    });
  }

  @Query(() => [SlowStockRow], {
    description: '呆滞库存: stock without a receipt or issue for `days` days (dead at twice).',
  })
  @Allow(P.StockBalanceRead)
  async slowStock(
    @Arg('days', () => Int) days: number,
    @Ctx() ctx: Context,
    @Arg('warehouseId', () => ID, { nullable: true }) warehouseId?: string,
  ) {
    return slowStockRows(ctx, days, warehouseId);
  }

  @Query(() => [NearExpiryRow], { description: '近效期库存: batches expiring within `days` days, or expired.' })
  @Allow(P.StockBalanceRead)
  async nearExpiryStock(
    @Arg('days', () => Int) days: number,
    @Ctx() ctx: Context,
    @Arg('warehouseId', () => ID, { nullable: true }) warehouseId?: string,
  ) {
    return nearExpiryRows(ctx, days, warehouseId);
  }
}
