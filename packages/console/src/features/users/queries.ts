import { graphql } from '@/gql';

export const UsersQuery = graphql(`
  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {
    users(filter: $filter, sort: $sort, page: $page) {
      total
      offset
      limit
      items {
        id
        username
        displayName
        email
        phone
        active
        mustChangePassword
        lastLoginAt
        createdAt
        version
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

export const UserFormOptionsQuery = graphql(`
  query UserFormOptions {
    roles {
      id
      code
      name
      nameZh
    }
    warehouses(page: { limit: 200 }) {
      items {
        id
        code
        name
        active
      }
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      username
      version
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      active
      version
    }
  }
`);

export const ResetUserPasswordMutation = graphql(`
  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {
    resetUserPassword(id: $id, version: $version, password: $password) {
      id
      version
      mustChangePassword
    }
  }
`);
