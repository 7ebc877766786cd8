import { Decimal } from 'decimal.js';
import { In, type EntityManager } from 'typeorm';
import { NO_CONDITIONS, storageMismatches } from '../../domain/storage';
import { skuStorageNeeds } from '../catalog';
import { StockBalance } from './ledger.entity';
import { Batch, Bin, Zone } from './location.entity';
import { zoneConditions } from './storage-fit';

export type PutAwayReason = 'SAME_BATCH' | 'SAME_SKU' | 'EMPTY_BIN';

export interface PutAwaySuggestion {
  index: number;
  skuId: number;
  binId: number | null;
  binCode: string | null;
  reason: PutAwayReason | null;
}

/**
 * 上架建议: where received goods go. The bin that already holds the SKU's batch (the most of it),
 * else one holding the SKU, else an empty bin whose zone suits the product (zone, then bin code);
 * never a quarantine or inactive bin, never one whose zone does not suit the goods. Null when no
 * bin fits (the goods go where the receiver says, or outside bins).
 */
export async function putAwaySuggestions(
  em: EntityManager,
  warehouseId: number,
  lines: Array<{ skuId: number; batchNo?: string | null }>,
): Promise<PutAwaySuggestion[]> {
  const bins = await em.find(Bin, { where: { warehouseId, active: true, quarantine: false } });
  const zoneIds = [...new Set(bins.map((b) => b.zoneId).filter((z): z is number => z !== null))];
  const zones = new Map(
    (zoneIds.length ? await em.find(Zone, { where: { id: In(zoneIds) } }) : []).map((z) => [z.id, z]),
  );
  const skuIds = [...new Set(lines.map((l) => l.skuId))];
  const needs = await skuStorageNeeds(em, skuIds);
  const balances = bins.length
    ? await em.find(StockBalance, { where: { warehouseId, binId: In(bins.map((b) => b.id)) } })
    : [];
  const held = balances.filter((b) => new Decimal(b.qty).gt(0));
  const occupied = new Set(held.map((b) => b.binId));
  const batchNos = [...new Set(lines.map((l) => l.batchNo?.trim()).filter((n): n is string => !!n))];
  const batches = batchNos.length ? await em.find(Batch, { where: { skuId: In(skuIds), batchNo: In(batchNos) } }) : [];
  const zoneCode = (b: Bin) => (b.zoneId ? (zones.get(b.zoneId)?.code ?? '') : '');
  const walk = (a: Bin, b: Bin) => zoneCode(a).localeCompare(zoneCode(b)) || a.code.localeCompare(b.code);
  const byId = new Map(bins.map((b) => [b.id, b]));
  return lines.map((l, index) => {
    const n = needs.get(l.skuId);
    const fits = (b: Bin) => {
      if (!n) return true;
      const z = b.zoneId ? zones.get(b.zoneId) : undefined;
      return storageMismatches(z ? zoneConditions(z) : NO_CONDITIONS, n).length === 0;
    };
    const most = (rows: StockBalance[]) =>
      rows
        .map((r) => ({ bin: byId.get(r.binId)!, qty: new Decimal(r.qty) }))
        .filter((r) => r.bin && fits(r.bin))
        .sort((a, b) => b.qty.cmp(a.qty) || walk(a.bin, b.bin))[0]?.bin;
    const batch = l.batchNo ? batches.find((b) => b.skuId === l.skuId && b.batchNo === l.batchNo!.trim()) : undefined;
    const found: Array<[Bin | undefined, PutAwayReason]> = [
      [batch ? most(held.filter((h) => h.skuId === l.skuId && h.batchId === batch.id)) : undefined, 'SAME_BATCH'],
      [most(held.filter((h) => h.skuId === l.skuId)), 'SAME_SKU'],
      [bins.filter((b) => !occupied.has(b.id) && fits(b)).sort(walk)[0], 'EMPTY_BIN'],
    ];
    const [bin, reason] = found.find(([b]) => b) ?? [undefined, null];
    return { index, skuId: l.skuId, binId: bin?.id ?? null, binCode: bin?.code ?? null, reason: bin ? reason : null };
  });
}
