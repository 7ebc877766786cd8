import { In, type EntityManager } from 'typeorm';
import { labels } from '../../core/labels';
import { Role } from './role.entity';
import { isServiceUsername } from './service-users';
import { User } from './user.entity';

/* What other modules read of users and roles (the auth module owns their tables). */

/** One user, or null. */
export function findUser(em: EntityManager, id: number): Promise<User | null> {
  return em.findOne(User, { where: { id: id || -1 } });
}

/** Display names of these users, by id. */
export async function userNames(em: EntityManager, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  return new Map((await em.find(User, { where: { id: In(ids) } })).map((u) => [u.id, u.displayName]));
}

/** The codes among these that name no role. */
export async function unknownRoleCodes(em: EntityManager, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const known = new Set(
    (await em.find(Role, { where: { code: In(codes) }, select: { code: true } })).map((r) => r.code),
  );
  return codes.filter((c) => !known.has(c));
}

/** A user's username (code) and display name for field resolvers (one query per request for a whole list). */
export const userLabel = labels('user', 'app_user', { code: 'username', name: 'display_name' });

/** Active users with what they may do and where (empty warehouseIds: every warehouse), e.g. to address alerts. */
export async function activeUserGrants(
  em: EntityManager,
): Promise<Array<{ id: number; permissions: Set<string>; roleCodes: string[]; warehouseIds: number[] }>> {
  const users = (await em.find(User, { where: { active: true }, relations: { roles: true, warehouses: true } })).filter(
    (u) => !isServiceUsername(u.username),
  );
  return users.map((u) => ({
    id: u.id,
    permissions: new Set(u.roles.flatMap((r) => r.permissions)),
    roleCodes: u.roles.map((r) => r.code),
    warehouseIds: u.warehouses.map((w) => w.id),
  }));
}
