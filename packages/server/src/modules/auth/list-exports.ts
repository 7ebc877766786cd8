import type { Context } from '../../core/context';
import type { ListExport } from '../../core/list-export';
import { P } from '../../core/permissions/catalogue';
import type { Role } from './role.entity';
import type { User } from './user.entity';

/** A role's name in the user's language, as the console shows it. */
const roleName = (ctx: Context, r: Pick<Role, 'name' | 'nameZh'>) =>
  (ctx.locale ?? 'zh-CN') === 'zh-CN' && r.nameZh ? r.nameZh : r.name;

/** 用户 / 通讯录 (one list: e-mail and phone with system.user.contact.read only) and 角色 as their pages show them. */
export const authListExports: ListExport[] = [
  {
    name: 'users',
    permissions: [P.SystemUserRead],
    typeName: 'User',
    filterType: 'UserFilter',
    page: (ctx, filter, page) => ctx.services.users.list(ctx, filter, null, page),
    columns: {
      username: { get: (_ctx, u: User) => u.username, text: true },
      displayName: { get: (_ctx, u: User) => u.displayName },
      email: { get: (_ctx, u: User) => u.email },
      phone: { get: (_ctx, u: User) => u.phone, text: true },
      roles: { get: (ctx, u: User) => (u.roles ?? []).map((r) => roleName(ctx, r)).join('、') },
      active: { get: (_ctx, u: User) => u.active },
      lastLoginAt: { get: (_ctx, u: User) => u.lastLoginAt },
    },
  },
  {
    name: 'roles',
    permissions: [P.SystemRoleRead],
    typeName: 'Role',
    page: (ctx) => ctx.services.roles.list(),
    columns: {
      code: { get: (_ctx, r: Role) => r.code, text: true },
      name: { get: (_ctx, r: Role) => r.name },
      nameZh: { get: (_ctx, r: Role) => r.nameZh },
      permissionCount: { get: (_ctx, r: Role) => r.permissions.length },
      builtIn: { get: (_ctx, r: Role) => r.builtIn },
    },
  },
];
