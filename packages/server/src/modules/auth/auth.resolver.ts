import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../core/context';
import { exportCsv, ExportFile } from '../../core/export';
import { PageInput } from '../../core/paging';
import { ALL_PERMISSIONS, P } from '../../core/permissions/catalogue';
import { Allow, SignedIn } from '../../core/permissions/guard';
import { Role } from './role.entity';
import { CreateRoleInput, PermissionInfo, RoleOption, UpdateRoleInput } from './role.types';
import { User } from './user.entity';
import { CreateUserInput, LoginPayload, Me, UpdateUserInput, UserFilter, UserPage, UserSort } from './user.types';

@Resolver()
export class AuthResolver {
  @Mutation(() => LoginPayload, {
    description: 'Signs in; sets an HttpOnly session cookie and returns the same token for scripts.',
  })
  login(@Arg('username') username: string, @Arg('password') password: string, @Ctx() ctx: Context) {
    return ctx.services.auth.login(ctx, username, password);
  }

  @Mutation(() => Boolean)
  logout(@Ctx() ctx: Context) {
    return ctx.services.auth.logout(ctx);
  }

  @Mutation(() => Boolean)
  @SignedIn()
  changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.auth.changePassword(ctx, currentPassword, newPassword);
  }

  @Query(() => Me, { nullable: true, description: 'null when not signed in.' })
  async me(@Ctx() ctx: Context): Promise<Me | null> {
    if (!ctx.user) return null;
    const user = await ctx.services.users.get(ctx.user.id, true);
    return {
      user,
      permissions: [...ctx.user.permissions].sort(),
      roles: ctx.user.roles,
      warehouseIds: ctx.user.warehouseIds,
    };
  }
}

@Resolver()
export class UserResolver {
  @Query(() => UserPage, { description: 'The staff directory.' })
  @Allow(P.SystemUserRead)
  users(
    @Ctx() ctx: Context,
    @Arg('filter', () => UserFilter, { nullable: true }) filter?: UserFilter,
    @Arg('sort', () => UserSort, { nullable: true }) sort?: UserSort,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return ctx.services.users.list(ctx, filter, sort, page);
  }

  @Query(() => User)
  @Allow(P.SystemUserRead)
  user(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.users.get(id);
  }

  @Query(() => ExportFile, { description: 'CSV of the directory with only the columns you may see.' })
  @Allow(P.SystemUserRead)
  async exportUsers(@Ctx() ctx: Context) {
    const rows = await ctx.services.users.all();
    const cols = ['id', 'username', 'displayName', 'email', 'phone', 'active', 'roles', 'lastLoginAt'] as const;
    return exportCsv(ctx, 'User', 'users', cols, rows, (u, c) =>
      c === 'roles' ? u.roles.map((r) => r.code) : (u as any)[c],
    );
  }

  @Mutation(() => User)
  @Allow(P.SystemUserManage)
  createUser(@Arg('input') input: CreateUserInput, @Ctx() ctx: Context) {
    return ctx.services.users.create(ctx, input);
  }

  @Mutation(() => User, { description: 'Edit profile, roles, warehouses or disable (active: false).' })
  @Allow(P.SystemUserManage)
  updateUser(@Arg('input') input: UpdateUserInput, @Ctx() ctx: Context) {
    return ctx.services.users.update(ctx, input);
  }

  @Mutation(() => User, {
    description: 'Sets a new password the user must change at next sign-in; ends their sessions.',
  })
  @Allow(P.SystemUserManage)
  resetUserPassword(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('password') password: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.users.resetPassword(ctx, id, version, password);
  }
}

@Resolver()
export class RoleResolver {
  @Query(() => [Role])
  @Allow(P.SystemRoleRead)
  roles(@Ctx() ctx: Context) {
    return ctx.services.roles.list();
  }

  @Query(() => [RoleOption], { description: 'Codes and names of the roles, for filters and labels (no permissions).' })
  @Allow(P.SystemUserRead)
  async roleOptions(@Ctx() ctx: Context): Promise<RoleOption[]> {
    return (await ctx.services.roles.list()).map((r) => ({ code: r.code, name: r.name, nameZh: r.nameZh }));
  }

  @Query(() => [PermissionInfo], { description: 'The catalogue roles are built from.' })
  @Allow(P.SystemRoleRead)
  permissionCatalogue(): PermissionInfo[] {
    return ALL_PERMISSIONS.map((code) => ({ code, area: code.split('.')[0] }));
  }

  @Mutation(() => Role)
  @Allow(P.SystemRoleManage)
  createRole(@Arg('input') input: CreateRoleInput, @Ctx() ctx: Context) {
    return ctx.services.roles.create(ctx, input);
  }

  @Mutation(() => Role)
  @Allow(P.SystemRoleManage)
  updateRole(@Arg('input') input: UpdateRoleInput, @Ctx() ctx: Context) {
    return ctx.services.roles.update(ctx, input);
  }

  @Mutation(() => Boolean)
  @Allow(P.SystemRoleManage)
  deleteRole(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.roles.remove(ctx, id);
  }
}
