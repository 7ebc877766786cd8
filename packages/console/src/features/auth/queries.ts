import { graphql } from '@/gql';

export const MeQuery = graphql(`
  query Me {
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

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      expiresAt
      user {
        id
        username
        mustChangePassword
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);
