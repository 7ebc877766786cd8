import type { DataSource } from 'typeorm';
import type { Config } from './core/config';
import { AuditService, createAuditPubSub } from './modules/audit/audit.service';
import { AuthService } from './modules/auth/auth.service';
import { RoleService } from './modules/auth/role.service';
import { UserService } from './modules/auth/user.service';
import { WarehouseService } from './modules/stock/warehouse.service';
import { OverviewService } from './modules/system/overview.service';
import { SettingsService } from './modules/system/settings.service';

/** Every service of one running app, built once over one database. */
export function createServices(ds: DataSource, config: Config) {
  const audit = new AuditService(ds, createAuditPubSub());
  return {
    ds,
    config,
    audit,
    auth: new AuthService(ds, config, audit),
    users: new UserService(ds, audit),
    roles: new RoleService(ds, audit),
    warehouses: new WarehouseService(ds, audit),
    settings: new SettingsService(ds, audit),
    overview: new OverviewService(ds),
  };
}

export type Services = ReturnType<typeof createServices>;
