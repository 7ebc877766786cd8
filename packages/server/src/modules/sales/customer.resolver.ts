import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { perRequest, type Context } from '../../core/context';
import { userLabel } from '../auth';
import { ExportFile, exportCsv, exportXlsx } from '../../core/export';
import { PageInput } from '../../core/paging';
import { P } from '../../core/permissions/catalogue';
import { Allow } from '../../core/permissions/guard';
import {
  Customer,
  CustomerAddress,
  CustomerContact,
  CustomerServiceRecord,
  CustomerTier,
  SalesChannel,
  SalesStore,
} from './customer.entity';
import {
  ChannelInput,
  CreateCustomerInput,
  CustomerAddressInput,
  CustomerContactInput,
  CustomerFilter,
  CustomerPage,
  ServiceRecordInput,
  StoreInput,
  TierInput,
  TierRecompute,
  UpdateCustomerInput,
} from './customer.types';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => CustomerPage, {
    description: 'Customers; a salesperson without sales.customer.all sees only their own.',
  })
  @Allow(P.SalesCustomerRead)
  customers(
    @Ctx() ctx: Context,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter?: CustomerFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.customers.list(ctx, filter, page);
  }

  @Query(() => Customer, { description: "Another salesperson's customer is NOT_FOUND." })
  @Allow(P.SalesCustomerRead)
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.customers.get(ctx, id);
  }

  @Query(() => ExportFile, {
    description:
      'Your customers (all with sales.customer.all) as CSV, or xlsx (base64); contact columns only for those who may read them.',
  })
  @Allow(P.SalesCustomerRead)
  async exportCustomers(
    @Ctx() ctx: Context,
    @Arg('filter', () => CustomerFilter, { nullable: true }) filter?: CustomerFilter,
    @Arg('xlsx', { nullable: true }) xlsx?: boolean,
  ) {
    const rows: Customer[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await ctx.services.customers.list(ctx, filter, { offset, limit: 200 });
      rows.push(...page.items);
      if (rows.length >= page.total || !page.items.length || rows.length >= 10_000) break;
    }
    const cols = [
      'code',
      'name',
      'phone',
      'email',
      'address',
      'birthday',
      'preferences',
      'ownerId',
      'channelId',
      'tierId',
      'tierFixed',
      'creditLimit',
      'memo',
    ] as const;
    const get = (r: Customer, c: string) => (r as any)[c];
    return xlsx
      ? exportXlsx(
          ctx,
          'Customer',
          'customers',
          cols.map((key) => ({ key, text: key === 'code' || key === 'phone' })),
          rows,
          get,
        )
      : exportCsv(ctx, 'Customer', 'customers', cols, rows, get);
  }

  @Mutation(() => Customer)
  @Allow(P.SalesCustomerManage)
  createCustomer(@Arg('input') input: CreateCustomerInput, @Ctx() ctx: Context) {
    return ctx.services.customers.create(ctx, input);
  }

  @Mutation(() => Customer, { description: 'A stale version gets CONFLICT.' })
  @Allow(P.SalesCustomerManage)
  updateCustomer(@Arg('input') input: UpdateCustomerInput, @Ctx() ctx: Context) {
    return ctx.services.customers.update(ctx, input);
  }

  @Mutation(() => CustomerServiceRecord, { description: 'A service or complaint record.' })
  @Allow(P.SalesCustomerManage)
  addCustomerServiceRecord(@Arg('input') input: ServiceRecordInput, @Ctx() ctx: Context) {
    return ctx.services.customers.addServiceRecord(ctx, input);
  }

  @Mutation(() => CustomerContact, {
    description: 'Adds (no id) or edits a contact person; primary: the one to call first.',
  })
  @Allow(P.SalesCustomerManage)
  saveCustomerContact(@Arg('input') input: CustomerContactInput, @Ctx() ctx: Context) {
    return ctx.services.customers.saveContact(ctx, input);
  }

  @Mutation(() => CustomerAddress, {
    description:
      'Adds (no id) or edits a delivery address; the first one, or isDefault, is where orders ship by default.',
  })
  @Allow(P.SalesCustomerManage)
  saveCustomerAddress(@Arg('input') input: CustomerAddressInput, @Ctx() ctx: Context) {
    return ctx.services.customers.saveAddress(ctx, input);
  }

  @Mutation(() => Boolean)
  @Allow(P.SalesCustomerManage)
  deleteCustomerContact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.customers.removeContactOrAddress(ctx, 'contact', id);
  }

  @Mutation(() => Boolean)
  @Allow(P.SalesCustomerManage)
  deleteCustomerAddress(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.customers.removeContactOrAddress(ctx, 'address', id);
  }

  @FieldResolver(() => [CustomerContact])
  contacts(@Root() c: Customer, @Ctx() ctx: Context) {
    return ctx.services.customers.contacts([c.id]);
  }

  @FieldResolver(() => [CustomerAddress])
  addresses(@Root() c: Customer, @Ctx() ctx: Context) {
    return ctx.services.customers.addresses([c.id]);
  }

  @FieldResolver(() => [CustomerServiceRecord])
  serviceRecords(@Root() c: Customer, @Ctx() ctx: Context) {
    return ctx.services.customers.serviceRecords([c.id]);
  }

  @FieldResolver(() => CustomerTier, { nullable: true })
  async tier(@Root() c: Customer, @Ctx() ctx: Context) {
    return c.tierId
      ? ((await perRequest(ctx, 'customerTiers', () => ctx.services.customers.tiers())).find(
          (t) => t.id === c.tierId,
        ) ?? null)
      : null;
  }

  @FieldResolver(() => SalesChannel, { nullable: true })
  async channel(@Root() c: Customer, @Ctx() ctx: Context) {
    return c.channelId
      ? ((await perRequest(ctx, 'salesChannels', () => ctx.services.customers.channels())).find(
          (x) => x.id === c.channelId,
        ) ?? null)
      : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The owner’s display name.' })
  async ownerName(@Root() c: Customer, @Ctx() ctx: Context) {
    return (await userLabel(ctx, c.ownerId))?.name ?? null;
  }
}

@Resolver()
export class SalesSetupResolver {
  @Query(() => [CustomerTier])
  @Allow(P.SalesCustomerRead)
  customerTiers(@Ctx() ctx: Context) {
    return ctx.services.customers.tiers();
  }

  @Mutation(() => CustomerTier, { description: 'Adds (no id) or edits a tier and its RFM conditions.' })
  @Allow(P.SalesSetupManage)
  saveCustomerTier(@Arg('input') input: TierInput, @Ctx() ctx: Context) {
    return ctx.services.customers.saveTier(ctx, input);
  }

  @Mutation(() => TierRecompute, { description: 'Recomputes every tier that is not fixed by hand (also runs daily).' })
  @Allow(P.SalesSetupManage)
  recomputeCustomerTiers(@Ctx() ctx: Context) {
    return ctx.services.customers.recomputeTiers(ctx);
  }

  @Query(() => [SalesChannel])
  @Allow(P.SalesCustomerRead)
  salesChannels(@Ctx() ctx: Context) {
    return ctx.services.customers.channels();
  }

  @Query(() => [SalesStore])
  @Allow(P.SalesCustomerRead)
  salesStores(@Ctx() ctx: Context, @Arg('channelId', () => ID, { nullable: true }) channelId?: string) {
    return ctx.services.customers.stores(channelId ? Number(channelId) || -1 : undefined);
  }

  @Mutation(() => SalesChannel)
  @Allow(P.SalesSetupManage)
  saveSalesChannel(@Arg('input') input: ChannelInput, @Ctx() ctx: Context) {
    return ctx.services.customers.saveChannel(ctx, input);
  }

  @Mutation(() => SalesStore)
  @Allow(P.SalesSetupManage)
  saveSalesStore(@Arg('input') input: StoreInput, @Ctx() ctx: Context) {
    return ctx.services.customers.saveStore(ctx, input);
  }
}
