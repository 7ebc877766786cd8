import { expect } from 'vitest';
import type { Config } from '../core/config';
import { startSimulator, type SimulatorKind } from '../simulators/spawn';
import { seedCatalog } from './fixtures';
import { testApp, type GqlResult, type TestApp } from './harness';

/** The data of a GraphQL answer, failing the test on any error (with the errors in its message). */
export const ok = <T = any>(r: GqlResult<T>): any => {
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data;
};

export interface ShopSetup {
  t: TestApp;
  admin: string;
  c: Awaited<ReturnType<typeof seedCatalog>>;
  /** the simulator process when one was asked for */
  sim?: Awaited<ReturnType<typeof startSimulator>>;
  /** a connectPlatformStore input for the shop (add appSecret): its store, customer, first warehouse, the simulator's URL */
  base: Record<string, string>;
  close(): Promise<void>;
}

/**
 * What the online store tests share: an app with the background jobs off, the admin logged in, the
 * catalogue seeded, an online channel with one store and its buyers' customer (codes `<code>`,
 * `<code>-1`, `<code>-BUYERS`), and optionally a platform simulator as its own process.
 */
export async function shopSetup(o: {
  code: string;
  name: string;
  kind?: SimulatorKind;
  appKey: string;
  /** start this simulator with this environment (else the base URL answers nothing) */
  sim?: Record<string, string>;
  config?: Partial<Config>;
}): Promise<ShopSetup> {
  const kind = o.kind ?? 'pagemall';
  const sim = o.sim ? await startSimulator(kind, o.sim) : undefined;
  const t = await testApp({
    config: { alertsIntervalMs: 0, webhooksIntervalMs: 0, platformStockIntervalMs: 0, ...o.config },
  });
  const admin = await t.login('admin');
  const c = await seedCatalog(t.ds);
  const data = async (q: string, v: Record<string, unknown>) => ok(await t.gql(q, v, admin));
  const channel = (
    await data('mutation($i:ChannelInput!){ saveSalesChannel(input:$i){ id } }', {
      i: { code: o.code, name: o.name, kind: 'ONLINE_SHOP' },
    })
  ).saveSalesChannel.id;
  const store = (
    await data('mutation($i:StoreInput!){ saveSalesStore(input:$i){ id } }', {
      i: { channelId: channel, code: `${o.code}-1`, name: `${o.name} 店` },
    })
  ).saveSalesStore.id;
  const customer = (
    await data('mutation($i:CreateCustomerInput!){ createCustomer(input:$i){ id } }', {
      i: { code: `${o.code}-BUYERS`, name: `${o.name} 买家` },
    })
  ).createCustomer.id;
  return {
    t,
    admin,
    c,
    sim,
    base: {
      kind,
      storeId: store,
      customerId: customer,
      warehouseId: String(c.warehouses[0].id),
      baseUrl: sim?.url ?? 'http://127.0.0.1:9',
      appKey: o.appKey,
    },
    close: async () => {
      sim?.stop();
      await t.close();
    },
  };
}
