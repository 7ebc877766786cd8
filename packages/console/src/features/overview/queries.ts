import { graphql } from '@/gql';

export const OverviewQuery = graphql(`
  query Overview {
    overview {
      activeUsers
      usersByRole {
        key
        count
      }
      activeSessions
      loginsByDay {
        day
        count
      }
      failedLoginsByDay {
        day
        count
      }
      changesByDay {
        day
        count
      }
      warehouses
    }
  }
`);
