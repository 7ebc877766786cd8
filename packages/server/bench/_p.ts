import 'reflect-metadata';
import { loadConfig } from '../src/core/config';
import { openAppDatabase } from '../src/database';
import { createServices } from '../src/services';
import { today } from '../src/core/dates';
async function main() {
  const url = 'mariadb://root@127.0.0.1:3306/jxc_bench_replenishment';
  const ds = await openAppDatabase(url);
  const rs: any = createServices(ds, { ...loadConfig({}), databaseUrl: url }).replenishment;
  const W = 1;
  const t = async (what: string, f: () => Promise<any>) => {
    const a = performance.now();
    const c0 = process.cpuUsage();
    const r = await f();
    const c = process.cpuUsage(c0);
    console.log(
      what.padEnd(20),
      (performance.now() - a).toFixed(0),
      'ms, cpu',
      ((c.user + c.system) / 1000).toFixed(0),
    );
    return r;
  };
  const { skus } = await t('candidates', () => rs.candidates(W, {}));
  const ids = skus.map((s: any) => s.id);
  const { from, to } = rs.window();
  await t('historyStarts', () => rs.historyStarts(W, ids, from, to));
  await t('demand', () => rs.demand(W, ids, from, to));
  await t('positions', () => rs.positions(W, ids));
  await t('preferredSuppliers', () => rs.preferredSuppliers(ids, today()));
  await t('settings', () => rs.settings());
  await t('fixed', () => rs.fixedSafetyStocks(W, ids));
  await t('modelCache', () => rs.modelCache(W, ids));
  await t('compute 2000', () => rs.compute(W, skus.slice(0, 2000)));
  await ds.destroy();
}
main();
