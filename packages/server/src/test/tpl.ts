import { Warehouse } from '../modules/stock';
import { startSimulator } from '../simulators/spawn';
import { testApp, type TestApp } from './harness';
import { ok } from './platform-shop';

export interface TplSetup {
  t: TestApp;
  admin: string;
  /** the 3PL simulator process */
  sim: Awaited<ReturnType<typeof startSimulator>>;
  /** the warehouse the 3PL runs */
  W3: number;
  /** our own first warehouse */
  W1: number;
  /** the connection's id, once `connect` made it (or `connect` was given) */
  conn: string;
  /** connects W3 to the simulator under this name (the connection's id) */
  connect(name: string): Promise<string>;
  /** calls the simulator with the connection's credentials: GET without a body, POST with one */
  simCall(path: string, body?: unknown): Promise<any>;
  close(): Promise<void>;
}

/**
 * What the 3PL tests share: the 3PL simulator as its own process (key, secret and business day as
 * given), an app with the background jobs off, the admin logged in, a third-party warehouse (`code`,
 * `name`) and our own first warehouse, and optionally the connection of one to the other.
 */
export async function tplSetup(o: {
  key: string;
  secret: string;
  today: string;
  warehouse: { code: string; name: string };
  /** connect the warehouse under this name at once */
  connect?: string;
}): Promise<TplSetup> {
  const sim = await startSimulator('tpl', { TPL_KEY: o.key, TPL_SECRET: o.secret, TPL_TODAY: o.today });
  const t = await testApp({
    config: { alertsIntervalMs: 0, webhooksIntervalMs: 0, platformStockIntervalMs: 0, tplIntervalMs: 0 },
  });
  const admin = await t.login('admin');
  const W3 = (
    await t.ds.getRepository(Warehouse).save({
      ...o.warehouse,
      kind: 'third_party' as Warehouse['kind'],
      allowNegative: false,
      active: true,
      version: 1,
    })
  ).id;
  const W1 = (
    (await t.ds.getRepository(Warehouse).findOneBy({ code: 'WH01' })) ??
    (await t.ds.getRepository(Warehouse).find({ order: { id: 'ASC' } }))[0]
  ).id;
  const s: TplSetup = {
    t,
    admin,
    sim,
    W3,
    W1,
    conn: '',
    async connect(name) {
      s.conn = ok(
        await t.gql(
          'mutation($i:ConnectTplInput!){ connectTpl(input:$i){ id } }',
          { i: { name, warehouseId: String(W3), baseUrl: sim.url, clientKey: o.key, secret: o.secret } },
          admin,
        ),
      ).connectTpl.id;
      return s.conn;
    },
    async simCall(path, body) {
      const res = await fetch(`${sim.url}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${o.secret}`, 'x-client-key': o.key },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return res.json();
    },
    async close() {
      sim.stop();
      await t.close();
    },
  };
  if (o.connect) await s.connect(o.connect);
  return s;
}
