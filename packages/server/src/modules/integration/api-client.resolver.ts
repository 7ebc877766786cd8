import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import { ApiClientKey, ApiClientView, CreateApiClientInput } from './api-client.types';

@Resolver()
export class ApiClientResolver {
  @Query(() => [ApiClientView], { description: 'API clients, newest first (keys by prefix only).' })
  @Allow(P.SystemIntegrationManage)
  apiClients(@Ctx() ctx: Context) {
    return ctx.services.apiClients.list();
  }

  @Mutation(() => ApiClientKey, { description: 'A new API client and its key (shown this once).' })
  @Allow(P.SystemIntegrationManage)
  createApiClient(@Ctx() ctx: Context, @Arg('input', () => CreateApiClientInput) input: CreateApiClientInput) {
    return ctx.services.apiClients.create(ctx, input);
  }

  @Mutation(() => ApiClientKey, {
    description:
      'A new key for the client (shown this once); its current keys keep working for overlapHours (0: stop now).',
  })
  @Allow(P.SystemIntegrationManage)
  rotateApiClientKey(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('overlapHours', () => Int, { defaultValue: 24 }) overlapHours: number,
  ) {
    return ctx.services.apiClients.rotate(ctx, id, overlapHours);
  }

  @Mutation(() => ApiClientView, { description: 'Revokes the client at once: every key of it is refused.' })
  @Allow(P.SystemIntegrationManage)
  revokeApiClient(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return ctx.services.apiClients.revoke(ctx, id);
  }
}
