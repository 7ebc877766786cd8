import { graphql } from '@/gql';

export const AlertDigestsQuery = graphql(`
  query AlertDigests($page: PageInput) {
    alertDigests(page: $page) {
      total
      items {
        id
        day
        total
        read
        createdAt
        byKind {
          kind
          count
        }
      }
    }
  }
`);

export const AlertDigestQuery = graphql(`
  query AlertDigest($id: ID!) {
    alertDigest(id: $id) {
      id
      day
      total
      notifications {
        id
        kind
        skuId
        skuCode
        warehouseId
        warehouseName
        refType
        refId
        refNumber
        read
        createdAt
        figures {
          available
          safetyStock
          qty
          batchNo
          expiryDate
          supplierName
          qualification
          level
          dueDate
        }
      }
    }
  }
`);

export const OpenAlertDigestMutation = graphql(`
  mutation OpenAlertDigest($id: ID!) {
    openAlertDigest(id: $id) {
      id
      read
    }
  }
`);
