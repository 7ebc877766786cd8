import { In, type EntityManager } from 'typeorm';
import { DomainError, ErrorCode } from '../../core/errors';
import {
  NO_CONDITIONS,
  hasNeeds,
  storageMismatches,
  type StorageMismatch,
  type ZoneConditions,
} from '../../domain/storage';
import { skuStorageNeeds } from '../catalog';
import { companySettings, StorageRule } from '../system';
import { Bin, Zone } from './location.entity';
import type { DocRef, StockMove } from './posting.types';

/** A zone's structured conditions. */
export const zoneConditions = (z: Zone): ZoneConditions => ({
  tempMin: z.tempMin,
  tempMax: z.tempMax,
  humidityMin: z.humidityMin,
  humidityMax: z.humidityMax,
  dark: z.dark,
  hazardClass: z.hazardClass,
  foodGrade: z.foodGrade,
});

export interface StorageFit {
  skuId: number;
  binId: number;
  mismatches: StorageMismatch[];
}

/** What the zone of each bin does not assure of each SKU's needs (a bin outside any zone assures nothing). */
export async function storageFits(
  em: EntityManager,
  pairs: Array<{ binId: number; skuId: number }>,
): Promise<StorageFit[]> {
  const placed = pairs.filter((p) => p.binId > 0);
  if (!placed.length) return [];
  const needs = await skuStorageNeeds(
    em,
    placed.map((p) => p.skuId),
  );
  if (![...needs.values()].some(hasNeeds)) return placed.map((p) => ({ ...p, mismatches: [] }));
  const bins = new Map(
    (await em.find(Bin, { where: { id: In([...new Set(placed.map((p) => p.binId))]) } })).map((b) => [b.id, b]),
  );
  const zoneIds = [...new Set([...bins.values()].map((b) => b.zoneId).filter((z): z is number => z !== null))];
  const zones = new Map(
    (zoneIds.length ? await em.find(Zone, { where: { id: In(zoneIds) } }) : []).map((z) => [z.id, z]),
  );
  return placed.map((p) => {
    const n = needs.get(p.skuId);
    const zoneId = bins.get(p.binId)?.zoneId;
    const zone = zoneId ? zones.get(zoneId) : undefined;
    return { ...p, mismatches: n ? storageMismatches(zone ? zoneConditions(zone) : NO_CONDITIONS, n) : [] };
  });
}

/**
 * The posting guard of storage conditions: with settings.storageRule REFUSE, goods put into a bin
 * whose zone does not suit them are refused (STORAGE_CONDITION_MISMATCH, naming the line, the bin and
 * what does not fit). What is taken out, reversals and count adjustments (the goods are there
 * already) are never checked; with WARN the forms warn and the posting goes through.
 */
export async function storageGuard(tx: EntityManager, doc: DocRef, moves: StockMove[]): Promise<void> {
  if (doc.type === 'adjustment') return;
  const incoming = moves.filter((m) => m.binId && m.binId > 0 && Number(m.qty) > 0 && !m.reverses);
  if (!incoming.length) return;
  if ((await companySettings(tx)).storageRule !== StorageRule.REFUSE) return;
  const fits = await storageFits(
    tx,
    incoming.map((m) => ({ binId: m.binId!, skuId: m.skuId })),
  );
  const bad = fits.findIndex((f) => f.mismatches.length);
  if (bad < 0) return;
  const m = incoming[bad];
  const bin = await tx.findOneBy(Bin, { id: m.binId! });
  throw new DomainError(
    ErrorCode.STORAGE_CONDITION_MISMATCH,
    `Line ${m.lineIndex + 1}: bin ${bin?.code ?? m.binId} does not suit this SKU (${fits[bad].mismatches.join(', ').toLowerCase()}); nothing was posted.`,
    {
      lineIndex: m.lineIndex,
      skuId: m.skuId,
      binId: m.binId,
      binCode: bin?.code ?? null,
      mismatches: fits[bad].mismatches,
    },
  );
}
