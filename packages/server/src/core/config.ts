import path from 'node:path';
import { loadLimits, type Limits } from './limits';

export type Mode = 'production' | 'demo';

export interface Config {
  databaseUrl: string;
  port: number;
  host: string;
  mode: Mode;
  introspection: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  adminPassword?: string;
  consoleDir?: string;
  /** the session cookie's Secure flag (always on when the server itself serves HTTPS) */
  secureCookies: boolean;
  /** PEM files: with both, the server serves HTTPS (HSTS, Secure cookies) */
  tlsCertFile?: string;
  tlsKeyFile?: string;
  /** with TLS: a plain-HTTP port that redirects to HTTPS (unset: none) */
  httpRedirectPort?: number;
  /** which proxies' X-Forwarded-For is believed for client addresses (express "trust proxy"; default loopback) */
  trustProxy: string;
  bodyLimit: string;
  corsOrigins: string[];
  /** request limits (JXC_LIMIT_*) */
  limits: Limits;
  /** how often live alerts are dispatched from the outbox, besides right after one is written (0: never; tests dispatch themselves) */
  alertsIntervalMs: number;
  /** API processes behind the one port (JXC_WORKERS, node's cluster; 1: this process serves) */
  workers: number;
  /** Redis for the messages between API processes (live updates, sessions changed); unset: in memory */
  redisUrl?: string;
  /** how often customer tiers are recomputed (once per period per installation) */
  tierRecomputeMs: number;
  /** how often the server looks whether the day's alert scan and digests are done (0: never; tests run them themselves) */
  dailyAlertsCheckMs: number;
  /** how often due webhook deliveries are sent, besides right after an event (0: never; tests dispatch themselves) */
  webhooksIntervalMs: number;
  /** how long a webhook receiver may take to answer */
  webhookTimeoutMs: number;
  /** how often queued stock changes are pushed to online stores, besides right after a posting (0: never; tests push themselves) */
  platformStockIntervalMs: number;
  /** how often the replenishment's forecast models are refreshed (JXC_FORECAST_REFRESH_MS, an hour; 0: never) */
  forecastRefreshMs: number;
  /** how often 3PL requests are sent and confirmations pulled (0: never; tests drive them) */
  tplIntervalMs: number;
  /** how long a call to an online platform may take (JXC_PLATFORM_TIMEOUT_MS) */
  platformTimeoutMs: number;
  /** a list export of more rows than this runs in the background (JXC_EXPORT_BACKGROUND_ROWS, 5000) */
  exportBackgroundRows: number;
  /** how long a background export's file is kept (JXC_EXPORT_KEEP_HOURS, 24) */
  exportKeepHours: number;
  /** how often queued background exports are looked for, besides right after one is queued (0: never; tests run them) */
  exportJobsIntervalMs: number;
  /**
   * Simulators to show people connecting a store or a 3PL (JXC_SIMULATORS, set by scripts/demo.sh):
   * `kind url key secret` entries separated by `;` (kind: simshop, pagemall or tpl). Unset: none.
   */
  simulators: SimulatorAddress[];
}

/** A simulator the demo started: where it listens and the credentials it accepts (demo values, not secrets). */
export interface SimulatorAddress {
  kind: string;
  baseUrl: string;
  key: string;
  secret: string;
}

/** `kind url key secret; …` → addresses (entries not of four words are skipped). */
export function parseSimulators(v: string | undefined): SimulatorAddress[] {
  return (v ?? '')
    .split(';')
    .map((e) => e.trim().split(/\s+/))
    .filter((w) => w.length === 4)
    .map(([kind, baseUrl, key, secret]) => ({ kind, baseUrl, key, secret }));
}

const bool = (v: string | undefined, dflt: boolean) =>
  v === undefined || v === '' ? dflt : ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());

export const repoRoot = path.resolve(__dirname, '../../../..');

/** Configuration from environment variables; every one has a default (see README). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const mode: Mode = env.JXC_MODE === 'demo' ? 'demo' : 'production';
  return {
    databaseUrl:
      env.JXC_DATABASE_URL || `sqlite:${path.join(repoRoot, 'data', mode === 'demo' ? 'demo.sqlite' : 'jxc.sqlite')}`,
    port: Number(env.PORT || env.JXC_PORT || 4000),
    host: env.JXC_HOST || '0.0.0.0',
    mode,
    introspection: bool(env.JXC_INTROSPECTION, false),
    sessionIdleMinutes: Number(env.JXC_SESSION_IDLE_MINUTES || 120),
    sessionAbsoluteHours: Number(env.JXC_SESSION_ABSOLUTE_HOURS || 12),
    adminPassword: env.JXC_ADMIN_PASSWORD || undefined,
    consoleDir: env.JXC_CONSOLE_DIR || path.join(repoRoot, 'packages', 'console', 'dist'),
    secureCookies: bool(env.JXC_SECURE_COOKIES, false) || !!(env.JXC_TLS_CERT && env.JXC_TLS_KEY),
    tlsCertFile: env.JXC_TLS_CERT || undefined,
    tlsKeyFile: env.JXC_TLS_KEY || undefined,
    httpRedirectPort: env.JXC_HTTP_REDIRECT_PORT ? Number(env.JXC_HTTP_REDIRECT_PORT) : undefined,
    trustProxy: env.JXC_TRUST_PROXY || 'loopback',
    alertsIntervalMs: Number(env.JXC_ALERTS_INTERVAL_MS ?? 2000),
    workers: Math.max(1, Math.floor(Number(env.JXC_WORKERS || 1)) || 1),
    redisUrl: env.JXC_REDIS_URL || undefined,
    tierRecomputeMs: Number(env.JXC_TIER_RECOMPUTE_MS || 24 * 3600_000),
    dailyAlertsCheckMs: Number(env.JXC_DAILY_ALERTS_CHECK_MS ?? 900_000),
    webhooksIntervalMs: Number(env.JXC_WEBHOOKS_INTERVAL_MS ?? 5000),
    webhookTimeoutMs: Number(env.JXC_WEBHOOK_TIMEOUT_MS ?? 10_000),
    platformStockIntervalMs: Number(env.JXC_PLATFORM_STOCK_INTERVAL_MS ?? 60_000),
    forecastRefreshMs: Number(env.JXC_FORECAST_REFRESH_MS ?? 3_600_000),
    tplIntervalMs: Number(env.JXC_TPL_INTERVAL_MS ?? 60_000),
    platformTimeoutMs: Number(env.JXC_PLATFORM_TIMEOUT_MS ?? 10_000),
    exportBackgroundRows: Number(env.JXC_EXPORT_BACKGROUND_ROWS || 5000),
    exportKeepHours: Number(env.JXC_EXPORT_KEEP_HOURS || 24),
    exportJobsIntervalMs: Number(env.JXC_EXPORT_JOBS_INTERVAL_MS ?? 5000),
    simulators: parseSimulators(env.JXC_SIMULATORS),
    bodyLimit: env.JXC_BODY_LIMIT || '8mb', // a 10,000-row product import is a few MB of base64
    corsOrigins: (env.JXC_CORS_ORIGINS || '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    limits: loadLimits(env),
  };
}
