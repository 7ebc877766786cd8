import type { DataSource } from 'typeorm';
import type { Context } from '../core/context';
import { toAuthUser } from '../modules/auth/auth.service';
import { User } from '../modules/auth/user.entity';
import type { Services } from '../services';

/** A context for calling services directly as a given user, without HTTP. */
export async function contextAs(ds: DataSource, services: Services, username: string): Promise<Context> {
  const user = await ds
    .getRepository(User)
    .findOneOrFail({ where: { username }, relations: { roles: true, warehouses: true } });
  return {
    user: toAuthUser(user, 'test'),
    ip: '127.0.0.1',
    userAgent: 'test',
    requestId: 'test',
    services,
    hidden: new Set(),
    auditWritten: false,
    afterSuccess: [],
  };
}
