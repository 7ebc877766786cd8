import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { printSchema, lexicographicSortSchema } from 'graphql';
import { loadConfig } from './core/config';
import { dbKind } from './core/db';
import { MYSQL_CHARSET, MYSQL_COLLATION } from './core/db-check';
import { openAppDatabase } from './database';
import { createSchema } from './schema';
import { createServices } from './services';
import { CompanySettings } from './modules/system/settings.entity';
import { ALL_PERMISSIONS } from './core/permissions/catalogue';
import { ensureAdmin, seedBase, seedDemoAll } from './seed';
import { recomputeCogs } from './recompute-cogs';
import { rebuildDemandTables } from './modules/purchasing';
import { checkSnapshots, writeSnapshotsThrough } from './modules/stock/snapshots';
import { addDays, today } from './core/dates';
import { inTransaction } from './core/db';

const SCHEMA_FILE = path.resolve(__dirname, '..', 'schema.graphql');
const PERMISSIONS_FILE = path.resolve(__dirname, '..', 'permissions.json');

/** Prints the SDL the console's codegen reads; `--check` fails when the committed file is stale. */
export async function schemaText(): Promise<string> {
  return printSchema(lexicographicSortSchema(await createSchema())) + '\n';
}

/** The permission catalogue's codes, sorted: the console generates its `Permission` type from this file. */
export function permissionsText(): string {
  return JSON.stringify([...ALL_PERMISSIONS].sort(), null, 2) + '\n';
}

async function generateMigration(name: string) {
  const config = loadConfig();
  if (dbKind(config.databaseUrl) !== 'mysql')
    throw new Error('Set JXC_DATABASE_URL to an empty or up-to-date MySQL/MariaDB database.');
  const ds = await openAppDatabase(config.databaseUrl);
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (!sql.upQueries.length) {
    console.log('Nothing to generate: the database matches the entities.');
    return;
  }
  const ts = Date.now();
  const cls = `${name.replace(/[^A-Za-z0-9]/g, '')}${ts}`;
  const q = (s: string) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  // new tables name their charset and collation: they must not depend on the database's default
  const explicit = (sql: string) =>
    sql.replace(/ENGINE=InnoDB$/, `ENGINE=InnoDB DEFAULT CHARSET=${MYSQL_CHARSET} COLLATE=${MYSQL_COLLATION}`);
  const up = sql.upQueries.map((x) => `    await q.query(${q(explicit(x.query))});`).join('\n');
  const down = [...sql.downQueries]
    .reverse()
    .map((x) => `    await q.query(${q(x.query)});`)
    .join('\n');
  const file = path.resolve(__dirname, 'migrations', `${ts}-${name}.ts`);
  fs.writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${cls} implements MigrationInterface {\n  name = '${cls}';\n\n  async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  const index = path.resolve(__dirname, 'migrations', 'index.ts');
  let text = fs.readFileSync(index, 'utf8');
  text =
    `import { ${cls} } from './${ts}-${name}';\n` +
    text.replace(
      /\[([^\]]*)\];/,
      (_m, inner) => `[${inner.trim() ? inner.trim().replace(/,$/, '') + ', ' : ''}${cls}];`,
    );
  fs.writeFileSync(index, text);
  console.log(`Wrote ${path.relative(process.cwd(), file)}; review it, then commit it.`);
}

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  const config = loadConfig();
  switch (cmd) {
    case 'migrate': {
      const ds = await openAppDatabase(config.databaseUrl);
      await seedBase(ds);
      console.log(`Database is up to date (${dbKind(config.databaseUrl)}).`);
      await ds.destroy();
      break;
    }
    case 'generate-migration':
      await generateMigration(args[0] ?? 'Change');
      break;
    case 'emit-schema': {
      // the schema and the permission codes: what the console's codegen reads
      const files: [string, string][] = [
        [SCHEMA_FILE, await schemaText()],
        [PERMISSIONS_FILE, permissionsText()],
      ];
      if (args.includes('--check')) {
        const stale = files.filter(([f, text]) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '') !== text);
        if (stale.length) {
          const names = stale.map(([f]) => path.basename(f)).join(' and ');
          console.error(
            `${names} ${stale.length > 1 ? 'are' : 'is'} stale: run \`pnpm --filter @jxc/server emit-schema\` and commit, then the console's codegen.`,
          );
          process.exit(1);
        }
        console.log('schema.graphql and permissions.json are up to date.');
      } else {
        for (const [f, text] of files) {
          fs.writeFileSync(f, text);
          console.log(`Wrote ${f}`);
        }
      }
      break;
    }
    case 'seed-demo': {
      const ds = await openAppDatabase(config.databaseUrl);
      await seedBase(ds);
      const seeded = await seedDemoAll(ds, config);
      console.log(seeded ? `Demo data created: ${seeded}.` : 'The database already has users; nothing seeded.');
      await ds.destroy();
      break;
    }
    case 'rebuild-demand': {
      // the replenishment's demand history from the ledger (after a restore, or for data from before it was kept)
      const ds = await openAppDatabase(config.databaseUrl);
      const r = await rebuildDemandTables(ds);
      await ds.destroy();
      console.log(`Demand history rebuilt from the ledger: ${r.days} day rows, ${r.spans} warehouse × SKU spans.`);
      break;
    }
    case 'rebuild-snapshots': {
      // every complete month's snapshot from scratch (through the day given, or the end of last month)
      const ds = await openAppDatabase(config.databaseUrl);
      const i = args.indexOf('--through');
      const through = i >= 0 ? args[i + 1] : addDays(`${today().slice(0, 7)}-01`, -1);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(through ?? '')) throw new Error('--through takes a day like 2026-10-31.');
      const started = Date.now();
      const months = await inTransaction(ds, (tx) => writeSnapshotsThrough(tx, through, { rebuild: true }));
      const problems = await checkSnapshots(ds);
      const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM stock_snapshot');
      await ds.destroy();
      console.log(
        `Snapshots rebuilt through ${through}: ${months.length} month(s)${months.length ? ` (${months[0]} … ${months[months.length - 1]})` : ''}, ${n} rows (${Date.now() - started} ms).`,
      );
      if (problems.length) {
        console.error(`Snapshot check FAILED: ${problems.length} problem(s):`);
        for (const p of problems.slice(0, 200)) console.error('  ' + p);
        process.exit(1);
      }
      break;
    }
    case 'check-snapshots': {
      const ds = await openAppDatabase(config.databaseUrl);
      const problems = await checkSnapshots(ds);
      await ds.destroy();
      if (problems.length) {
        console.error(`Snapshot check FAILED: ${problems.length} problem(s):`);
        for (const p of problems.slice(0, 200)) console.error('  ' + p);
        process.exit(1);
      }
      console.log('Snapshot check passed: every monthly snapshot equals the ledger summed to its month end.');
      break;
    }
    case 'check-ledger': {
      // Σ ledger = balances and cost heads, every row on a posted document line, a replay from scratch equal to the ledger
      const ds = await openAppDatabase(config.databaseUrl);
      const settings = await ds.getRepository(CompanySettings).findOneBy({ id: 1 });
      const started = Date.now();
      const problems = await createServices(ds, config).posting.check(
        (settings?.costingMethod ?? 'moving_average') as 'moving_average' | 'fifo',
      );
      const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM stock_ledger');
      await ds.destroy();
      if (problems.length) {
        console.error(`Ledger check FAILED: ${problems.length} problem(s) in ${n} ledger rows:`);
        for (const p of problems.slice(0, 200)) console.error('  ' + p);
        process.exit(1);
      }
      console.log(
        `Ledger check passed: ${n} ledger rows, balances, cost heads and a replay from scratch agree (${Date.now() - started} ms).`,
      );
      break;
    }
    case 'verify-draw': {
      // a revealed lucky draw: the seed against its published hash, every result derived again (docs/LUCKY-DRAWS.md)
      const ds = await openAppDatabase(config.databaseUrl);
      const v = await createServices(ds, config)
        .draws.verify(args[0] ?? '')
        .finally(() => ds.destroy());
      for (const m of v.mismatches)
        console.error(`  entry ${m.entryId}: from the seed ${m.expected}, recorded ${m.stored}`);
      if (!v.ok) {
        console.error(
          `Draw check FAILED: ${v.hashMatches ? 'the seed matches its hash' : 'the seed does NOT match its hash'}, ${v.matching} of ${v.entries} results match.`,
        );
        process.exit(1);
      }
      console.log(`Draw check passed: the seed matches its hash and all ${v.entries} results match.`);
      break;
    }
    case 'recompute-cogs': {
      // once, for a database from before COGS and margins followed re-costing; idempotent
      const ds = await openAppDatabase(config.databaseUrl);
      const dryRun = args.includes('--dry-run');
      const r = await recomputeCogs(ds, { dryRun });
      await ds.destroy();
      const said = `${r.stockDocumentLines} stock document line(s), ${r.shipmentLines} shipment line(s), ${r.returnLines} return line(s), ${r.orderLines} order line(s), ${r.orders} order(s)`;
      console.log(dryRun ? `Would set to the ledger's figures: ${said}.` : `Set to the ledger's figures: ${said}.`);
      break;
    }
    case 'create-admin': {
      const ds = await openAppDatabase(config.databaseUrl);
      await seedBase(ds);
      const r = await ensureAdmin(ds, config.adminPassword);
      console.log(
        r.created
          ? `Created admin${r.password ? ` with password ${r.password}` : ''}.`
          : 'Users exist already; nothing done.',
      );
      await ds.destroy();
      break;
    }
    default:
      console.log(
        'usage: jxc <migrate | generate-migration NAME | emit-schema [--check] | seed-demo | check-ledger | rebuild-demand | rebuild-snapshots [--through DAY] | check-snapshots | verify-draw ID | recompute-cogs [--dry-run] | create-admin>',
      );
      process.exit(cmd ? 1 : 0);
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e?.message ?? e);
    process.exit(1);
  });
}
