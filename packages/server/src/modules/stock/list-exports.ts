import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { PickStrategyKind } from '../catalog';
import { warehouseLabel, zoneLabel } from './lookups';
import type { Bin } from './location.entity';
import type { StockLevel, ValuationGroup, ValuationRow } from './stock-report.types';
import { StockDocStatus, StockDocType, type StockDocument } from './stock-document.entity';
import { WarehouseKind, type Warehouse } from './warehouse.entity';

const warehouseName = async (ctx: Parameters<typeof warehouseLabel>[0], id: number | null) =>
  (await warehouseLabel(ctx, id))?.name ?? '';

/** 出入库单, 现存量, 仓库 and 货位 as the console's lists show them (the user's warehouses only, as the lists). */
export const stockListExports: ListExport[] = [
  {
    name: 'stockDocuments',
    fileName: 'stock-documents',
    permissions: [P.StockBalanceRead],
    typeName: 'StockDocument',
    filterType: 'StockDocumentFilter',
    page: (ctx, filter, page) => ctx.services.stockDocuments.list(ctx, filter, page),
    columns: {
      number: { get: (_ctx, d: StockDocument) => d.number, text: true },
      type: { get: (_ctx, d: StockDocument) => d.type, enum: StockDocType },
      status: { get: (_ctx, d: StockDocument) => d.status, enum: StockDocStatus },
      warehouseId: { get: (ctx, d: StockDocument) => warehouseName(ctx, d.warehouseId) },
      toWarehouseId: { get: (ctx, d: StockDocument) => warehouseName(ctx, d.toWarehouseId) },
      businessDate: { get: (_ctx, d: StockDocument) => d.businessDate },
      memo: { get: (_ctx, d: StockDocument) => d.memo },
      createdAt: { get: (_ctx, d: StockDocument) => d.createdAt },
    },
  },
  {
    // 现存量: quantities for every reader of stock, unit cost and value only with stock.cost.read
    name: 'stockLevels',
    fileName: 'stock-levels',
    permissions: [P.StockBalanceRead],
    typeName: 'StockLevel',
    filterType: 'StockLevelFilter',
    page: (ctx, filter, page) => ctx.services.stockReports.levels(ctx, filter, 'SKU', page),
    columns: {
      warehouse: { get: async (ctx, l: StockLevel) => (await warehouseName(ctx, l.warehouseId)) || l.warehouseCode },
      skuCode: { get: (_ctx, l: StockLevel) => l.skuCode, text: true },
      skuName: { get: (_ctx, l: StockLevel) => l.skuName },
      baseUnit: { get: (_ctx, l: StockLevel) => l.baseUnit },
      onHand: { get: (_ctx, l: StockLevel) => l.onHand },
      reserved: { get: (_ctx, l: StockLevel) => l.reserved },
      expired: { get: (_ctx, l: StockLevel) => l.expired },
      quarantined: { get: (_ctx, l: StockLevel) => l.quarantined },
      available: { get: (_ctx, l: StockLevel) => l.available },
      unitCost: { get: (_ctx, l: StockLevel) => l.unitCost },
      value: { get: (_ctx, l: StockLevel) => l.value },
    },
  },
  {
    name: 'warehouses',
    permissions: [P.StockWarehouseRead],
    typeName: 'Warehouse',
    page: (ctx, _filter, page) => ctx.services.warehouses.list(ctx, page),
    columns: {
      code: { get: (_ctx, w: Warehouse) => w.code, text: true },
      name: { get: (_ctx, w: Warehouse) => w.name },
      kind: { get: (_ctx, w: Warehouse) => w.kind, enum: WarehouseKind },
      allowNegative: { get: (_ctx, w: Warehouse) => w.allowNegative },
      pickStrategy: { get: (_ctx, w: Warehouse) => w.pickStrategy, enum: PickStrategyKind },
      active: { get: (_ctx, w: Warehouse) => w.active },
    },
  },
  {
    // 货位 of one warehouse (in the user's scope), as the locations page filters them
    name: 'bins',
    permissions: [P.StockWarehouseRead],
    typeName: 'Bin',
    filterArgsOf: 'bins',
    page: (ctx, f: { warehouseId: string; zoneId?: string; search?: string; active?: boolean }, page) =>
      ctx.services.locations.bins(ctx, f.warehouseId, f.zoneId, f.search, f.active, page),
    columns: {
      code: { get: (_ctx, b: Bin) => b.code, text: true },
      zone: {
        get: async (ctx, b: Bin) => {
          const z = b.zoneId ? await zoneLabel(ctx, b.zoneId) : null;
          return z ? `${z.code} · ${z.name}` : '';
        },
      },
      quarantine: { get: (_ctx, b: Bin) => b.quarantine },
      active: { get: (_ctx, b: Bin) => b.active },
    },
  },
  {
    // 库存估值 at the end of a day, by warehouse, category or SKU (the value with stock.cost.read)
    name: 'valuation',
    permissions: [P.StockBalanceRead],
    typeName: 'ValuationRow',
    filterArgsOf: 'valuation',
    page: (ctx, f: { date: string; groupBy: ValuationGroup; warehouseId?: string | null; top?: number | null }) =>
      ctx.services.stockReports.valuation(ctx, f.date, f.groupBy, f.warehouseId ?? undefined, f.top ?? undefined),
    columns: {
      label: { get: (_ctx, r: ValuationRow) => r.label },
      qty: { get: (_ctx, r: ValuationRow) => r.qty },
      value: { get: (_ctx, r: ValuationRow) => r.value },
    },
  },
  {
    // 出库成本 of a period, by SKU or warehouse (the cost with stock.cost.read)
    name: 'costOfGoodsIssued',
    fileName: 'cost-of-goods-issued',
    permissions: [P.StockBalanceRead],
    typeName: 'ValuationRow',
    filterArgsOf: 'costOfGoodsIssued',
    page: (ctx, f: { from: string; to: string; groupBy: ValuationGroup; warehouseId?: string | null }) =>
      ctx.services.stockReports.costOfGoodsIssued(ctx, f.from, f.to, f.groupBy, f.warehouseId ?? undefined),
    columns: {
      label: { get: (_ctx, r: ValuationRow) => r.label },
      qty: { get: (_ctx, r: ValuationRow) => r.qty },
      value: { get: (_ctx, r: ValuationRow) => r.value },
    },
  },
];
