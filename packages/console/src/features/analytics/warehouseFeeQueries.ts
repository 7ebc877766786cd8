import { graphql } from '@/gql';

export const WarehouseFeeWarehousesQuery = graphql(`
  query WarehouseFeeWarehouses {
    warehouses(page: { limit: 200 }) {
      items {
        id
        code
        name
      }
    }
  }
`);

export const WarehouseFeesQuery = graphql(`
  query WarehouseFees($month: String!) {
    warehouseFees(month: $month) {
      id
      warehouseId
      month
      storage
      handling
      memo
      version
    }
  }
`);

export const WarehouseFeeAllocationQuery = graphql(`
  query WarehouseFeeAllocation($warehouseId: ID!, $month: String!) {
    warehouseFeeAllocation(warehouseId: $warehouseId, month: $month) {
      warehouseId
      warehouse
      month
      storage
      handling
      unallocatedStorage
      unallocatedHandling
      shares {
        skuId
        sku
        baseUnit
        spaceDays
        lines
        storage
        handling
        total
      }
    }
  }
`);

export const SaveWarehouseFeeMutation = graphql(`
  mutation SaveWarehouseFee($input: WarehouseFeeInput!, $version: Int) {
    saveWarehouseFee(input: $input, version: $version) {
      id
      warehouseId
      month
      storage
      handling
      memo
      version
    }
  }
`);
