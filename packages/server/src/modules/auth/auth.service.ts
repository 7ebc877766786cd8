import crypto from 'node:crypto';
import { LessThan, MoreThan, MoreThanOrEqual, type DataSource } from 'typeorm';
import type { Config } from '../../core/config';
import type { AuthUser, Context } from '../../core/context';
import { inTransaction } from '../../core/db';
import { DomainError, ErrorCode } from '../../core/errors';
import type { AuditService } from '../audit';
import { LoginAttempt } from './login-attempt.entity';
import { checkPasswordPolicy, dummyHash, hashPassword, verifyPassword } from './password';
import { Session } from './session.entity';
import { sessionsChanged } from '../../core/session-events';
import { User } from './user.entity';
import { countByDay, now, startOfDaysBack } from '../../core/dates';

export const SESSION_COOKIE = 'jxc_session';
/** Failed sign-ins within the window that lock one username for one client address (not for everyone). */
export const LOCK_AFTER_FAILURES = 10;
/** Failed sign-ins within the window, any username, that stop one client address. */
export const ADDRESS_LIMIT = 100;
export const LOCK_WINDOW_MS = 15 * 60 * 1000;

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Config,
    private readonly audit: AuditService,
  ) {}

  /**
   * Failures since the pair's last success within the window, newest first: `take` of them. The
   * caller's own reservation is among them, so concurrent attempts each see all the others.
   */
  private async failures(username: string | null, ip: string, at: Date, take: number): Promise<LoginAttempt[]> {
    const repo = this.ds.getRepository(LoginAttempt);
    const since = new Date(at.getTime() - LOCK_WINDOW_MS);
    const qb = repo
      .createQueryBuilder('a')
      .where('a.ip = :ip AND a.success = :f AND a.at > :since', { ip, f: false, since })
      .orderBy('a.id', 'DESC')
      .take(take);
    if (username !== null) {
      qb.andWhere('a.username = :username', { username });
      const last = await repo
        .createQueryBuilder('s')
        .select('MAX(s.id)', 'id')
        .where('s.username = :username AND s.ip = :ip AND s.success = :t', { username, ip, t: true })
        .getRawOne<{ id: number | null }>();
      if (last?.id) qb.andWhere('a.id > :lastOk', { lastOk: last.id });
    }
    return qb.getMany();
  }

  /**
   * Throttling that nobody can turn against someone else, atomic under concurrency: an attempt first
   * records itself as a failure, then counts. Each of 30 parallel attempts sees every attempt recorded
   * before its count, so at most the limit of them go on to check a password; the others are refused
   * and take their record back. A success turns its record into a success.
   */
  private async reserveAttempt(username: string, ip: string, at: Date): Promise<number> {
    const res = await this.ds.getRepository(LoginAttempt).insert({ username, ip, success: false, at });
    const id = Number(res.identifiers[0]?.id);
    const refuse = async (code: string, message: string, oldest: LoginAttempt) => {
      await this.ds.getRepository(LoginAttempt).delete({ id });
      const wait = Math.max(1, Math.ceil((oldest.at.getTime() + LOCK_WINDOW_MS - at.getTime()) / 1000));
      const minutes = Math.ceil(wait / 60);
      return new DomainError(code, message.replace('{m}', String(minutes)), { retryAfterSeconds: wait });
    };
    const byAddress = await this.failures(null, ip, at, ADDRESS_LIMIT + 1);
    if (byAddress.length > ADDRESS_LIMIT) {
      throw await refuse(
        ErrorCode.TOO_MANY_ATTEMPTS,
        'Too many failed sign-ins from this address. Try again in {m} minute(s).',
        byAddress[ADDRESS_LIMIT - 1],
      );
    }
    const pair = await this.failures(username, ip, at, LOCK_AFTER_FAILURES + 1);
    if (pair.length > LOCK_AFTER_FAILURES) {
      throw await refuse(
        ErrorCode.ACCOUNT_LOCKED,
        'Too many failed sign-ins. Try again in {m} minute(s).',
        pair[LOCK_AFTER_FAILURES - 1],
      );
    }
    return id;
  }

  async login(ctx: Context, usernameRaw: string, password: string): Promise<LoginResult> {
    const username = usernameRaw.trim().toLowerCase().slice(0, 100);
    const at = now();
    const attemptId = await this.reserveAttempt(username, ctx.ip.slice(0, 64), at);
    const user = await this.ds.getRepository(User).findOne({ where: { username } });
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : (await verifyPassword(await dummyHash(), password), false);
    if (!ok || !user) {
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The username or password is wrong.');
    }
    if (!user.active) {
      throw new DomainError(ErrorCode.ACCOUNT_DISABLED, 'This account has been disabled. Ask your administrator.');
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = new Date(at.getTime() + this.config.sessionAbsoluteHours * 3600_000);
    await inTransaction(this.ds, async (tx) => {
      await tx.update(LoginAttempt, { id: attemptId }, { success: true });
      await tx.insert(Session, {
        id: sha256(token),
        userId: user.id,
        createdAt: at,
        lastSeenAt: at,
        expiresAt,
        ip: ctx.ip,
        userAgent: ctx.userAgent.slice(0, 255),
      });
      await tx.update(User, { id: user.id }, { lastLoginAt: at });
      await this.audit.record(
        tx,
        {
          ...ctx,
          user: {
            id: user.id,
            username: user.username,
            roles: [],
            displayName: '',
            permissions: new Set(),
            warehouseIds: null,
            sessionId: '',
          },
        },
        {
          action: 'auth.login',
          entityType: 'User',
          entityId: user.id,
        },
      );
    });
    ctx.auditWritten = true;
    ctx.res?.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.secureCookies,
      path: '/',
      expires: expiresAt,
    });
    return { token, expiresAt, user };
  }

  async logout(ctx: Context): Promise<boolean> {
    if (ctx.user) {
      await inTransaction(this.ds, async (tx) => {
        await tx.delete(Session, { id: ctx.user!.sessionId });
        await this.audit.record(tx, ctx, { action: 'auth.logout', entityType: 'User', entityId: ctx.user!.id });
      });
      sessionsChanged();
    }
    ctx.res?.clearCookie(SESSION_COOKIE, { path: '/' });
    return true;
  }

  /** The user behind a cookie or bearer token, or null; marks an expired session so the error can say so. */
  async resolve(token: string | undefined): Promise<{ user: AuthUser | null; expired: boolean }> {
    if (!token) return { user: null, expired: false };
    const id = sha256(token);
    // every request passes here: one plain query (the session, its user, roles and warehouse
    // scope), no entity hydration, no ORDER BY (sorting the union took the database a temporary
    // table, about 0.2 ms a request: the few rows are put in order here)
    const rows: Array<{
      k: string;
      a: string;
      b: string | null;
      o: number;
      seen: unknown;
      expires: unknown;
      active: unknown;
      must: unknown;
    }> = await this.ds.query(
      `SELECT 's' AS k, u.username AS a, u.display_name AS b, s.user_id AS o, s.last_seen_at AS seen, s.expires_at AS expires, u.active AS active, u.must_change_password AS must FROM session s JOIN app_user u ON u.id = s.user_id WHERE s.id = ?
       UNION ALL SELECT 'r' AS k, r.code AS a, r.permissions AS b, r.id AS o, NULL, NULL, NULL, NULL FROM session s JOIN user_role ur ON ur.user_id = s.user_id JOIN role r ON r.id = ur.role_id WHERE s.id = ?
       UNION ALL SELECT 'w' AS k, CAST(uw.warehouse_id AS CHAR) AS a, NULL AS b, uw.warehouse_id AS o, NULL, NULL, NULL, NULL FROM session s JOIN user_warehouse uw ON uw.user_id = s.user_id WHERE s.id = ?`,
      [id, id, id],
    );
    const s = rows.find((r) => r.k === 's');
    if (!s) return { user: null, expired: false };
    const row = {
      user_id: s.o,
      username: s.a,
      display_name: s.b ?? '',
      last_seen_at: s.seen,
      expires_at: s.expires,
      active: s.active as unknown,
      must_change_password: s.must,
    };
    const at = now();
    const lastSeen = new Date(
      row.last_seen_at instanceof Date ? row.last_seen_at : `${String(row.last_seen_at).replace(' ', 'T')}Z`,
    );
    const expires = new Date(
      row.expires_at instanceof Date ? row.expires_at : `${String(row.expires_at).replace(' ', 'T')}Z`,
    );
    const idleLimit = new Date(lastSeen.getTime() + this.config.sessionIdleMinutes * 60_000);
    if (expires <= at || idleLimit <= at || !row.active || row.active === '0') {
      await this.ds.getRepository(Session).delete({ id });
      return { user: null, expired: true };
    }
    const userId = Number(row.user_id);
    const grants = rows.sort((x, y) => Number(x.o) - Number(y.o));
    const roles = grants.filter((g) => g.k === 'r').map((g) => ({ code: g.a, permissions: g.b ?? '[]' }));
    const whs = grants.filter((g) => g.k === 'w').map((g) => ({ warehouse_id: Number(g.a) }));
    // a write per minute, not per request
    if (at.getTime() - lastSeen.getTime() > 60_000)
      await this.ds.getRepository(Session).update({ id }, { lastSeenAt: at });
    const permissions = new Set<string>();
    for (const r of roles) for (const p of JSON.parse(r.permissions) as string[]) permissions.add(p);
    return {
      user: {
        id: userId,
        username: row.username,
        displayName: row.display_name,
        roles: roles.map((r) => r.code),
        permissions,
        warehouseIds: whs.length ? whs.map((w) => Number(w.warehouse_id)) : null,
        sessionId: id,
        mustChangePassword: !!row.must_change_password && row.must_change_password !== '0',
      },
      expired: false,
    };
  }

  async changePassword(ctx: Context, current: string, next: string): Promise<boolean> {
    const user = await this.ds.getRepository(User).findOneByOrFail({ id: ctx.user!.id });
    if (!(await verifyPassword(user.passwordHash, current))) {
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'The current password is wrong.');
    }
    checkPasswordPolicy(next, user.username);
    const passwordHash = await hashPassword(next);
    await inTransaction(this.ds, async (tx) => {
      await tx.update(User, { id: user.id }, { passwordHash, mustChangePassword: false, version: user.version + 1 });
      // other devices must sign in again with the new password
      await tx
        .createQueryBuilder()
        .delete()
        .from(Session)
        .where('user_id = :uid AND id <> :sid', { uid: user.id, sid: ctx.user!.sessionId })
        .execute();
      await this.audit.record(tx, ctx, { action: 'auth.changePassword', entityType: 'User', entityId: user.id });
    });
    return true;
  }

  async activeSessionCount(): Promise<number> {
    return this.ds.getRepository(Session).count({ where: { expiresAt: MoreThan(now()) } });
  }

  /** Sign-ins (successful or failed) per business day over the last `days` days, oldest first. */
  async loginsByDay(days: number, success: boolean): Promise<Array<{ day: string; count: number }>> {
    const since = startOfDaysBack(now(), days - 1);
    const rows = await this.ds
      .getRepository(LoginAttempt)
      .find({ select: { at: true }, where: { at: MoreThanOrEqual(since), success } });
    return countByDay(
      rows.map((r) => r.at),
      days,
    );
  }

  async purgeExpired(): Promise<void> {
    await this.ds.getRepository(Session).delete({ expiresAt: LessThan(now()) });
  }
}

export function toAuthUser(user: User, sessionId: string): AuthUser {
  const permissions = new Set<string>();
  for (const r of user.roles ?? []) for (const p of r.permissions) permissions.add(p);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: (user.roles ?? []).map((r) => r.code),
    permissions,
    warehouseIds: user.warehouses?.length ? user.warehouses.map((w) => w.id) : null,
    sessionId,
  };
}
