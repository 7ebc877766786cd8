import { graphql } from '@/gql';

export const AuditLogQuery = graphql(`
  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {
    auditLog(filter: $filter, sort: $sort, page: $page) {
      total
      offset
      limit
      items {
        id
        at
        username
        roles
        action
        entityType
        entityId
        address
        requestId
        before
        after
      }
    }
  }
`);

export const AuditStatsQuery = graphql(`
  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {
    auditStats(filter: $filter, groupBy: $groupBy) {
      key
      count
    }
  }
`);

export const AuditLoggedSubscription = graphql(`
  subscription AuditLogged {
    auditLogged {
      id
      at
      username
      action
    }
  }
`);
