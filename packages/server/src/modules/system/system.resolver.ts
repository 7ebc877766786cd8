import { Arg, Ctx, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { P } from '../../core/permissions/catalogue';
import { Allow, SensitiveField, SignedIn } from '../../core/permissions/guard';
import { CompanySettings } from './settings.entity';
import { businessTimeZone, now, today } from '../../core/dates';
import { BusinessClock, DayCount, KeyCount, NumberFormat, UpdateSettingsInput } from './system.types';

/** Live figures for the overview page; each figure is guarded by its own permission. */
@ObjectType()
export class Overview {
  constructor(private readonly ctx: Context) {}

  @SensitiveField('Overview', () => Int, P.SystemUserRead, 'Active user accounts.')
  activeUsers() {
    return this.ctx.services.users.count(true);
  }

  @SensitiveField('Overview', () => [KeyCount], P.SystemUserRead, 'Users per role.')
  usersByRole() {
    return this.ctx.services.users.countByRole();
  }

  @SensitiveField('Overview', () => Int, P.StockWarehouseRead, 'Active warehouses in your scope.')
  warehouses() {
    return this.ctx.services.warehouses.count(this.ctx);
  }

  @SensitiveField('Overview', () => Int, P.SystemSessionRead, 'Sessions not yet expired.')
  activeSessions() {
    return this.ctx.services.auth.activeSessionCount();
  }

  @SensitiveField('Overview', () => [DayCount], P.SystemSessionRead, 'Successful sign-ins per day, last 14 days.')
  loginsByDay() {
    return this.ctx.services.auth.loginsByDay(14, true);
  }

  @SensitiveField('Overview', () => [DayCount], P.SystemSessionRead, 'Failed sign-ins per day, last 14 days.')
  failedLoginsByDay() {
    return this.ctx.services.auth.loginsByDay(14, false);
  }

  @SensitiveField('Overview', () => [DayCount], P.SystemAuditRead, 'Audited changes per day, last 14 days.')
  changesByDay() {
    return this.ctx.services.audit.countByDay(14);
  }
}

@Resolver()
export class SystemResolver {
  @Query(() => Overview)
  @SignedIn()
  overview(@Ctx() ctx: Context) {
    return new Overview(ctx);
  }

  @Query(() => String, {
    description: 'The company name for printed documents (delivery notes, orders): any signed-in user.',
  })
  @SignedIn()
  async companyName(@Ctx() ctx: Context) {
    return (await ctx.services.settings.get()).companyName;
  }

  @Query(() => BusinessClock, {
    description:
      "The server's now and the company's business day, for default dates in forms: anyone (the console reads it with `me`).",
  })
  businessClock(): BusinessClock {
    const at = now();
    return { now: at.toISOString(), today: today(at), timeZone: businessTimeZone() };
  }

  @Query(() => NumberFormat, { description: 'How the console shows numbers: any signed-in user.' })
  @SignedIn()
  async numberFormat(@Ctx() ctx: Context): Promise<NumberFormat> {
    const s = await ctx.services.settings.get();
    return { currency: s.currency, unitCostPlaces: s.unitCostPlaces };
  }

  @Query(() => Int, {
    description:
      'Receiving a batch that has expired or expires within this many days needs a reason (settings.expiryWarningDays): any signed-in user, so receiving forms can warn.',
  })
  @SignedIn()
  async expiryWarningDays(@Ctx() ctx: Context) {
    return (await ctx.services.settings.get()).expiryWarningDays;
  }

  @Query(() => CompanySettings)
  @Allow(P.SystemSettingsRead)
  companySettings(@Ctx() ctx: Context) {
    return ctx.services.settings.get();
  }

  @Mutation(() => CompanySettings)
  @Allow(P.SystemSettingsManage)
  updateCompanySettings(@Arg('input') input: UpdateSettingsInput, @Ctx() ctx: Context) {
    return ctx.services.settings.update(ctx, input);
  }
}
