import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { skuLabel } from '../catalog';
import { BirthdayOfferSettings } from './birthday.entity';
import { DrawState, LuckyDraw, LuckyDrawEntry, LuckyDrawPrize } from './draw.entity';
import {
  BirthdayOfferPage,
  BirthdayRun,
  DrawVerification,
  LuckyDrawEntryPage,
  LuckyDrawPage,
  SaveLuckyDrawInput,
} from './draw.types';
import { CouponBatch, EligibilityData } from './promotion.entity';

@Resolver(() => LuckyDraw)
export class LuckyDrawResolver {
  @Query(() => LuckyDrawPage, { description: '抽奖, newest first.' })
  @Allow(P.PromotionRead)
  luckyDraws(@Ctx() ctx: Context, @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) {
    return ctx.services.draws.list(page);
  }

  @Query(() => LuckyDraw)
  @Allow(P.PromotionRead)
  luckyDraw(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.draws.get(id);
  }

  @Query(() => LuckyDrawEntryPage, { description: "A draw's entries in id order (the order they are settled in)." })
  @Allow(P.PromotionRead)
  luckyDrawEntries(
    @Ctx() ctx: Context,
    @Arg('drawId', () => ID) drawId: string,
    @Arg('winnersOnly', { defaultValue: false }) winnersOnly: boolean,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.draws.entries(ctx, drawId, winnersOnly, page);
  }

  @Query(() => DrawVerification, { description: 'Every result derived again from the revealed seed.' })
  @Allow(P.PromotionRead)
  verifyLuckyDraw(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.draws.verify(id);
  }

  @Query(() => String, {
    description: 'The draw as JSON for scripts/verify-draw.mjs: hash, seed (once revealed), prizes and results.',
  })
  @Allow(P.PromotionRead)
  luckyDrawExport(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.draws.exportJson(id);
  }

  @Mutation(() => LuckyDraw, { description: 'A new draft, or a draft edited (its prizes replaced).' })
  @Allow(P.PromotionManage)
  saveLuckyDraw(@Ctx() ctx: Context, @Arg('input', () => SaveLuckyDrawInput) input: SaveLuckyDrawInput) {
    return ctx.services.draws.save(ctx, input);
  }

  @Mutation(() => LuckyDraw, { description: 'Publishes the SHA-256 of a fresh sealed seed; entries from now on.' })
  @Allow(P.PromotionManage)
  openLuckyDraw(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.draws.open(ctx, id);
  }

  @Mutation(() => LuckyDraw, { description: 'Closes the entries and settles every one of them.' })
  @Allow(P.PromotionManage)
  drawLuckyDraw(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.draws.draw(ctx, id);
  }

  @Mutation(() => LuckyDraw, { description: 'Publishes the seed: anyone can re-derive every result.' })
  @Allow(P.PromotionManage)
  revealLuckyDraw(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.draws.reveal(ctx, id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The secret seed (hex): null until revealed.' })
  seed(@Root() d: LuckyDraw) {
    return d.state === DrawState.REVEALED ? d.seed : null;
  }

  @FieldResolver(() => EligibilityData)
  eligibility(@Root() d: LuckyDraw) {
    return d.eligibility ?? {};
  }

  @FieldResolver(() => [LuckyDrawPrize])
  prizes(@Root() d: LuckyDraw, @Ctx() ctx: Context) {
    return ctx.services.draws.prizes(d.id);
  }
}

@Resolver(() => LuckyDrawPrize)
export class LuckyDrawPrizeResolver {
  @FieldResolver(() => String, { nullable: true })
  async skuCode(@Root() p: LuckyDrawPrize, @Ctx() ctx: Context) {
    return p.skuId ? (await skuLabel(ctx, p.skuId)).code : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async couponBatchCode(@Root() p: LuckyDrawPrize, @Ctx() ctx: Context) {
    return p.couponBatchId ? ((await ctx.services.coupons.batchByIds([p.couponBatchId]))[0]?.code ?? null) : null;
  }
}

@Resolver(() => LuckyDrawEntry)
export class LuckyDrawEntryResolver {
  @FieldResolver(() => String, { nullable: true, description: 'COUPON prize: the code issued.' })
  async couponCode(@Root() e: LuckyDrawEntry, @Ctx() ctx: Context) {
    return e.couponCodeId ? ctx.services.draws.couponCode(e.couponCodeId) : null;
  }
}

@InputType()
class BirthdayOfferSettingsInput {
  @Field() enabled: boolean;
  @Field(() => ID, { nullable: true }) couponBatchId?: string | null;
  @Field() message: string;
  @Field(() => Int) version: number;
}

@Resolver(() => BirthdayOfferSettings)
export class BirthdayOfferResolver {
  @Query(() => BirthdayOfferSettings)
  @Allow(P.PromotionRead)
  birthdayOfferSettings(@Ctx() ctx: Context) {
    return ctx.services.birthdays.settings();
  }

  @Mutation(() => BirthdayOfferSettings)
  @Allow(P.PromotionManage)
  saveBirthdayOfferSettings(
    @Ctx() ctx: Context,
    @Arg('input', () => BirthdayOfferSettingsInput) input: BirthdayOfferSettingsInput,
  ) {
    return ctx.services.birthdays.saveSettings(ctx, input);
  }

  @Query(() => BirthdayOfferPage, { description: 'Birthday coupons issued, with the message recorded for each.' })
  @Allow(P.PromotionRead)
  birthdayOffers(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true }) year?: number,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.birthdays.offers(ctx, year ?? null, page);
  }

  @Mutation(() => BirthdayRun, { description: 'Runs the birthday job now (it also runs on its schedule).' })
  @Allow(P.PromotionManage)
  runBirthdayOffers(@Ctx() ctx: Context) {
    return ctx.services.birthdays.run();
  }

  @FieldResolver(() => String, { nullable: true })
  async couponBatchName(@Root() s: BirthdayOfferSettings, @Ctx() ctx: Context) {
    if (!s.couponBatchId) return null;
    const b: CouponBatch | undefined = (await ctx.services.coupons.batchByIds([s.couponBatchId]))[0];
    return b?.name ?? null;
  }
}
