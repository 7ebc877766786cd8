import { skuLabel } from '../catalog';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { perRequest, type Context } from '../../core/context';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { Supplier, SupplierPrice, SupplierQualification } from './supplier.entity';
import { today } from '../../core/dates';
import {
  AddQualificationInput,
  AddSupplierPriceInput,
  CreateSupplierInput,
  QualificationWarning,
  SupplierFilter,
  SupplierPage,
  UpdateSupplierInput,
} from './supplier.types';

@Resolver(() => Supplier)
export class SupplierResolver {
  @Query(() => SupplierPage)
  @Allow(P.PurchasingSupplierRead)
  async suppliers(
    @Ctx() ctx: Context,
    @Arg('filter', () => SupplierFilter, { nullable: true }) filter?: SupplierFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    const result = await ctx.services.suppliers.list(filter, page);
    // the field resolvers below load the late-delivery flag of the whole page at once, if asked
    const ids = result.items.map((s) => s.id);
    void perRequest(ctx, 'supplierPage', async () => ids);
    return result;
  }

  @Query(() => Supplier)
  @Allow(P.PurchasingSupplierRead)
  supplier(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.suppliers.get(id);
  }

  @Mutation(() => Supplier)
  @Allow(P.PurchasingSupplierManage)
  createSupplier(@Arg('input') input: CreateSupplierInput, @Ctx() ctx: Context) {
    return ctx.services.suppliers.create(ctx, input);
  }

  @Mutation(() => Supplier, { description: 'Edits master data; a stale version gets CONFLICT.' })
  @Allow(P.PurchasingSupplierManage)
  updateSupplier(@Arg('input') input: UpdateSupplierInput, @Ctx() ctx: Context) {
    return ctx.services.suppliers.update(ctx, input);
  }

  @Mutation(() => SupplierQualification)
  @Allow(P.PurchasingSupplierManage)
  addSupplierQualification(@Arg('input') input: AddQualificationInput, @Ctx() ctx: Context) {
    return ctx.services.suppliers.addQualification(ctx, input);
  }

  @Mutation(() => SupplierPrice, {
    description: 'A new agreement; it supersedes older ones from its validFrom, which stay as history.',
  })
  @Allow(P.PurchasingSupplierManage)
  addSupplierPrice(@Arg('input') input: AddSupplierPriceInput, @Ctx() ctx: Context) {
    return ctx.services.suppliers.addPrice(ctx, input);
  }

  @Query(() => [SupplierPrice], {
    description:
      'The agreements of a supplier valid on a date (today when omitted): one per SKU, the latest-starting one.',
  })
  @Allow(P.PurchasingSupplierRead)
  supplierPrices(
    @Arg('supplierId', () => ID) supplierId: string,
    @Ctx() ctx: Context,
    @Arg('skuId', () => ID, { nullable: true }) skuId?: string,
    @Arg('at', () => String, { nullable: true, description: 'YYYY-MM-DD' }) at?: string,
  ) {
    return ctx.services.suppliers.pricesAt(
      Number(supplierId) || -1,
      skuId ? [Number(skuId) || -1] : null,
      at || today(),
    );
  }

  @Query(() => [SupplierPrice], { description: 'Every agreement for a SKU, newest first.' })
  @Allow(P.PurchasingSupplierRead)
  supplierPriceHistory(
    @Arg('skuId', () => ID) skuId: string,
    @Ctx() ctx: Context,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId?: string,
  ) {
    return ctx.services.suppliers.history(skuId, supplierId);
  }

  @Query(() => [QualificationWarning], {
    description: 'Qualifications that expire within the given days, or have expired: the warning list.',
  })
  @Allow(P.PurchasingSupplierRead)
  expiringQualifications(
    @Ctx() ctx: Context,
    @Arg('withinDays', () => Int, { defaultValue: 30 }) withinDays: number,
    @Arg('supplierId', () => ID, { nullable: true }) supplierId?: string,
  ) {
    return ctx.services.suppliers.expiring(withinDays, supplierId);
  }

  @FieldResolver(() => [SupplierQualification])
  qualifications(@Root() s: Supplier, @Ctx() ctx: Context) {
    return ctx.services.suppliers.qualifications([s.id]);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Why no order can be placed with this supplier today (suspended, an expired required qualification); null when it can.',
  })
  async blockedReason(@Root() s: Supplier, @Ctx() ctx: Context) {
    return (await ctx.services.suppliers.blockReason(s, today()))?.reason ?? null;
  }

  @FieldResolver(() => Boolean, {
    description:
      "The notes' rule: its two latest deliveries were both late, so it gets a reduced share of orders until one arrives on time.",
  })
  async reducedShare(@Root() s: Supplier, @Ctx() ctx: Context) {
    return (await deliveryFlag(ctx, s.id)).flagged;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Why it is flagged for a reduced share (its two latest deliveries and their days late); null when not flagged.',
  })
  async reducedShareReason(@Root() s: Supplier, @Ctx() ctx: Context) {
    const r = await deliveryFlag(ctx, s.id);
    return r.flagged
      ? `Two late deliveries in a row: ${r.lastTwoDaysLate[0]} and ${r.lastTwoDaysLate[1]} days late (newest first); reduced share of orders until one arrives on time.`
      : null;
  }

  @FieldResolver(() => [Int], { description: 'Days late of its two latest deliveries, newest first (0: on time).' })
  async lastDeliveriesDaysLate(@Root() s: Supplier, @Ctx() ctx: Context) {
    return (await deliveryFlag(ctx, s.id)).lastTwoDaysLate;
  }
}

/** A price agreement names its SKU, so lists of agreements read without a second lookup. */
@Resolver(() => SupplierPrice)
export class SupplierPriceResolver {
  @FieldResolver(() => String)
  async skuCode(@Root() p: SupplierPrice, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, p.skuId)).code;
  }

  @FieldResolver(() => String)
  async skuName(@Root() p: SupplierPrice, @Ctx() ctx: Context) {
    return (await skuLabel(ctx, p.skuId)).name;
  }
}

/** The two-late-deliveries rule of a supplier: for the whole listed page in one query, once per request. */
async function deliveryFlag(ctx: Context, supplierId: number) {
  const page = await perRequest(ctx, 'supplierPage', async () => [] as number[]);
  const ids = page.includes(supplierId) ? page : [supplierId];
  const flags = await perRequest(ctx, `reducedShare:${ids.join(',')}`, () =>
    ctx.services.supplierEvaluation.reducedShare(ids),
  );
  return flags.get(supplierId)!;
}
