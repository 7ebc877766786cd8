import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { EVENT_TYPES } from '../../core/events';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { DeliveryStatus, WebhookAttempt } from './webhook.entity';
import {
  CreateWebhookInput,
  WebhookCreated,
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookView,
} from './webhook.types';

@Resolver()
export class WebhookResolver {
  @Query(() => [String], { description: 'The event types a webhook may subscribe to.' })
  @Allow(P.SystemIntegrationManage)
  webhookEventTypes(): string[] {
    return [...EVENT_TYPES];
  }

  @Query(() => [WebhookView], { description: 'Webhook subscriptions, newest first.' })
  @Allow(P.SystemIntegrationManage)
  webhooks(@Ctx() ctx: Context) {
    return ctx.services.webhooks.list();
  }

  @Mutation(() => WebhookCreated, {
    description: 'Subscribes a client to events at a URL (http(s), not this server); the secret is shown this once.',
  })
  @Allow(P.SystemIntegrationManage)
  createWebhook(@Ctx() ctx: Context, @Arg('input', () => CreateWebhookInput) input: CreateWebhookInput) {
    return ctx.services.webhooks.create(ctx, input);
  }

  @Mutation(() => WebhookView, { description: 'Turns a subscription off (no new deliveries) or on again.' })
  @Allow(P.SystemIntegrationManage)
  setWebhookActive(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('active') active: boolean) {
    return ctx.services.webhooks.setActive(ctx, id, active);
  }

  @Query(() => WebhookDeliveryPage, { description: 'The delivery log, newest first.' })
  @Allow(P.SystemIntegrationManage)
  webhookDeliveries(
    @Ctx() ctx: Context,
    @Arg('subscriptionId', () => ID, { nullable: true }) subscriptionId?: string | null,
    @Arg('status', () => DeliveryStatus, { nullable: true }) status?: DeliveryStatus | null,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput | null,
  ) {
    return ctx.services.webhooks.deliveries(subscriptionId, status, page);
  }

  @Query(() => [WebhookAttempt], { description: "A delivery's attempts, oldest first." })
  @Allow(P.SystemIntegrationManage)
  webhookDeliveryLog(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.webhooks.log(id);
  }

  @Mutation(() => WebhookDeliveryView, {
    description: 'Sends a delivery again with the same event id (a new 24-hour retry window).',
  })
  @Allow(P.SystemIntegrationManage)
  replayWebhookDelivery(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.webhooks.replay(ctx, id);
  }
}
