import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { perRequestBatch, type Context } from '../../core/context';
import { exportCsv, ExportFile } from '../../core/export';
import { inLocale } from '../../core/locale';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow, SensitiveFieldResolver, SignedIn } from '../../core/permissions/guard';
import { IdempotencyResult } from '../../core/idempotency-lookup';
import { CostChange, costChangesOf } from './cost-changes';
import { lineValueEntries } from './document-costs';
import { StockDocument, StockDocumentLine } from './stock-document.entity';
import {
  CreateStockDocumentInput,
  StockDocumentFilter,
  StockDocumentPage,
  UpdateStockDocumentInput,
} from './stock-document.types';
import {
  BinBalance,
  StockCard,
  StockLevelFilter,
  StockLevelPage,
  StockLevelSort,
  ValuationGroup,
  ValuationRow,
} from './stock-report.types';
import { DocumentAction } from '../../core/actions';
import { PickList } from './pick-list';

@Resolver(() => StockDocument)
export class StockDocumentResolver {
  @FieldResolver(() => [DocumentAction], {
    description: 'What the signed-in user can do to this document now (its state, their permissions and role).',
  })
  availableActions(@Root() doc: StockDocument, @Ctx() ctx: Context) {
    return ctx.services.stockDocuments.availableActions(ctx, doc);
  }

  @Query(() => StockDocumentPage)
  @Allow(P.StockBalanceRead)
  stockDocuments(
    @Ctx() ctx: Context,
    @Arg('filter', () => StockDocumentFilter, { nullable: true }) filter?: StockDocumentFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.stockDocuments.list(ctx, filter, page);
  }

  @Query(() => PickList, {
    description: '拣货单 of a draft issue: the bins and batches its posting would take now, in walking order.',
  })
  @Allow(P.StockBalanceRead)
  stockDocumentPickList(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.stockDocuments.pickList(ctx, id);
  }

  @Query(() => StockDocument)
  @Allow(P.StockBalanceRead)
  stockDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.stockDocuments.get(ctx, id);
  }

  @Query(() => ExportFile, {
    description: 'CSV of the documents (one row per line) with only the columns you may see.',
  })
  @Allow(P.StockBalanceRead)
  async exportStockDocuments(
    @Ctx() ctx: Context,
    @Arg('filter', () => StockDocumentFilter, { nullable: true }) filter?: StockDocumentFilter,
  ) {
    const docs = [];
    for (let offset = 0; ; offset += 200) {
      const page = await ctx.services.stockDocuments.list(ctx, filter, { offset, limit: 200 });
      docs.push(...page.items);
      if (docs.length >= page.total || !page.items.length || docs.length >= 10_000) break;
    }
    const lines = await ctx.services.stockDocuments.lines(docs.map((d) => d.id));
    const byId = new Map(docs.map((d) => [d.id, d]));
    const rows = lines.map((l) => ({ ...byId.get(l.documentId)!, ...l, id: l.documentId }));
    const cols = [
      'number',
      'type',
      'status',
      'businessDate',
      'warehouseId',
      'toWarehouseId',
      'lineNo',
      'skuId',
      'unit',
      'qty',
      'baseQty',
      'unitCost',
      'value',
      'batchNo',
    ] as const;
    return exportCsv(ctx, 'StockDocumentLine', 'stock-documents', cols, rows, (r, c) => (r as any)[c]);
  }

  @FieldResolver(() => [StockDocumentLine])
  lines(@Root() doc: StockDocument, @Ctx() ctx: Context) {
    return ctx.services.stockDocuments.lines([doc.id]);
  }

  @Mutation(() => StockDocument, { description: 'A draft; nothing moves until it is posted.' })
  @Allow(P.StockDocumentCreate)
  createStockDocument(@Arg('input') input: CreateStockDocumentInput, @Ctx() ctx: Context) {
    return ctx.services.stockDocuments.create(ctx, input);
  }

  @Mutation(() => StockDocument)
  @Allow(P.StockDocumentCreate)
  updateStockDocument(@Arg('input') input: UpdateStockDocumentInput, @Ctx() ctx: Context) {
    return ctx.services.stockDocuments.update(ctx, input);
  }

  @Mutation(() => Boolean)
  @Allow(P.StockDocumentCreate)
  deleteStockDocument(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.stockDocuments.deleteDraft(ctx, id);
  }

  @Mutation(() => StockDocument, {
    description:
      'Posts a draft (a transfer goes in transit). A retry with the same idempotency key returns the first result.',
  })
  @Allow(P.StockDocumentPost)
  postStockDocument(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string,
  ) {
    return ctx.services.stockDocuments.post(ctx, id, idempotencyKey);
  }

  @Mutation(() => StockDocument, {
    description:
      'Creates and posts a document in one step, for API clients (the console keeps draft → post). The same idempotency key with the same input returns the first result; with another input it is refused (IDEMPOTENCY_KEY_REUSED). After a lost reply, retry with the same key, or look the key up with idempotencyResult.',
  })
  @Allow(P.StockDocumentCreate, P.StockDocumentPost)
  createAndPostStockDocument(
    @Arg('input') input: CreateStockDocumentInput,
    @Arg('idempotencyKey', () => String, { description: 'New for each document (1–100 characters).' })
    idempotencyKey: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stockDocuments.createAndPost(ctx, input, idempotencyKey);
  }

  @Mutation(() => StockDocument, { description: 'A transfer in transit arrives at its destination.' })
  @Allow(P.StockDocumentPost)
  receiveTransfer(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string,
    @Arg('receivedOn', () => String, { nullable: true, description: 'YYYY-MM-DD, today when omitted' })
    receivedOn?: string,
  ) {
    return ctx.services.stockDocuments.receiveTransfer(ctx, id, idempotencyKey, receivedOn);
  }

  @Mutation(() => StockDocument, { description: 'Posts reversing entries; the document stays, cancelled.' })
  @Allow(P.StockDocumentPost)
  cancelStockDocument(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey?: string,
  ) {
    return ctx.services.stockDocuments.cancel(ctx, id, idempotencyKey);
  }
}

@Resolver(() => StockDocumentLine)
export class StockDocumentLineResolver {
  @SensitiveFieldResolver(
    'StockDocumentLine',
    () => [CostChange],
    P.StockCostRead,
    'Documents that re-costed this line after it was posted (delta in value, signed like it).',
  )
  async costChanges(@Root() l: StockDocumentLine, @Ctx() ctx: Context) {
    const type = await perRequestBatch(ctx, 'stockDocType', l.documentId, async (ids) => {
      const rows: Array<{ id: number; type: string }> = await ctx.services.ds.query(
        `SELECT id, type FROM stock_document WHERE id IN (${ids.map(() => '?').join(',')})`,
        ids,
      );
      return new Map(rows.map((r) => [Number(r.id), r.type]));
    });
    if (!type) return [];
    return (
      (await perRequestBatch(ctx, `costChanges:${type}`, l.id, (ids) =>
        costChangesOf(ctx.services.ds, type, ids, lineValueEntries(type)),
      )) ?? []
    );
  }
}

@Resolver()
export class IdempotencyResolver {
  @Query(() => IdempotencyResult, {
    nullable: true,
    description:
      'The document a request under this idempotency key produced (your own keys only): a stock document, purchase receipt or return, sales shipment or return. null when the key was never used successfully — then it is safe to send the request again.',
  })
  @SignedIn()
  idempotencyResult(@Arg('key') key: string, @Ctx() ctx: Context) {
    return ctx.services.stockDocuments.idempotencyResult(ctx, key);
  }
}

@Resolver()
export class StockReportResolver {
  @Query(() => StockLevelPage, { description: 'On hand, reserved and available per warehouse × SKU.' })
  @Allow(P.StockBalanceRead)
  stockLevels(
    @Ctx() ctx: Context,
    @Arg('filter', () => StockLevelFilter, { nullable: true }) filter?: StockLevelFilter,
    @Arg('sort', () => StockLevelSort, { nullable: true }) sort?: StockLevelSort,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.stockReports.levels(ctx, filter, sort, page);
  }

  @Query(() => ExportFile)
  @Allow(P.StockBalanceRead)
  async exportStockLevels(
    @Ctx() ctx: Context,
    @Arg('filter', () => StockLevelFilter, { nullable: true }) filter?: StockLevelFilter,
  ) {
    const all = [];
    for (let offset = 0; ; offset += 200) {
      const page = await ctx.services.stockReports.levels(ctx, filter, 'SKU', { offset, limit: 200 });
      all.push(...page.items);
      if (all.length >= page.total || !page.items.length || all.length >= 50_000) break;
    }
    const cols = [
      'warehouseCode',
      'skuCode',
      'skuName',
      'baseUnit',
      'onHand',
      'reserved',
      'expired',
      'quarantined',
      'available',
      'unitCost',
      'value',
    ] as const;
    const headers = inLocale(ctx, {
      'zh-CN': {
        warehouseCode: '仓库',
        skuCode: 'SKU 编码',
        skuName: '商品名称',
        baseUnit: '单位',
        onHand: '现有库存',
        reserved: '已预留',
        expired: '已过期',
        quarantined: '隔离中',
        available: '可用',
        unitCost: '单位成本',
        value: '库存金额',
      },
      en: {
        warehouseCode: 'Warehouse',
        skuCode: 'SKU code',
        skuName: 'Name',
        baseUnit: 'Unit',
        onHand: 'On hand',
        reserved: 'Reserved',
        expired: 'Expired',
        quarantined: 'Quarantined',
        available: 'Available',
        unitCost: 'Unit cost',
        value: 'Value',
      },
    });
    return exportCsv(ctx, 'StockLevel', 'stock-levels', cols, all, (r, c) => (r as any)[c], headers);
  }

  @Query(() => [BinBalance])
  @Allow(P.StockBalanceRead)
  binBalances(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('skuId', () => ID) skuId: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stockReports.binBalances(ctx, warehouseId, skuId);
  }

  @Query(() => StockCard, { description: '库存明细账: every move of a SKU in a warehouse with the running balance.' })
  @Allow(P.StockBalanceRead)
  stockCard(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('skuId', () => ID) skuId: string,
    @Ctx() ctx: Context,
    @Arg('from', () => String, { nullable: true }) from?: string,
    @Arg('to', () => String, { nullable: true }) to?: string,
  ) {
    return ctx.services.stockReports.stockCard(ctx, warehouseId, skuId, from, to);
  }

  @Query(() => [ValuationRow], { description: 'Inventory valuation at the end of a day.' })
  @Allow(P.StockBalanceRead)
  valuation(
    @Arg('date') date: string,
    @Arg('groupBy', () => ValuationGroup) groupBy: ValuationGroup,
    @Ctx() ctx: Context,
    @Arg('warehouseId', () => ID, { nullable: true }) warehouseId?: string,
    @Arg('top', () => Int, { nullable: true, description: 'the largest values only (needs stock.cost.read)' })
    top?: number,
  ) {
    return ctx.services.stockReports.valuation(ctx, date, groupBy, warehouseId, top);
  }

  @Query(() => [ValuationRow], { description: 'Cost of goods issued in a period.' })
  @Allow(P.StockBalanceRead)
  costOfGoodsIssued(
    @Arg('from') from: string,
    @Arg('to') to: string,
    @Arg('groupBy', () => ValuationGroup) groupBy: ValuationGroup,
    @Ctx() ctx: Context,
    @Arg('warehouseId', () => ID, { nullable: true }) warehouseId?: string,
  ) {
    return ctx.services.stockReports.costOfGoodsIssued(ctx, from, to, groupBy, warehouseId);
  }
}
