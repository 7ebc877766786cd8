import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An online shop is connected once: `platform_connection.shop_key` (the platform kind, the API's
 * origin and the app key, hashed as platform.service's `shopKey` does) under a unique index. A shop
 * connected twice before this keeps its first connection's key; the later ones keep none (NULL, which
 * the index allows) and stay as they are, for a person to remove.
 */
export class PlatformShopKey1797700000100 implements MigrationInterface {
  name = 'PlatformShopKey1797700000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `platform_connection` ADD `shop_key` varchar(64) NULL');
    const rows: Array<{ id: number; kind: string; base_url: string; app_key: string }> = await q.query(
      'SELECT `id`, `kind`, `base_url`, `app_key` FROM `platform_connection` ORDER BY `id`',
    );
    const seen = new Set<string>();
    for (const r of rows) {
      let origin: string;
      try {
        origin = new URL(r.base_url).origin.toLowerCase();
      } catch {
        continue;
      }
      const key = createHash('sha256').update(`${r.kind}\n${origin}\n${r.app_key.trim()}`).digest('hex');
      if (seen.has(key)) continue;
      seen.add(key);
      await q.query('UPDATE `platform_connection` SET `shop_key` = ? WHERE `id` = ?', [key, r.id]);
    }
    await q.query('CREATE UNIQUE INDEX `IDX_26be3854fd5dbdd02187e65ccf` ON `platform_connection` (`shop_key`)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX `IDX_26be3854fd5dbdd02187e65ccf` ON `platform_connection`');
    await q.query('ALTER TABLE `platform_connection` DROP COLUMN `shop_key`');
  }
}
