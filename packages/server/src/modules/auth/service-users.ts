import { In, type EntityManager } from 'typeorm';
import { now } from '../../core/dates';
import type { Warehouse } from '../stock';
import { Role } from './role.entity';
import { User } from './user.entity';

/*
 * Service users: the identity an API client acts as (integration module). Its username is
 * `api:<client id>`, which no person's username can be (letters, digits, _ . - only); it has no
 * password (nothing verifies against "!"), is not listed among the people, and its role and
 * warehouse scope are the client's. Documents it creates, audit rows and scopes work as for a person.
 */

export const SERVICE_USER_PREFIX = 'api:';
export const isServiceUsername = (username: string) => username.startsWith(SERVICE_USER_PREFIX);

/** The role with this id, or null (an API client's role is picked like a person's). */
export async function findRole(em: EntityManager, id: number): Promise<{ id: number; code: string } | null> {
  const r = await em.findOne(Role, { where: { id: id || -1 } });
  return r ? { id: r.id, code: r.code } : null;
}

/** Creates the service user of an API client in the caller's transaction; returns its id. */
export async function createServiceUser(
  tx: EntityManager,
  a: { key: string; displayName: string; roleId: number; warehouseIds: number[] },
): Promise<number> {
  const user = tx.create(User, {
    username: `${SERVICE_USER_PREFIX}${a.key}`.slice(0, 50),
    displayName: a.displayName.slice(0, 100),
    email: null,
    phone: null,
    passwordHash: '!',
    active: true,
    mustChangePassword: false,
    roles: [{ id: a.roleId } as Role],
    warehouses: a.warehouseIds.map((id) => ({ id }) as Warehouse),
    lastLoginAt: null,
    createdAt: now(),
    version: 1,
  });
  return (await tx.save(user)).id;
}

/** Disables a service user (a revoked client): it is refused at once, like a disabled person. */
export async function disableServiceUser(tx: EntityManager, userId: number): Promise<void> {
  await tx
    .createQueryBuilder()
    .update(User)
    .set({ active: false })
    .where('id = :id AND username LIKE :p', { id: userId, p: `${SERVICE_USER_PREFIX}%` })
    .execute();
}

export interface UserGrants {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  roles: string[];
  roleIds: number[];
  permissions: Set<string>;
  /** null: every warehouse */
  warehouseIds: number[] | null;
}

/** What a user may do and where, read fresh (a changed role takes effect on the next request). */
export async function userGrants(em: EntityManager, userIds: number[]): Promise<Map<number, UserGrants>> {
  if (!userIds.length) return new Map();
  const users = await em.find(User, {
    where: { id: In(userIds) },
    relations: { roles: true, warehouses: true },
  });
  return new Map(
    users.map((u) => [
      u.id,
      {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        active: u.active,
        roles: u.roles.map((r) => r.code).sort(),
        roleIds: u.roles.map((r) => r.id),
        permissions: new Set(u.roles.flatMap((r) => r.permissions)),
        warehouseIds: u.warehouses.length ? u.warehouses.map((w) => w.id).sort((a, b) => a - b) : null,
      },
    ]),
  );
}
