import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import { PromotionKind, PromotionStatus, type Promotion } from './promotion.entity';
import { statusOf } from './promotion.service';
import type { PromotionFilter } from './promotion.types';

/** 促销 as the console's list shows it (the page's status; the budget spent with sales.margin.read). */
export const promotionListExports: ListExport[] = [
  {
    name: 'promotions',
    permissions: [P.PromotionRead],
    typeName: 'Promotion',
    filterType: 'PromotionFilter',
    page: (ctx, filter: PromotionFilter | undefined, page) => ctx.services.promotions.list(ctx, filter, page),
    columns: {
      code: { get: (_ctx, p: Promotion) => p.code, text: true },
      name: { get: (_ctx, p: Promotion) => p.name },
      kind: { get: (_ctx, p: Promotion) => p.kind, enum: PromotionKind },
      period: { get: (_ctx, p: Promotion) => `${p.startsAt.replace('T', ' ')} – ${p.endsAt.replace('T', ' ')}` },
      priority: { get: (_ctx, p: Promotion) => p.priority },
      exclusive: { get: (_ctx, p: Promotion) => p.exclusive },
      budget: { get: (_ctx, p: Promotion) => p.budget },
      spent: { get: (_ctx, p: Promotion) => p.spent },
      usedCount: { get: (_ctx, p: Promotion) => p.usedCount },
      status: { get: (_ctx, p: Promotion) => statusOf(p), enum: PromotionStatus },
    },
  },
];
