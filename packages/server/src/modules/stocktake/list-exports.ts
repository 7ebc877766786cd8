import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import type { DueItem } from '../../domain/abc';
import { skuLabel } from '../catalog';
import { warehouseLabel, zoneLabel } from '../stock';
import { effectiveClass, nextCountDue } from './abc.service';
import {
  AbcClassCode,
  StocktakeKind,
  StocktakeStatus,
  type AbcClassification,
  type Stocktake,
} from './stocktake.entity';
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
      key: { get: (_ctx, r: AccuracyRow) => r.key },
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
  {
    // 盘点分析's ABC table: a warehouse's classes by rank (the value issued with stock.cost.read)
    name: 'abcClasses',
    fileName: 'abc-classes',
    permissions: [P.StockCountRead],
    typeName: 'AbcClassification',
    filterArgsOf: 'abcClasses',
    page: (ctx, f: { warehouseId: string; abcClass?: AbcClassCode | null }, page) =>
      ctx.services.abc.list(ctx, f.warehouseId, f.abcClass, page),
    columns: {
      rank: { get: (_ctx, a: AbcClassification) => a.rank },
      skuCode: {
        get: async (ctx, a: AbcClassification) => {
          const s = await skuLabel(ctx, a.skuId);
          return `${s.code} ${s.name}`;
        },
      },
      abcClass: { get: (_ctx, a: AbcClassification) => effectiveClass(a), enum: AbcClassCode },
      issuedValue: { get: (_ctx, a: AbcClassification) => a.issuedValue },
      share: { get: (_ctx, a: AbcClassification) => a.share },
      cumulative: { get: (_ctx, a: AbcClassification) => a.cumulative },
      lastCountedOn: { get: (_ctx, a: AbcClassification) => a.lastCountedOn },
      nextCountDue: { get: (ctx, a: AbcClassification) => nextCountDue(ctx, a) },
    },
  },
  {
    // 盘点分析's cycle count plan: the SKUs due by their class review days
    name: 'cycleCountPlan',
    fileName: 'cycle-count-plan',
    permissions: [P.StockCountRead],
    typeName: 'CycleCountDue',
    filterArgsOf: 'cycleCountPlan',
    page: (ctx, f: { warehouseId: string; asOf?: string | null }) =>
      ctx.services.abc.planFor(ctx, f.warehouseId, f.asOf),
    columns: {
      skuCode: {
        get: async (ctx, d: DueItem) => {
          const s = await skuLabel(ctx, d.skuId);
          return `${s.code} ${s.name}`;
        },
      },
      abcClass: { get: (_ctx, d: DueItem) => d.abcClass },
      lastCountedOn: { get: (_ctx, d: DueItem) => d.lastCountedOn },
      dueOn: { get: (_ctx, d: DueItem) => d.dueOn },
      overdueDays: { get: (_ctx, d: DueItem) => d.overdueDays },
    },
  },
];
