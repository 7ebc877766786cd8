import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { warehouseLabel, zoneLabel } from '../stock';
import { StocktakeKind, StocktakeStatus, type Stocktake } from './stocktake.entity';
import type { AccuracyFilter, AccuracyGroup, AccuracyRow } from './stocktake.types';

/** 盘点单 as the console's list shows it (counters and readers of counts, as the list). */
export const stocktakeListExports: ListExport[] = [
  {
    name: 'stocktakes',
    permissions: [],
    assert: (ctx) => ctx.services.stocktakes.assertMayView(ctx),
    typeName: 'Stocktake',
    filterType: 'StocktakeFilter',
    page: (ctx, filter, page) => ctx.services.stocktakes.list(ctx, filter, page),
    columns: {
      number: { get: (_ctx, s: Stocktake) => s.number, text: true },
      kind: { get: (_ctx, s: Stocktake) => s.kind, enum: StocktakeKind },
      status: { get: (_ctx, s: Stocktake) => s.status, enum: StocktakeStatus },
      warehouseName: {
        get: async (ctx, s: Stocktake) => {
          const w = (await warehouseLabel(ctx, s.warehouseId))?.name ?? '';
          const z = s.zoneId ? (await zoneLabel(ctx, s.zoneId))?.name : null;
          return z ? `${w} · ${z}` : w;
        },
      },
      progress: {
        get: async (ctx, s: Stocktake) => {
          const p = await ctx.services.stocktakes.progress(s.id);
          return `${p.settled} / ${p.lines}`;
        },
      },
      businessDate: { get: (_ctx, s: Stocktake) => s.businessDate },
      adjustmentNumber: { get: (_ctx, s: Stocktake) => s.adjustmentNumber, text: true },
    },
  },
  {
    // 盘点分析: accuracy by counter, reason, warehouse or month (gain and loss values with stock.cost.read)
    name: 'stocktakeAccuracy',
    fileName: 'stocktake-accuracy',
    permissions: [P.StockCountRead],
    typeName: 'StocktakeAccuracy',
    filterArgsOf: 'stocktakeAccuracy',
    page: (ctx, f: { groupBy: AccuracyGroup; filter?: AccuracyFilter | null }) =>
      ctx.services.stocktakes.accuracyOver(ctx, f.filter ?? undefined, f.groupBy),
    columns: {
      label: { get: (_ctx, r: AccuracyRow) => r.label },
      counts: { get: (_ctx, r: AccuracyRow) => r.counts },
      linesCounted: { get: (_ctx, r: AccuracyRow) => r.linesCounted },
      linesRight: { get: (_ctx, r: AccuracyRow) => r.linesRight },
      accuracyPct: { get: (_ctx, r: AccuracyRow) => r.accuracyPct },
      gainValue: { get: (_ctx, r: AccuracyRow) => r.gainValue },
      lossValue: { get: (_ctx, r: AccuracyRow) => r.lossValue },
      netValue: { get: (_ctx, r: AccuracyRow) => r.netValue },
    },
  },
];
