import { perRequest } from '../../core/context';
import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { userLabel } from '../auth';
import type { Customer } from './customer.entity';

/** 客户 as the console's list shows it (a salesperson's own customers; contacts by their permission). */
export const salesListExports: ListExport[] = [
  {
    name: 'customers',
    permissions: [P.SalesCustomerRead],
    typeName: 'Customer',
    filterType: 'CustomerFilter',
    page: (ctx, filter, page) => ctx.services.customers.list(ctx, filter, page),
    columns: {
      code: { get: (_ctx, c: Customer) => c.code, text: true },
      name: { get: (_ctx, c: Customer) => c.name },
      tier: {
        get: async (ctx, c: Customer) =>
          c.tierId
            ? ((await perRequest(ctx, 'customerTiers', () => ctx.services.customers.tiers())).find(
                (t) => t.id === c.tierId,
              )?.name ?? '')
            : '',
      },
      channel: {
        get: async (ctx, c: Customer) =>
          c.channelId
            ? ((await perRequest(ctx, 'salesChannels', () => ctx.services.customers.channels())).find(
                (x) => x.id === c.channelId,
              )?.name ?? '')
            : '',
      },
      ownerName: { get: async (ctx, c: Customer) => (await userLabel(ctx, c.ownerId))?.name ?? '' },
      phone: { get: (_ctx, c: Customer) => c.phone, text: true },
      creditLimit: { get: (_ctx, c: Customer) => c.creditLimit },
      createdAt: { get: (_ctx, c: Customer) => c.createdAt },
    },
  },
];
