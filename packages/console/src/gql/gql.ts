/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { id at username roles action entityType entityId address requestId before after }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) { key count }\n  }\n": typeof types.AuditStatsDocument,
    "\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) { filename contentType content columns }\n  }\n": typeof types.ExportAuditLogDocument,
    "\n  subscription AuditLogged {\n    auditLogged { id at username action }\n  }\n": typeof types.AuditLoggedDocument,
    "\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user { id username mustChangePassword }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole { key count }\n      activeSessions\n      loginsByDay { day count }\n      failedLoginsByDay { day count }\n      changesByDay { day count }\n      warehouses\n    }\n  }\n": typeof types.OverviewDocument,
    "\n  query Roles {\n    roles { id code name nameZh builtIn permissions version }\n  }\n": typeof types.RolesDocument,
    "\n  query PermissionCatalogue {\n    permissionCatalogue { area code }\n  }\n": typeof types.PermissionCatalogueDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id code version }\n  }\n": typeof types.CreateRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) { id version }\n  }\n": typeof types.UpdateRoleDocument,
    "\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n": typeof types.DeleteRoleDocument,
    "\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items { id code name kind active allowNegative version }\n    }\n  }\n": typeof types.WarehousesDocument,
    "\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id version }\n  }\n": typeof types.CreateWarehouseDocument,
    "\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) { id version }\n  }\n": typeof types.UpdateWarehouseDocument,
    "\n  query CompanySettings {\n    companySettings { id companyName currency costingMethod defaultTaxRate defaultCreditLimit version }\n  }\n": typeof types.CompanySettingsDocument,
    "\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) { id companyName currency costingMethod defaultTaxRate defaultCreditLimit version }\n  }\n": typeof types.UpdateCompanySettingsDocument,
    "\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query UserFormOptions {\n    roles { id code name nameZh }\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n": typeof types.UserFormOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id username version }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id active version }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) { id version mustChangePassword }\n  }\n": typeof types.ResetUserPasswordDocument,
    "\n  query ExportUsers {\n    exportUsers { filename contentType content columns }\n  }\n": typeof types.ExportUsersDocument,
};
const documents: Documents = {
    "\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { id at username roles action entityType entityId address requestId before after }\n    }\n  }\n": types.AuditLogDocument,
    "\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) { key count }\n  }\n": types.AuditStatsDocument,
    "\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) { filename contentType content columns }\n  }\n": types.ExportAuditLogDocument,
    "\n  subscription AuditLogged {\n    auditLogged { id at username action }\n  }\n": types.AuditLoggedDocument,
    "\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n": types.MeDocument,
    "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user { id username mustChangePassword }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n": types.ChangePasswordDocument,
    "\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole { key count }\n      activeSessions\n      loginsByDay { day count }\n      failedLoginsByDay { day count }\n      changesByDay { day count }\n      warehouses\n    }\n  }\n": types.OverviewDocument,
    "\n  query Roles {\n    roles { id code name nameZh builtIn permissions version }\n  }\n": types.RolesDocument,
    "\n  query PermissionCatalogue {\n    permissionCatalogue { area code }\n  }\n": types.PermissionCatalogueDocument,
    "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id code version }\n  }\n": types.CreateRoleDocument,
    "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) { id version }\n  }\n": types.UpdateRoleDocument,
    "\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n": types.DeleteRoleDocument,
    "\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items { id code name kind active allowNegative version }\n    }\n  }\n": types.WarehousesDocument,
    "\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id version }\n  }\n": types.CreateWarehouseDocument,
    "\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) { id version }\n  }\n": types.UpdateWarehouseDocument,
    "\n  query CompanySettings {\n    companySettings { id companyName currency costingMethod defaultTaxRate defaultCreditLimit version }\n  }\n": types.CompanySettingsDocument,
    "\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) { id companyName currency costingMethod defaultTaxRate defaultCreditLimit version }\n  }\n": types.UpdateCompanySettingsDocument,
    "\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  query UserFormOptions {\n    roles { id code name nameZh }\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n": types.UserFormOptionsDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id username version }\n  }\n": types.CreateUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id active version }\n  }\n": types.UpdateUserDocument,
    "\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) { id version mustChangePassword }\n  }\n": types.ResetUserPasswordDocument,
    "\n  query ExportUsers {\n    exportUsers { filename contentType content columns }\n  }\n": types.ExportUsersDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { id at username roles action entityType entityId address requestId before after }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditFilter, $sort: AuditSort, $page: PageInput) {\n    auditLog(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items { id at username roles action entityType entityId address requestId before after }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) { key count }\n  }\n"): (typeof documents)["\n  query AuditStats($filter: AuditFilter, $groupBy: AuditGroupBy!) {\n    auditStats(filter: $filter, groupBy: $groupBy) { key count }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) { filename contentType content columns }\n  }\n"): (typeof documents)["\n  query ExportAuditLog($filter: AuditFilter) {\n    exportAuditLog(filter: $filter) { filename contentType content columns }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AuditLogged {\n    auditLogged { id at username action }\n  }\n"): (typeof documents)["\n  subscription AuditLogged {\n    auditLogged { id at username action }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      permissions\n      roles\n      warehouseIds\n      user {\n        id\n        username\n        displayName\n        email\n        phone\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user { id username mustChangePassword }\n    }\n  }\n"): (typeof documents)["\n  mutation Login($username: String!, $password: String!) {\n    login(username: $username, password: $password) {\n      expiresAt\n      user { id username mustChangePassword }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {\n    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole { key count }\n      activeSessions\n      loginsByDay { day count }\n      failedLoginsByDay { day count }\n      changesByDay { day count }\n      warehouses\n    }\n  }\n"): (typeof documents)["\n  query Overview {\n    overview {\n      activeUsers\n      usersByRole { key count }\n      activeSessions\n      loginsByDay { day count }\n      failedLoginsByDay { day count }\n      changesByDay { day count }\n      warehouses\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Roles {\n    roles { id code name nameZh builtIn permissions version }\n  }\n"): (typeof documents)["\n  query Roles {\n    roles { id code name nameZh builtIn permissions version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PermissionCatalogue {\n    permissionCatalogue { area code }\n  }\n"): (typeof documents)["\n  query PermissionCatalogue {\n    permissionCatalogue { area code }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id code version }\n  }\n"): (typeof documents)["\n  mutation CreateRole($input: CreateRoleInput!) {\n    createRole(input: $input) { id code version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateRole($input: UpdateRoleInput!) {\n    updateRole(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteRole($id: ID!) {\n    deleteRole(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items { id code name kind active allowNegative version }\n    }\n  }\n"): (typeof documents)["\n  query Warehouses($page: PageInput) {\n    warehouses(page: $page) {\n      total\n      offset\n      limit\n      items { id code name kind active allowNegative version }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation CreateWarehouse($input: CreateWarehouseInput!) {\n    createWarehouse(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) { id version }\n  }\n"): (typeof documents)["\n  mutation UpdateWarehouse($input: UpdateWarehouseInput!) {\n    updateWarehouse(input: $input) { id version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanySettings {\n    companySettings { id companyName currency costingMethod defaultTaxRate defaultCreditLimit version }\n  }\n"): (typeof documents)["\n  query CompanySettings {\n    companySettings { id companyName currency costingMethod defaultTaxRate defaultCreditLimit version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) { id companyName currency costingMethod defaultTaxRate defaultCreditLimit version }\n  }\n"): (typeof documents)["\n  mutation UpdateCompanySettings($input: UpdateSettingsInput!) {\n    updateCompanySettings(input: $input) { id companyName currency costingMethod defaultTaxRate defaultCreditLimit version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($filter: UserFilter, $sort: UserSort, $page: PageInput) {\n    users(filter: $filter, sort: $sort, page: $page) {\n      total\n      offset\n      limit\n      items {\n        id\n        username\n        displayName\n        email\n        phone\n        active\n        mustChangePassword\n        lastLoginAt\n        createdAt\n        version\n        roles { id code name nameZh }\n        warehouses { id code name }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserFormOptions {\n    roles { id code name nameZh }\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n"): (typeof documents)["\n  query UserFormOptions {\n    roles { id code name nameZh }\n    warehouses(page: { limit: 200 }) { items { id code name active } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id username version }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) { id username version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id active version }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { id active version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) { id version mustChangePassword }\n  }\n"): (typeof documents)["\n  mutation ResetUserPassword($id: ID!, $version: Int!, $password: String!) {\n    resetUserPassword(id: $id, version: $version, password: $password) { id version mustChangePassword }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportUsers {\n    exportUsers { filename contentType content columns }\n  }\n"): (typeof documents)["\n  query ExportUsers {\n    exportUsers { filename contentType content columns }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;