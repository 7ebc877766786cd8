import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DocumentAction } from '../../core/actions';
import { perRequest, perRequestBatch, type Context } from '../../core/context';
import { DecimalScalar } from '../../core/decimal';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow, SensitiveFieldResolver, SignedIn } from '../../core/permissions/guard';
import { userLabel } from '../auth';
import { skuLabel, skuLines } from '../catalog';
import { binLabel, warehouseLabel, zoneLabel } from '../stock';
import { effectiveClass, nextCountDue } from './abc.service';
import {
  AbcClassCode,
  AbcClassification,
  Stocktake,
  StocktakeCount,
  StocktakeLine,
  StocktakeSettings,
} from './stocktake.entity';
import {
  AbcClassPage,
  AbcRecomputeResult,
  AccuracyFilter,
  AccuracyGroup,
  AccuracyRow,
  CreateStocktakeInput,
  CycleCountDue,
  LineReasonInput,
  RecordCountInput,
  StocktakeAccuracy,
  StocktakeBin,
  StocktakeFilter,
  StocktakeLineFilter,
  StocktakeLinePage,
  StocktakePage,
  StocktakeProgress,
  StocktakeScan,
  StocktakeSettingsInput,
} from './stocktake.types';

/** Names by id for a list's field resolvers (warehouses, zones, users, bins), one query per request and table. */
const LABELS = { warehouse: warehouseLabel, zone: zoneLabel, user: userLabel, bin: binLabel };
const nameOf = async (ctx: Context, kind: keyof typeof LABELS, id: number | null) =>
  (await LABELS[kind](ctx, id))?.name ?? null;

@Resolver(() => Stocktake)
export class StocktakeResolver {
  @Query(() => StocktakePage, { description: 'Counts (counters and readers of counts).' })
  @SignedIn()
  stocktakes(
    @Ctx() ctx: Context,
    @Arg('filter', () => StocktakeFilter, { nullable: true }) filter?: StocktakeFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    ctx.services.stocktakes.assertMayView(ctx);
    return ctx.services.stocktakes.list(ctx, filter, page);
  }

  @Query(() => Stocktake)
  @SignedIn()
  stocktake(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    ctx.services.stocktakes.assertMayView(ctx);
    return ctx.services.stocktakes.get(ctx, id);
  }

  @Query(() => StocktakeLinePage, {
    description: 'What to count and where. Book quantities, counts of others and differences need stock.count.read.',
  })
  @SignedIn()
  stocktakeLines(
    @Arg('stocktakeId', () => ID) stocktakeId: string,
    @Ctx() ctx: Context,
    @Arg('filter', () => StocktakeLineFilter, { nullable: true }) filter?: StocktakeLineFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    ctx.services.stocktakes.assertMayView(ctx);
    return ctx.services.stocktakes.lines(ctx, stocktakeId, filter, page);
  }

  @Query(() => [StocktakeBin], { description: 'The bins of a count with what is left to count in each.' })
  @SignedIn()
  stocktakeBins(@Arg('stocktakeId', () => ID) stocktakeId: string, @Ctx() ctx: Context) {
    ctx.services.stocktakes.assertMayView(ctx);
    return ctx.services.stocktakes.bins(ctx, stocktakeId);
  }

  @Query(() => StocktakeScan, { description: 'What a scanned code (bin, SKU code or barcode) is in this count.' })
  @SignedIn()
  stocktakeScan(
    @Arg('stocktakeId', () => ID) stocktakeId: string,
    @Arg('code', () => String) code: string,
    @Ctx() ctx: Context,
  ) {
    ctx.services.stocktakes.assertMayView(ctx);
    return ctx.services.stocktakes.scan(ctx, stocktakeId, code.slice(0, 100));
  }

  @Query(() => [AccuracyRow], { description: 'Accuracy of approved counts by warehouse, counter, reason or month.' })
  @Allow(P.StockCountRead)
  stocktakeAccuracy(
    @Arg('groupBy', () => AccuracyGroup) groupBy: AccuracyGroup,
    @Ctx() ctx: Context,
    @Arg('filter', () => AccuracyFilter, { nullable: true }) filter?: AccuracyFilter,
  ) {
    return ctx.services.stocktakes.accuracyOver(ctx, filter, groupBy);
  }

  @Mutation(() => Stocktake, {
    description:
      'Opens a count: snapshots the book per bin × SKU × batch; a full count freezes postings in its scope (COUNT_IN_PROGRESS) until closed.',
  })
  @Allow(P.StockCountManage)
  createStocktake(@Arg('input') input: CreateStocktakeInput, @Ctx() ctx: Context) {
    return ctx.services.stocktakes.create(ctx, input);
  }

  @Mutation(() => StocktakeLine, {
    description:
      'A blind count of a bin × SKU (× batch). Two people count each line; a third recounts where they differ or stray from the book beyond the tolerance.',
  })
  @Allow(P.StockCountPerform)
  recordStocktakeCount(@Arg('input') input: RecordCountInput, @Ctx() ctx: Context) {
    return ctx.services.stocktakes.recordCount(ctx, input);
  }

  @Mutation(() => Stocktake, { description: 'Counting is over (every line counted, recounts done): review follows.' })
  @Allow(P.StockCountManage)
  finishStocktakeCounting(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stocktakes.finish(ctx, id, version);
  }

  @Mutation(() => [StocktakeLine], { description: 'The reason (and a note) of each difference.' })
  @Allow(P.StockCountManage)
  setStocktakeReasons(
    @Arg('stocktakeId', () => ID) stocktakeId: string,
    @Arg('reasons', () => [LineReasonInput]) reasons: LineReasonInput[],
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stocktakes.setReasons(ctx, stocktakeId, reasons.slice(0, 1000));
  }

  @Mutation(() => Stocktake, {
    description:
      'Approves the differences (not by someone who counted): posts one adjustment document with the count as its source.',
  })
  @Allow(P.StockCountApprove)
  approveStocktake(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return ctx.services.stocktakes.approve(ctx, id, version);
  }

  @Mutation(() => Stocktake, { description: 'Abandons an open count; nothing is adjusted and postings go on.' })
  @Allow(P.StockCountManage)
  cancelStocktake(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return ctx.services.stocktakes.cancel(ctx, id, version);
  }

  @FieldResolver(() => String, { nullable: true })
  warehouseName(@Root() st: Stocktake, @Ctx() ctx: Context) {
    return nameOf(ctx, 'warehouse', st.warehouseId);
  }

  @FieldResolver(() => String, { nullable: true })
  zoneName(@Root() st: Stocktake, @Ctx() ctx: Context) {
    return nameOf(ctx, 'zone', st.zoneId);
  }

  @FieldResolver(() => String, { nullable: true })
  createdByName(@Root() st: Stocktake, @Ctx() ctx: Context) {
    return nameOf(ctx, 'user', st.createdBy);
  }

  @FieldResolver(() => String, { nullable: true })
  approvedByName(@Root() st: Stocktake, @Ctx() ctx: Context) {
    return nameOf(ctx, 'user', st.approvedBy);
  }

  @FieldResolver(() => StocktakeProgress)
  progress(@Root() st: Stocktake, @Ctx() ctx: Context) {
    return ctx.services.stocktakes.progress(st.id);
  }

  @SensitiveFieldResolver(
    'Stocktake',
    () => StocktakeAccuracy,
    P.StockCountRead,
    'Lines counted, lines right and the value of the differences (estimated until approved).',
  )
  accuracy(@Root() st: Stocktake, @Ctx() ctx: Context) {
    return ctx.services.stocktakes.accuracy(ctx, st);
  }

  @FieldResolver(() => [DocumentAction], { description: 'What the signed-in user can do to this count now.' })
  availableActions(@Root() st: Stocktake, @Ctx() ctx: Context) {
    return ctx.services.stocktakes.availableActions(ctx, st);
  }
}

@Resolver(() => StocktakeLine)
export class StocktakeLineResolver {
  @FieldResolver(() => String, { description: 'Empty: outside bins.' })
  async binCode(@Root() l: StocktakeLine, @Ctx() ctx: Context) {
    return (await nameOf(ctx, 'bin', l.binId)) ?? '';
  }

  @FieldResolver(() => String)
  async skuCode(@Root() l: StocktakeLine, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, l.skuId)).code;
  }

  @FieldResolver(() => String)
  async skuName(@Root() l: StocktakeLine, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, l.skuId)).name;
  }

  @FieldResolver(() => String, { description: 'The base unit counts are in.' })
  async unit(@Root() l: StocktakeLine, @Ctx() ctx: Context) {
    const unit = await perRequestBatch(
      ctx,
      'skuBaseUnit',
      l.skuId,
      async (ids) =>
        new Map([...(await skuLines(ctx.services.ds.manager, ids))].map(([id, x]) => [id, x.product.baseUnit])),
    );
    return unit ?? '';
  }

  @FieldResolver(() => Int, { description: 'How many counts the line has (quantities are not shown).' })
  countsDone(@Root() l: StocktakeLine) {
    return l.counts?.length ?? 0;
  }

  @FieldResolver(() => DecimalScalar, { nullable: true, description: 'What the signed-in user counted here.' })
  myCount(@Root() l: StocktakeLine, @Ctx() ctx: Context) {
    return l.counts?.find((c) => c.countedBy === ctx.user?.id)?.qty ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'The signed-in user may count this line now.' })
  mayCount(@Root() l: StocktakeLine, @Ctx() ctx: Context) {
    return l.status !== 'settled' && !l.counts?.some((c) => c.countedBy === ctx.user?.id);
  }

  @FieldResolver(() => [StocktakeCount], { description: 'The counts (quantities need stock.count.read).' })
  counts(@Root() l: StocktakeLine) {
    return l.counts ?? [];
  }

  @SensitiveFieldResolver(
    'StocktakeLine',
    () => DecimalScalar,
    P.StockCostRead,
    'Value of the difference: as posted once approved, else the difference at the current unit cost.',
  )
  async value(@Root() l: StocktakeLine, @Ctx() ctx: Context) {
    if (l.postedValue !== null && l.postedValue !== undefined) return l.postedValue;
    if (l.differenceQty === null) return null;
    const estimates = await perRequest(ctx, `stocktakeEstimates:${l.stocktakeId}`, async () => {
      const st = await ctx.services.stocktakes.get(ctx, l.stocktakeId);
      const lines = await ctx.services.ds.getRepository(StocktakeLine).find({ where: { stocktakeId: st.id } });
      return ctx.services.stocktakes.estimates(st, lines);
    });
    return estimates.get(l.id) ?? '0.00';
  }
}

@Resolver(() => StocktakeCount)
export class StocktakeCountResolver {
  @FieldResolver(() => String, { nullable: true })
  counterName(@Root() c: StocktakeCount, @Ctx() ctx: Context) {
    return nameOf(ctx, 'user', c.countedBy);
  }
}

@Resolver(() => AbcClassification)
export class AbcResolver {
  @Query(() => AbcClassPage, { description: 'ABC classes of a warehouse, by rank of value issued.' })
  @Allow(P.StockCountRead)
  abcClasses(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Ctx() ctx: Context,
    @Arg('abcClass', () => AbcClassCode, { nullable: true }) abcClass?: AbcClassCode,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.abc.list(ctx, warehouseId, abcClass, page);
  }

  @Query(() => [CycleCountDue], { description: 'The SKUs due for a cycle count by their class review days.' })
  @Allow(P.StockCountRead)
  async cycleCountPlan(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Ctx() ctx: Context,
    @Arg('asOf', () => String, { nullable: true, description: 'YYYY-MM-DD, today when omitted' }) asOf?: string,
  ) {
    return ctx.services.abc.planFor(ctx, warehouseId, asOf);
  }

  @Query(() => StocktakeSettings)
  @Allow(P.StockCountRead)
  stocktakeSettings(@Ctx() ctx: Context) {
    return ctx.services.abc.settings();
  }

  @Mutation(() => StocktakeSettings)
  @Allow(P.StockCountManage)
  updateStocktakeSettings(@Arg('input') input: StocktakeSettingsInput, @Ctx() ctx: Context) {
    return ctx.services.abc.updateSettings(ctx, input);
  }

  @Mutation(() => AbcRecomputeResult, {
    description: 'Computes the classes of a warehouse from the value issued over the period (manual classes stay).',
  })
  @Allow(P.StockCountManage)
  recomputeAbcClasses(@Arg('warehouseId', () => ID) warehouseId: string, @Ctx() ctx: Context) {
    return ctx.services.abc.recompute(ctx, warehouseId);
  }

  @Mutation(() => AbcClassification, {
    description: 'Fixes the class of a SKU by hand; null goes back to the computed one.',
  })
  @Allow(P.StockCountManage)
  setAbcClass(
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('skuId', () => ID) skuId: string,
    @Ctx() ctx: Context,
    @Arg('abcClass', () => AbcClassCode, { nullable: true }) abcClass?: AbcClassCode | null,
  ) {
    return ctx.services.abc.override(ctx, warehouseId, skuId, abcClass ?? null);
  }

  @FieldResolver(() => AbcClassCode, { nullable: true, description: 'The class that applies: manual, else computed.' })
  abcClass(@Root() a: AbcClassification) {
    return effectiveClass(a);
  }

  @FieldResolver(() => String)
  async skuCode(@Root() a: AbcClassification, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, a.skuId)).code;
  }

  @FieldResolver(() => String)
  async skuName(@Root() a: AbcClassification, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, a.skuId)).name;
  }

  @FieldResolver(() => String, { nullable: true, description: 'YYYY-MM-DD the next count is due (class review days).' })
  nextCountDue(@Root() a: AbcClassification, @Ctx() ctx: Context) {
    return nextCountDue(ctx, a);
  }
}

@Resolver(() => CycleCountDue)
export class CycleCountDueResolver {
  @FieldResolver(() => String)
  async skuCode(@Root() d: CycleCountDue, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, d.skuId)).code;
  }

  @FieldResolver(() => String)
  async skuName(@Root() d: CycleCountDue, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, d.skuId)).name;
  }
}
