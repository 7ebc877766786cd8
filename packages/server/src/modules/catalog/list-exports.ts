import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import type { LoadedProduct, ProductFilter, ProductSort } from './catalog.types';

/** 商品 as the console's list shows it: the list's filter and sort, its columns (the flags as yes/no columns). */
export const catalogListExports: ListExport[] = [
  {
    name: 'products',
    permissions: [P.CatalogProductRead],
    typeName: 'Product',
    filterArgsOf: 'products',
    page: (ctx, f: { filter?: ProductFilter | null; sort?: ProductSort | null } | undefined, page) =>
      ctx.services.products.list(ctx, f?.filter, f?.sort, page),
    columns: {
      code: { get: (_ctx, p: LoadedProduct) => p.code, text: true },
      name: { get: (_ctx, p: LoadedProduct) => p.name },
      category: { get: (_ctx, p: LoadedProduct) => p.category?.name ?? '' },
      brand: { get: (_ctx, p: LoadedProduct) => p.brand?.name ?? '' },
      baseUnit: { get: (_ctx, p: LoadedProduct) => p.baseUnit },
      skuCount: { get: (_ctx, p: LoadedProduct) => p.skus?.length ?? 0 },
      active: { get: (_ctx, p: LoadedProduct) => p.active },
      batchTracked: { get: (_ctx, p: LoadedProduct) => p.batchTracked },
      serialTracked: { get: (_ctx, p: LoadedProduct) => p.serialTracked },
    },
  },
];
