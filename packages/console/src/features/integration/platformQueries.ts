import { graphql } from '@/gql';

export const OnlineStoresQuery = graphql(`
  query OnlineStores {
    platformConnections {
      id
      kind
      storeId
      customerId
      warehouseId
      baseUrl
      appKey
      cursor
      lastSyncAt
      lastError
      stockBuffer
      stockShare
      lastStockPushAt
      lastStockError
      counts {
        imported
        held
        unmappedSkus
        refundsToReview
        shipmentsWaiting
        shipmentErrors
      }
    }
    salesStores {
      id
      code
      name
    }
  }
`);

export const OnlineStoreOptionsQuery = graphql(`
  query OnlineStoreOptions($customerSearch: String) {
    integrationSimulators {
      kind
      baseUrl
      key
      secret
    }
    salesStores {
      id
      code
      name
    }
    customers(filter: { search: $customerSearch }, page: { limit: 50 }) {
      items {
        id
        code
        name
      }
    }
    warehouses(page: { limit: 200 }) {
      items {
        id
        code
        name
      }
    }
  }
`);

export const ConnectPlatformStoreMutation = graphql(`
  mutation ConnectPlatformStore($input: ConnectPlatformInput!) {
    connectPlatformStore(input: $input) {
      id
    }
  }
`);

export const EditPlatformStoreMutation = graphql(`
  mutation EditPlatformStore($input: EditPlatformInput!) {
    editPlatformStore(input: $input) {
      id
      storeId
      customerId
      warehouseId
      baseUrl
      appKey
      cursor
      stockBuffer
      stockShare
      lastStockPushAt
      lastStockError
    }
  }
`);

/** The customer of a connection being edited (it may not be among the first customers the form lists). */
export const PlatformStoreCustomerQuery = graphql(`
  query PlatformStoreCustomer($id: ID!) {
    customer(id: $id) {
      id
      code
      name
    }
  }
`);

export const ImportPlatformOrdersMutation = graphql(`
  mutation ImportPlatformOrders($connectionId: ID!, $fromStart: Boolean!) {
    importPlatformOrders(connectionId: $connectionId, fromStart: $fromStart) {
      imported
      duplicates
      held
      returned
      review
      more
    }
  }
`);

export const PlatformReviewQuery = graphql(`
  query PlatformReview($connectionId: ID!) {
    platformSkuReview(connectionId: $connectionId) {
      id
      platformSku
      waiting
    }
    platformRefundReview(connectionId: $connectionId) {
      id
      platformRefundId
      platformOrderId
      problem
      message
      createdAt
    }
  }
`);

export const MapPlatformSkuMutation = graphql(`
  mutation MapPlatformSku($id: ID!, $skuId: ID!) {
    mapPlatformSku(id: $id, skuId: $skuId) {
      id
      skuId
    }
  }
`);

export const DismissPlatformRefundMutation = graphql(`
  mutation DismissPlatformRefund($id: ID!) {
    dismissPlatformRefund(id: $id) {
      id
      state
    }
  }
`);

export const PlatformOrderOfQuery = graphql(`
  query PlatformOrderOf($salesOrderId: ID!) {
    platformOrderOf(salesOrderId: $salesOrderId) {
      kind
      connectionId
      platformOrderId
      shipments {
        id
        shipmentId
        trackingNo
        carrier
        attempts
        lastError
        pushedAt
        createdAt
      }
    }
  }
`);
