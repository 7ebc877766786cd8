import type { DataSource } from 'typeorm';
import type { Context } from '../core/context';
import { toAuthUser } from '../modules/auth/auth.service';
import { User } from '../modules/auth/user.entity';
import type { Services } from '../services';

/** The password of every demo user. */
export const DEMO_PASSWORD = 'demo1234';

/** A context for seeding demo data as a given demo user, through the services. */
export async function contextFor(ds: DataSource, services: Services, username: string): Promise<Context> {
  const user = await ds
    .getRepository(User)
    .findOneOrFail({ where: { username }, relations: { roles: true, warehouses: true } });
  return {
    user: toAuthUser(user, 'seed'),
    ip: '127.0.0.1',
    userAgent: 'demo seed',
    requestId: `demo-seed-${username}`,
    services,
    hidden: new Set(),
    auditWritten: false,
    afterSuccess: [],
  };
}
