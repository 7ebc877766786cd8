import 'reflect-metadata';
import cluster from 'node:cluster';
import { createApp } from './app';
import { loadConfig, type Config } from './core/config';
import { dbKind } from './core/db';
import { openAppDatabase } from './database';
import { DEMO_PASSWORD, DEMO_USERS, ensureAdmin, seedBase, seedDemoAll } from './seed';

/** Migrations, roles, the first user or the demo data: once, before any process serves. */
async function prepare(config: Config) {
  const ds = await openAppDatabase(config.databaseUrl);
  await seedBase(ds);
  if (config.mode === 'demo') {
    const seeded = await seedDemoAll(ds, config);
    if (seeded) console.log(`[jxc] demo data: ${seeded}`);
    console.log(
      `[jxc] demo users (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}, sales2 (sales: a second salesperson, to see the customer scope)`,
    );
  } else {
    const admin = await ensureAdmin(ds, config.adminPassword);
    if (admin.created && admin.password) {
      console.log(`[jxc] created user "admin" with password: ${admin.password}`);
      console.log('[jxc] this password is shown once; you will be asked to change it at first sign-in');
    } else if (admin.created) console.log('[jxc] created user "admin" with the password from JXC_ADMIN_PASSWORD');
  }
  return ds;
}

/** One API process: the app, and the jobs it takes its turn at (each runs once per period across the cluster). */
async function serve(config: Config, prepared?: Awaited<ReturnType<typeof prepare>>) {
  const ds = prepared ?? (await openAppDatabase(config.databaseUrl, { migrate: false }));
  const app = await createApp(ds, config);
  // customer tiers follow the RFM rules: recomputed once a day (and on demand from the console)
  app.scheduler.every('customers.tiers', config.tierRecomputeMs, () => app.services.customers.recomputeTiers(null));
  // birthday coupons: hourly, once per customer and year (a run that finds nothing new changes nothing)
  app.scheduler.every('promotions.birthdays', 3_600_000, () => app.services.birthdays.run());
  const who = cluster.isWorker ? `worker ${cluster.worker!.id} (pid ${process.pid})` : `pid ${process.pid}`;
  console.log(`[jxc] ${config.mode} mode, database ${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}, ${who}`);
  const scheme = config.tlsCertFile && config.tlsKeyFile ? 'https' : 'http';
  console.log(`[jxc] console and API at ${scheme}://localhost:${config.port} (GraphQL at /graphql)`);
  if (config.mode === 'production' && scheme === 'http')
    console.warn(
      '[jxc] warning: no TLS certificate (JXC_TLS_CERT, JXC_TLS_KEY): passwords and sessions travel in clear unless an HTTPS reverse proxy stands in front (set JXC_TRUST_PROXY and JXC_SECURE_COOKIES there)',
    );
  const stop = async () => {
    await app.close();
    await ds.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** JXC_WORKERS > 1: this process prepares the database, then forks the API processes that share the port. */
async function primary(config: Config) {
  if (dbKind(config.databaseUrl) === 'sqlite')
    throw new Error('JXC_WORKERS > 1 needs MySQL/MariaDB (JXC_DATABASE_URL): SQLite is one process');
  if (!config.redisUrl)
    throw new Error('JXC_WORKERS > 1 needs JXC_REDIS_URL, so that live updates reach every process');
  const ds = await prepare(config);
  await ds.destroy();
  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    console.error(`[jxc] worker ${w.id} (pid ${w.process.pid}) ended (${signal ?? code}); starting another`);
    setTimeout(fork, 1000).unref();
  });
  for (let i = 0; i < config.workers; i++) fork();
  console.log(`[jxc] ${config.workers} API processes on port ${config.port}`);
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    const check = setInterval(() => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
    }, 100);
    setTimeout(() => process.exit(0), 10_000).unref();
    check.unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main() {
  const config = loadConfig();
  if (cluster.isWorker) return serve(config);
  if (config.workers > 1) return primary(config);
  return serve(config, await prepare(config));
}

main().catch((e) => {
  console.error('[jxc] failed to start:', e?.message ?? e);
  process.exit(1);
});
