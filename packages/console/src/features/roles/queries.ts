import { graphql } from '@/gql';

export const RolesQuery = graphql(`
  query Roles {
    roles {
      id
      code
      name
      nameZh
      builtIn
      permissions
      version
    }
  }
`);

export const PermissionCatalogueQuery = graphql(`
  query PermissionCatalogue {
    permissionCatalogue {
      area
      code
    }
  }
`);

export const CreateRoleMutation = graphql(`
  mutation CreateRole($input: CreateRoleInput!) {
    createRole(input: $input) {
      id
      code
      version
    }
  }
`);

export const UpdateRoleMutation = graphql(`
  mutation UpdateRole($input: UpdateRoleInput!) {
    updateRole(input: $input) {
      id
      version
    }
  }
`);

export const DeleteRoleMutation = graphql(`
  mutation DeleteRole($id: ID!) {
    deleteRole(id: $id)
  }
`);
