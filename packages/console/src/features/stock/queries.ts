import { graphql } from '@/gql';

export const WarehousesQuery = graphql(`
  query Warehouses($page: PageInput) {
    warehouses(page: $page) {
      total
      offset
      limit
      items { id code name kind active allowNegative version }
    }
  }
`);

export const CreateWarehouseMutation = graphql(`
  mutation CreateWarehouse($input: CreateWarehouseInput!) {
    createWarehouse(input: $input) { id version }
  }
`);

export const UpdateWarehouseMutation = graphql(`
  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {
    updateWarehouse(input: $input) { id version }
  }
`);
