import { graphql } from '@/gql';

/** Who is signed in (the permission store reads it) and signing out: the shell needs them, so they live below features. */
export const MeQuery = graphql(`
  query Me {
    businessClock {
      now
      timeZone
    }
    me {
      permissions
      roles
      warehouseIds
      user {
        id
        username
        displayName
        email
        phone
        mustChangePassword
        lastLoginAt
        createdAt
        roles {
          id
          code
          name
          nameZh
        }
        warehouses {
          id
          code
          name
        }
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const NumberFormatQuery = graphql(`
  query NumberFormat {
    numberFormat {
      currency
      unitCostPlaces
    }
  }
`);
