import type { EntityManager } from 'typeorm';
import { SalesStore } from './customer.entity';

/* What other modules read of the sales tables (the sales module owns them). */

/** A store and its channel, or null. */
export async function findStore(
  em: EntityManager,
  id: number,
): Promise<{ id: number; channelId: number; code: string; name: string; active: boolean } | null> {
  const s = await em.findOne(SalesStore, { where: { id: id || -1 } });
  return s ? { id: s.id, channelId: s.channelId, code: s.code, name: s.name, active: s.active } : null;
}
