import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../core/context';
import { Paginated, PageInput } from '../../core/paging';
import { SignedIn } from '../../core/permissions/guard';
import { skuLabel } from '../catalog';
import { warehouseLabel } from '../stock';
import { AlertFigures, Notification } from './alert.entity';

export const NotificationPage = Paginated(Notification, 'NotificationPage');

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
  figures(@Root() n: Notification): AlertFigures {
    const p = JSON.parse(n.payload || '{}') as Record<string, unknown>;
    const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
    return { available: s(p.available), safetyStock: s(p.safetyStock) };
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
