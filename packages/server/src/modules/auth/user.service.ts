import { Brackets, In, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { badInput, conflict, notFound } from '../../core/errors';
import { clampPage, type PageInput, type Page } from '../../core/paging';
import { assertMayUseFields } from '../../core/permissions/guard';
import type { AuditService } from '../audit';
import { isServiceUsername, SERVICE_USER_PREFIX } from './service-users';
import { warehousesByIds, type Warehouse } from '../stock';
import { checkPasswordPolicy, hashPassword } from './password';
import { Role } from './role.entity';
import { Session } from './session.entity';
import { sessionsChanged } from '../../core/session-events';
import { User } from './user.entity';
import type { CreateUserInput, UpdateUserInput, UserFilter, UserSort } from './user.types';
import { now } from '../../core/dates';

/** What the audit trail keeps of a user: master data, never the hash. */
const snapshot = (u: User) => ({
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  phone: u.phone,
  active: u.active,
  roles: (u.roles ?? []).map((r) => r.code).sort(),
  warehouses: (u.warehouses ?? []).map((w) => w.code).sort(),
  version: u.version,
});

export class UserService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(
    ctx: Context,
    filter?: UserFilter | null,
    sort?: UserSort | null,
    page?: PageInput | null,
  ): Promise<Page<User>> {
    const { offset, limit } = clampPage(page);
    // API clients' service users are managed on the integration page, not among the people
    const qb = this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.username NOT LIKE :svc', { svc: `${SERVICE_USER_PREFIX}%` });
    if (filter?.email !== undefined || filter?.phone !== undefined) {
      assertMayUseFields(
        ctx,
        'User',
        [filter.email !== undefined ? 'email' : '', filter.phone !== undefined ? 'phone' : ''].filter(Boolean),
        'filter',
      );
    }
    if (sort === 'EMAIL') assertMayUseFields(ctx, 'User', ['email'], 'sort');
    if (filter?.search) {
      const s = `%${filter.search.toLowerCase()}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('LOWER(u.username) LIKE :s', { s }).orWhere('LOWER(u.display_name) LIKE :s', { s }),
        ),
      );
    }
    if (filter?.active !== undefined && filter.active !== null)
      qb.andWhere('u.active = :active', { active: filter.active });
    if (filter?.email) qb.andWhere('u.email = :email', { email: filter.email });
    if (filter?.phone) qb.andWhere('u.phone = :phone', { phone: filter.phone });
    if (filter?.roleCode) {
      qb.andWhere('u.id IN (SELECT ur.user_id FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE r.code = :rc)', {
        rc: filter.roleCode,
      });
    }
    const col = {
      USERNAME: 'u.username',
      DISPLAY_NAME: 'u.display_name',
      CREATED_AT: 'u.created_at',
      LAST_LOGIN_AT: 'u.last_login_at',
      EMAIL: 'u.email',
    }[sort ?? 'USERNAME'];
    qb.orderBy(col, sort === 'CREATED_AT' || sort === 'LAST_LOGIN_AT' ? 'DESC' : 'ASC').addOrderBy('u.id', 'ASC');
    const [rows, total] = await qb.skip(offset).take(limit).getManyAndCount();
    const items = await this.withRelations(rows);
    return { items, total, offset, limit };
  }

  /** Loads roles and warehouses for a page in two queries, not one per row. */
  private async withRelations(rows: User[]): Promise<User[]> {
    if (!rows.length) return rows;
    const full = await this.ds
      .getRepository(User)
      .find({ where: { id: In(rows.map((r) => r.id)) }, relations: { roles: true, warehouses: true } });
    const byId = new Map(full.map((u) => [u.id, u]));
    return rows.map((r) => byId.get(r.id)!);
  }

  /** A person (an API client's service user answers NOT_FOUND unless `serviceToo`: `me` of a client). */
  async get(id: number | string, serviceToo = false): Promise<User> {
    const user = await this.ds
      .getRepository(User)
      .findOne({ where: { id: Number(id) || -1 }, relations: { roles: true, warehouses: true } });
    if (!user || (isServiceUsername(user.username) && !serviceToo)) throw notFound('This user');
    return user;
  }

  private async roles(tx: EntityManager, ids: string[]): Promise<Role[]> {
    const wanted = [...new Set(ids.map(Number))];
    const roles = wanted.length ? await tx.find(Role, { where: { id: In(wanted) } }) : [];
    const missing = wanted.filter((id) => !roles.some((r) => r.id === id));
    if (missing.length)
      throw badInput(
        [{ field: 'roleIds', message: `Unknown role id(s): ${missing.join(', ')}.` }],
        'A role you chose does not exist.',
      );
    return roles;
  }

  private async warehouses(tx: EntityManager, ids: string[]): Promise<Warehouse[]> {
    const wanted = [...new Set(ids.map(Number))];
    const found = await warehousesByIds(tx, wanted);
    const missing = wanted.filter((id) => !found.some((w) => w.id === id));
    if (missing.length)
      throw badInput(
        [{ field: 'warehouseIds', message: `Unknown warehouse id(s): ${missing.join(', ')}.` }],
        'A warehouse you chose does not exist.',
      );
    return found;
  }

  async create(ctx: Context, input: CreateUserInput): Promise<User> {
    const username = input.username.trim().toLowerCase();
    checkPasswordPolicy(input.password, username);
    const passwordHash = await hashPassword(input.password);
    return inTransaction(this.ds, async (tx) => {
      if (await tx.findOne(User, { where: { username } })) {
        throw badInput([{ field: 'username', message: 'This username is taken.' }], 'This username is taken.');
      }
      const user = tx.create(User, {
        username,
        displayName: input.displayName.trim(),
        email: input.email?.trim() || null,
        phone: input.phone?.trim() || null,
        passwordHash,
        active: true,
        mustChangePassword: true,
        createdAt: now(),
        version: 1,
        roles: await this.roles(tx, input.roleIds),
        warehouses: await this.warehouses(tx, input.warehouseIds ?? []),
      });
      const saved = await tx.save(user);
      await this.audit.record(tx, ctx, {
        action: 'user.create',
        entityType: 'User',
        entityId: saved.id,
        after: snapshot(saved),
      });
      return saved;
    });
  }

  /** Optimistic edit: the version is checked in the UPDATE itself, so two editors cannot both win. */
  async update(ctx: Context, input: UpdateUserInput): Promise<User> {
    const id = Number(input.id);
    const updated = await inTransaction(this.ds, async (tx) => {
      const before = await tx.findOne(User, { where: { id }, relations: { roles: true, warehouses: true } });
      if (!before || isServiceUsername(before.username)) throw notFound('This user');
      const patch: Partial<User> = { version: input.version + 1 };
      if (input.displayName !== undefined && input.displayName !== null) patch.displayName = input.displayName.trim();
      if (input.email !== undefined) patch.email = input.email?.trim() || null;
      if (input.phone !== undefined) patch.phone = input.phone?.trim() || null;
      if (input.active !== undefined && input.active !== null) patch.active = input.active;
      const res = await tx
        .createQueryBuilder()
        .update(User)
        .set(patch)
        .where('id = :id AND version = :v', { id, v: input.version })
        .execute();
      if (!res.affected) throw conflict(before.version);
      const after = await tx.findOneOrFail(User, { where: { id }, relations: { roles: true, warehouses: true } });
      if (input.roleIds) after.roles = await this.roles(tx, input.roleIds);
      if (input.warehouseIds) after.warehouses = await this.warehouses(tx, input.warehouseIds);
      if (input.roleIds || input.warehouseIds) await tx.save(after);
      // a disabled user is out at once
      if (patch.active === false) await tx.delete(Session, { userId: id });
      await this.audit.record(tx, ctx, {
        action: 'user.update',
        entityType: 'User',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
    sessionsChanged(); // its open sockets close if it was disabled or its roles changed
    return updated;
  }

  async resetPassword(ctx: Context, id: string, version: number, password: string): Promise<User> {
    const user = await this.get(id);
    checkPasswordPolicy(password, user.username);
    const passwordHash = await hashPassword(password);
    const reset = await inTransaction(this.ds, async (tx) => {
      const res = await tx
        .createQueryBuilder()
        .update(User)
        .set({ passwordHash, mustChangePassword: true, version: version + 1 })
        .where('id = :id AND version = :v', { id: user.id, v: version })
        .execute();
      if (!res.affected) throw conflict(user.version);
      await tx.delete(Session, { userId: user.id });
      await this.audit.record(tx, ctx, { action: 'user.resetPassword', entityType: 'User', entityId: user.id });
      return tx.findOneOrFail(User, { where: { id: user.id }, relations: { roles: true, warehouses: true } });
    });
    sessionsChanged();
    return reset;
  }

  async all(): Promise<User[]> {
    return this.ds
      .getRepository(User)
      .find({ relations: { roles: true, warehouses: true }, order: { username: 'ASC' }, take: 50_000 });
  }

  async countByRole(): Promise<Array<{ key: string; count: number }>> {
    const rows = await this.ds
      .createQueryBuilder()
      .select('r.code', 'key')
      .addSelect('COUNT(ur.user_id)', 'count')
      .from(Role, 'r')
      .leftJoin('user_role', 'ur', 'ur.role_id = r.id')
      .groupBy('r.code')
      .orderBy('r.code')
      .getRawMany<{ key: string; count: unknown }>();
    return rows.map((r) => ({ key: r.key, count: Number(r.count) }));
  }

  async count(activeOnly = true): Promise<number> {
    return this.ds.getRepository(User).count({ where: activeOnly ? { active: true } : {} });
  }
}
