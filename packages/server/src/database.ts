import type { DataSource } from 'typeorm';
import { openDatabase } from './core/db';
import { entities } from './entities';
import { migrations } from './migrations';

/** The app's tables and migrations: the one place that knows every module's entities. */
export const appSchema = { entities, migrations };

/** Opens the app's database (SQLite builds its schema; MySQL/MariaDB runs pending migrations unless `migrate: false`). */
export function openAppDatabase(url: string, opts: { migrate?: boolean } = {}): Promise<DataSource> {
  return openDatabase(url, appSchema, opts);
}
