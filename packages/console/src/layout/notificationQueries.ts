import { graphql } from '@/gql';

export const NotificationsQuery = graphql(`
  query Notifications {
    notifications(page: { limit: 20 }) {
      total
      items {
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
    unreadNotificationCount
  }
`);

export const NotificationAddedSubscription = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      id
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
