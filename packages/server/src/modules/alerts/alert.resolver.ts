import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { Paginated, PageInput } from '../../core/paging';
import { SignedIn } from '../../core/permissions/guard';
import { skuLabel } from '../catalog';
import { warehouseLabel } from '../stock';
import { AlertDigest, AlertFigures, DigestKindCount, Notification } from './alert.entity';

export const NotificationPage = Paginated(Notification, 'NotificationPage');
export const AlertDigestPage = Paginated(AlertDigest, 'AlertDigestPage');

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => NotificationPage, { description: 'My notifications, newest first.' })
  @SignedIn()
  notifications(
    @Ctx() ctx: Context,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.alerts.list(ctx, unreadOnly, page);
  }

  @Query(() => Int, { description: 'How many of my notifications are unread (the bell).' })
  @SignedIn()
  unreadNotificationCount(@Ctx() ctx: Context) {
    return ctx.services.alerts.unreadCount(ctx);
  }

  @Mutation(() => Int, { description: 'Marks my notifications read (these, or all when ids is omitted).' })
  @SignedIn()
  markNotificationsRead(@Ctx() ctx: Context, @Arg('ids', () => [ID], { nullable: true }) ids?: string[] | null) {
    return ctx.services.alerts.markRead(ctx, ids?.slice(0, 500));
  }

  @Subscription(() => Notification, {
    subscribe: ({ context }) => (context as Context).services.alerts.subscribe((context as Context).user!.id),
    description: 'My notifications as they are made (each once; after a reconnect, read `notifications`).',
  })
  @SignedIn()
  notificationAdded(@Root() n: Notification): Notification {
    return n;
  }

  @FieldResolver(() => Boolean)
  read(@Root() n: Notification) {
    return !!n.readAt;
  }

  @FieldResolver(() => AlertFigures)
  async figures(@Root() n: Notification, @Ctx() ctx: Context): Promise<AlertFigures> {
    const p = JSON.parse(n.payload || '{}') as Record<string, unknown>;
    const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
    // a blind counter's alert on a place under an open count carries no stock figure
    const blind = n.warehouseId ? await ctx.services.blindCounts.view(ctx, [n.warehouseId]) : null;
    const h = !!blind && !!n.skuId && blind.hides(n.warehouseId!, n.skuId);
    const w = (field: string, v: string | null) => (blind ? blind.withhold('AlertFigures', field, h, v) : v);
    return {
      available: w('available', s(p.available)),
      safetyStock: s(p.safetyStock),
      qty: w('qty', s(p.qty)),
      batchNo: s(p.batchNo),
      expiryDate: s(p.expiryDate),
      supplierName: s(p.supplierName),
      qualification: s(p.qualification),
      level: p.level === undefined || p.level === null ? null : Number(p.level),
      dueDate: s(p.dueDate),
    };
  }

  @FieldResolver(() => String, { nullable: true })
  async skuCode(@Root() n: Notification, @Ctx() ctx: Context) {
    return n.skuId ? (await skuLabel(ctx, n.skuId)).code : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async skuName(@Root() n: Notification, @Ctx() ctx: Context) {
    return n.skuId ? (await skuLabel(ctx, n.skuId)).name : null;
  }

  @FieldResolver(() => String, { nullable: true })
  async warehouseName(@Root() n: Notification, @Ctx() ctx: Context) {
    return (await warehouseLabel(ctx, n.warehouseId))?.name ?? null;
  }
}

@Resolver(() => AlertDigest)
export class AlertDigestResolver {
  @Query(() => AlertDigestPage, { description: 'My daily digests, newest first.' })
  @SignedIn()
  alertDigests(@Ctx() ctx: Context, @Arg('page', () => PageInput, { nullable: true }) page?: PageInput) {
    return ctx.services.dailyAlerts.list(ctx, page);
  }

  @Query(() => AlertDigest, { description: 'One of my daily digests.' })
  @SignedIn()
  alertDigest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.dailyAlerts.get(ctx, id);
  }

  @Mutation(() => AlertDigest, { description: 'Opens one of my digests: marks it read.' })
  @SignedIn()
  openAlertDigest(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.dailyAlerts.open(ctx, id);
  }

  @FieldResolver(() => Boolean)
  read(@Root() d: AlertDigest) {
    return !!d.readAt;
  }

  @FieldResolver(() => [Notification], { description: 'The alerts it lists, newest first.' })
  notifications(@Root() d: AlertDigest, @Ctx() ctx: Context) {
    return ctx.services.dailyAlerts.notifications(d);
  }

  @FieldResolver(() => [DigestKindCount], { description: 'How many of each kind it lists.' })
  async byKind(@Root() d: AlertDigest, @Ctx() ctx: Context): Promise<DigestKindCount[]> {
    const counts = new Map<string, number>();
    for (const n of await ctx.services.dailyAlerts.notifications(d)) counts.set(n.kind, (counts.get(n.kind) ?? 0) + 1);
    return [...counts].map(([kind, count]) => ({ kind: kind as DigestKindCount['kind'], count }));
  }
}
