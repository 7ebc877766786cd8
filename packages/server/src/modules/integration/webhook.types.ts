import { ArrayMaxSize, ArrayMinSize, Length } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Paginated } from '../../core/paging';
import { DeliveryStatus, WebhookAttempt } from './webhook.entity';

registerEnumType(DeliveryStatus, { name: 'WebhookDeliveryStatus' });

@InputType()
export class CreateWebhookInput {
  @Field(() => ID, { description: 'The API client whose field rules and scope the payloads follow.' }) clientId: string;
  @Field({ description: 'http(s), not this server.' }) @Length(1, 500) url: string;
  @Field(() => [String], { description: 'Event types (webhookEventTypes).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  events: string[];
}

@ObjectType({ description: 'A webhook subscription as the integration page shows it.' })
export class WebhookView {
  @Field(() => ID) id: string;
  @Field(() => ID) clientId: string;
  @Field() clientName: string;
  @Field() url: string;
  @Field(() => [String]) events: string[];
  @Field() active: boolean;
  @Field(() => Date) createdAt: Date;
}

@ObjectType({ description: 'A new subscription and its signing secret (shown this once).' })
export class WebhookCreated {
  @Field(() => WebhookView) subscription: WebhookView;
  @Field({ description: 'The HMAC-SHA256 secret for X-Jxc-Signature; store it now.' }) secret: string;
}

@ObjectType({ description: 'One event for one subscription: its state and every attempt.' })
export class WebhookDeliveryView {
  @Field(() => ID) id: string;
  @Field(() => ID) subscriptionId: string;
  @Field() url: string;
  @Field({ description: 'The stable event id (X-Jxc-Event-Id) receivers deduplicate by.' }) eventId: string;
  @Field() eventType: string;
  @Field() refType: string;
  @Field(() => String, { nullable: true }) refNumber: string | null;
  @Field(() => DeliveryStatus) status: DeliveryStatus;
  @Field(() => Int) attempts: number;
  @Field(() => Int, { nullable: true }) lastStatus: number | null;
  @Field(() => Int, { nullable: true }) lastLatencyMs: number | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => Date) nextAttemptAt: Date;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => [WebhookAttempt], { description: 'The log, oldest first.' }) log: WebhookAttempt[];
}

export const WebhookDeliveryPage = Paginated(WebhookDeliveryView, 'WebhookDeliveryPage');
