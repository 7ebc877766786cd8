import { graphql } from '@/gql';

export const WarehousesQuery = graphql(`
  query Warehouses($page: PageInput) {
    warehouses(page: $page) {
      total
      offset
      limit
      items {
        id
        code
        name
        kind
        active
        allowNegative
        pickStrategy
        version
      }
    }
  }
`);

export const CreateWarehouseMutation = graphql(`
  mutation CreateWarehouse($input: CreateWarehouseInput!) {
    createWarehouse(input: $input) {
      id
      version
    }
  }
`);

export const UpdateWarehouseMutation = graphql(`
  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {
    updateWarehouse(input: $input) {
      id
      version
    }
  }
`);

export const WarehouseLocationsQuery = graphql(`
  query WarehouseLocations($id: ID!, $zoneId: ID, $search: String, $active: Boolean, $page: PageInput) {
    warehouse(id: $id) {
      id
      code
      name
      active
    }
    zones(warehouseId: $id) {
      id
      code
      name
      storageCondition
      tempMin
      tempMax
      humidityMin
      humidityMax
      dark
      hazardClass
      foodGrade
      version
    }
    bins(warehouseId: $id, zoneId: $zoneId, search: $search, active: $active, page: $page) {
      total
      offset
      limit
      items {
        id
        code
        zoneId
        active
        quarantine
        version
      }
    }
  }
`);

export const CreateZoneMutation = graphql(`
  mutation CreateZone($input: CreateZoneInput!) {
    createZone(input: $input) {
      id
      version
    }
  }
`);

export const UpdateZoneMutation = graphql(`
  mutation UpdateZone($input: UpdateZoneInput!) {
    updateZone(input: $input) {
      id
      version
    }
  }
`);

export const CreateBinMutation = graphql(`
  mutation CreateBin($input: CreateBinInput!) {
    createBin(input: $input) {
      id
      version
    }
  }
`);

export const UpdateBinMutation = graphql(`
  mutation UpdateBin($input: UpdateBinInput!) {
    updateBin(input: $input) {
      id
      version
    }
  }
`);
