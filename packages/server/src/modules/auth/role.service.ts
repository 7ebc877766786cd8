import { sessionsChanged } from '../../core/session-events';
import { type DataSource } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict, DomainError, ErrorCode, notFound } from '../../core/errors';
import { isPermission, RETIRED_PERMISSIONS } from '../../core/permissions/catalogue';
import type { AuditService } from '../audit';
import { Role } from './role.entity';
import type { CreateRoleInput, UpdateRoleInput } from './role.types';

const snapshot = (r: Role) => ({
  code: r.code,
  name: r.name,
  nameZh: r.nameZh,
  permissions: [...r.permissions].sort(),
  version: r.version,
});

function checkPermissions(given: string[]): string[] {
  const codes = given.filter((c) => !RETIRED_PERMISSIONS.includes(c));
  const unknown = codes.filter((c) => !isPermission(c));
  if (unknown.length)
    throw badInput(
      [{ field: 'permissions', message: `Unknown permission(s): ${unknown.join(', ')}.` }],
      'A permission you chose does not exist.',
    );
  return [...new Set(codes)].sort();
}

export class RoleService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<Role[]> {
    return this.ds.getRepository(Role).find({ order: { id: 'ASC' } });
  }

  async create(ctx: Context, input: CreateRoleInput): Promise<Role> {
    const permissions = checkPermissions(input.permissions);
    return inTransaction(this.ds, async (tx) => {
      if (await tx.findOne(Role, { where: { code: input.code } }))
        throw badInput([{ field: 'code', message: 'This code is taken.' }], 'This role code is taken.');
      const role = await tx.save(
        tx.create(Role, {
          code: input.code,
          name: input.name,
          nameZh: input.nameZh ?? '',
          permissions,
          builtIn: false,
          version: 1,
        }),
      );
      await this.audit.record(tx, ctx, {
        action: 'role.create',
        entityType: 'Role',
        entityId: role.id,
        after: snapshot(role),
      });
      return role;
    });
  }

  async update(ctx: Context, input: UpdateRoleInput): Promise<Role> {
    const id = Number(input.id);
    const permissions = input.permissions ? checkPermissions(input.permissions) : undefined;
    const updated = await inTransaction(this.ds, async (tx) => {
      const before = await tx.findOne(Role, { where: { id } });
      if (!before) throw notFound('This role');
      const patch: Partial<Role> = { version: input.version + 1 };
      if (input.name) patch.name = input.name;
      if (input.nameZh !== undefined && input.nameZh !== null) patch.nameZh = input.nameZh;
      if (permissions) patch.permissions = permissions;
      const res = await tx
        .createQueryBuilder()
        .update(Role)
        .set(patch)
        .where('id = :id AND version = :v', { id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(Role, { where: { id } });
      await this.audit.record(tx, ctx, {
        action: 'role.update',
        entityType: 'Role',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
    sessionsChanged(); // sockets of its users close: their rights changed
    return updated;
  }

  async remove(ctx: Context, id: string): Promise<boolean> {
    return inTransaction(this.ds, async (tx) => {
      const role = await tx.findOne(Role, { where: { id: Number(id) } });
      if (!role) throw notFound('This role');
      if (role.builtIn)
        throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Seeded roles cannot be deleted.', {
          fields: [{ field: 'id', message: 'built-in role' }],
        });
      const [{ n }] = await tx.query('SELECT COUNT(*) AS n FROM user_role WHERE role_id = ?', [role.id]);
      if (Number(n) > 0)
        throw new DomainError(ErrorCode.CONFLICT, 'This role is still assigned to users; take it from them first.', {
          users: Number(n),
        });
      await tx.delete(Role, { id: role.id });
      await this.audit.record(tx, ctx, {
        action: 'role.delete',
        entityType: 'Role',
        entityId: role.id,
        before: snapshot(role),
      });
      return true;
    });
  }
}
