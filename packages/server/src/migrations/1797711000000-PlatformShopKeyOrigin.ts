import { createHash } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one-shop rule counts http://localhost:PORT, http://127.0.0.1:PORT and http://[::1]:PORT (any
 * case, a trailing dot or slash) as one shop: every `platform_connection.shop_key` is recomputed with
 * that origin (as platform.service's `shopOrigin`, copied here as it was so this migration never
 * changes). A shop that turns out to be connected twice keeps its first connection's key; the later
 * ones get none (NULL, which the unique index allows) and stay as they are, for a person to remove.
 */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function key(kind: string, baseUrl: string, appKey: string): string | null {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return null;
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  const origin = `${url.protocol}//${LOOPBACK.has(host) ? '127.0.0.1' : host}${url.port ? `:${url.port}` : ''}`;
  return createHash('sha256').update(`${kind}\n${origin}\n${appKey.trim()}`).digest('hex');
}

export class PlatformShopKeyOrigin1797711000000 implements MigrationInterface {
  name = 'PlatformShopKeyOrigin1797711000000';

  async up(q: QueryRunner): Promise<void> {
    const rows: Array<{ id: number; kind: string; base_url: string; app_key: string; shop_key: string | null }> =
      await q.query('SELECT `id`, `kind`, `base_url`, `app_key`, `shop_key` FROM `platform_connection` ORDER BY `id`');
    const seen = new Set<string>();
    const wanted = rows.map((r) => {
      const k = key(r.kind, r.base_url, r.app_key);
      if (!k || seen.has(k)) return { ...r, next: null };
      seen.add(k);
      return { ...r, next: k };
    });
    const changed = wanted.filter((r) => r.next !== r.shop_key);
    // cleared first: a new key may be another row's old one
    for (const r of changed) await q.query('UPDATE `platform_connection` SET `shop_key` = NULL WHERE `id` = ?', [r.id]);
    for (const r of changed)
      if (r.next) await q.query('UPDATE `platform_connection` SET `shop_key` = ? WHERE `id` = ?', [r.next, r.id]);
  }

  async down(): Promise<void> {
    // the keys of before told apart names of one machine; nothing to restore that matters
  }
}
