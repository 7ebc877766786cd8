import { graphql } from '@/gql';

export const TplPageQuery = graphql(`
  query TplPage {
    tplConnections {
      id
      name
      warehouseId
      baseUrl
      clientKey
      active
      lastPullAt
      lastError
      lastSnapshotDate
    }
    tplRequests {
      id
      connectionId
      ref
      kind
      status
      sourceType
      sourceNumber
      attempts
      lastError
      sentAt
      createdAt
      transfers {
        id
        number
      }
      lines {
        key
        sku
        name
        qty
        confirmed
      }
    }
    tplReviews {
      id
      connectionId
      kind
      status
      skuId
      bookQty
      tplQty
      snapshotDate
      params {
        confirmation
        request
        source
        transfer
        sku
        unknownSku
        given
        bookQty
        tplQty
        snapshotDate
        errorCode
        errorParams {
          name
          value
        }
        lines {
          problem
          line
          sku
          requestedSku
          given
          requested
          confirmed
          open
        }
      }
      createdAt
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

export const ConnectTplMutation = graphql(`
  mutation ConnectTpl($input: ConnectTplInput!) {
    connectTpl(input: $input) {
      id
    }
  }
`);

export const SyncTplMutation = graphql(`
  mutation SyncTpl($id: ID!) {
    syncTpl(connectionId: $id) {
      received
      duplicates
      posted
      review
    }
  }
`);

export const ReconcileTplMutation = graphql(`
  mutation ReconcileTpl($id: ID!) {
    reconcileTpl(connectionId: $id) {
      id
    }
  }
`);

export const ResolveTplReviewMutation = graphql(`
  mutation ResolveTplReview($id: ID!, $adjust: Boolean!, $note: String!) {
    resolveTplReview(id: $id, adjust: $adjust, note: $note) {
      id
      status
    }
  }
`);

/** A document's 3PL side (sales order, purchase order, or a transfer by its destination). */
export const TplStatusOfQuery = graphql(`
  query TplStatusOf($sourceType: String!, $sourceId: ID!) {
    tplStatusOf(sourceType: $sourceType, sourceId: $sourceId) {
      connectionName
      requests {
        id
        ref
        kind
        status
        attempts
        lastError
        sentAt
        createdAt
        transfers {
          id
          number
        }
      }
    }
  }
`);

export const CancelTplRequestMutation = graphql(`
  mutation CancelTplRequest($id: ID!) {
    cancelTplRequest(id: $id) {
      id
      status
    }
  }
`);

export const ResendTplRequestMutation = graphql(`
  mutation ResendTplRequest($id: ID!) {
    resendTplRequest(id: $id) {
      id
      status
      attempts
      lastError
    }
  }
`);

export const RequestTplShipmentMutation = graphql(`
  mutation RequestTplShipment($salesOrderId: ID!) {
    requestTplShipment(salesOrderId: $salesOrderId) {
      id
      status
    }
  }
`);

export const RequestTplAsnMutation = graphql(`
  mutation RequestTplAsn($purchaseOrderId: ID!) {
    requestTplAsn(purchaseOrderId: $purchaseOrderId) {
      id
      status
    }
  }
`);
