import 'reflect-metadata';
import { createApp } from './app';
import { loadConfig } from './core/config';
import { openAppDatabase } from './database';
import { DEMO_PASSWORD, DEMO_USERS, ensureAdmin, seedBase, seedDemoAll } from './seed';

async function main() {
  const config = loadConfig();
  const ds = await openAppDatabase(config.databaseUrl);
  await seedBase(ds);
  if (config.mode === 'demo') {
    const seeded = await seedDemoAll(ds, config);
    if (seeded) console.log(`[jxc] demo data: ${seeded}`);
    console.log(
      `[jxc] demo users (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.username} (${u.role})`).join(', ')}`,
    );
  } else {
    const admin = await ensureAdmin(ds, config.adminPassword);
    if (admin.created && admin.password) {
      console.log(`[jxc] created user "admin" with password: ${admin.password}`);
      console.log('[jxc] this password is shown once; you will be asked to change it at first sign-in');
    } else if (admin.created) console.log('[jxc] created user "admin" with the password from JXC_ADMIN_PASSWORD');
  }
  const app = await createApp(ds, config);
  // customer tiers follow the RFM rules: recomputed once a day (and on demand from the console)
  const recompute = () =>
    app.services.customers
      .recomputeTiers(null)
      .catch((e) => console.error('[jxc] tier recompute failed:', e?.message ?? e));
  const daily = setInterval(recompute, 24 * 3600_000);
  daily.unref();
  console.log(`[jxc] ${config.mode} mode, database ${config.databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`);
  console.log(`[jxc] console and API at http://localhost:${config.port} (GraphQL at /graphql)`);
  const stop = async () => {
    clearInterval(daily);
    await app.close();
    await ds.destroy();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error('[jxc] failed to start:', e?.message ?? e);
  process.exit(1);
});
