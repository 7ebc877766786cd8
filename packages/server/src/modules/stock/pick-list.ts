import { Decimal } from 'decimal.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { In, type EntityManager } from 'typeorm';
import { DecimalScalar } from '../../core/decimal';
import { aisleOf, inWalkingOrder, pick, pickOrder, strategyFor, type Stock } from '../../domain/picking';
import { skuLines } from '../catalog';
import { Batch, Bin, Zone } from './location.entity';
import { PostingSql } from './posting-sql';
import { headKey } from './posting.types';

@ObjectType({ description: 'One stop of a pick list: take this much of a line from this bin and batch.' })
export class PickListRow {
  @Field(() => Int, { description: 'The line of the order or document (0-based).' }) lineIndex: number;
  @Field(() => ID) skuId: number;
  @Field() skuCode: string;
  @Field() skuName: string;
  @Field() unit: string;
  @Field(() => ID, { description: '0: outside bins.' }) binId: number;
  @Field(() => String, { nullable: true }) binCode: string | null;
  @Field(() => String, { nullable: true }) zoneCode: string | null;
  @Field(() => String, { nullable: true, description: "The bin code's first segment." }) aisle: string | null;
  @Field(() => String, { nullable: true }) batchNo: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) expiryDate: string | null;
  @Field(() => DecimalScalar, { description: 'To pick, in the base unit.' }) qty: string;
}

@ObjectType({ description: 'What a line cannot be picked for from the stock there now.' })
export class PickListShort {
  @Field(() => Int) lineIndex: number;
  @Field(() => ID) skuId: number;
  @Field(() => DecimalScalar) short: string;
}

@ObjectType({
  description:
    '拣货单: the bins and batches the posting would take (FEFO/FIFO by the pick strategy), in walking order (zone, aisle, bin).',
})
export class PickList {
  @Field(() => ID) warehouseId: number;
  @Field(() => [PickListRow]) rows: PickListRow[];
  @Field(() => [PickListShort]) shorts: PickListShort[];
}

/**
 * The pick list of an issue not yet posted: the same choice the posting engine will make (its
 * candidates, pick strategy per SKU, expired batches and quarantine bins left out of a sale), read
 * without locks, then ordered for walking. Stock may move before the goods are shipped: the
 * posting decides again under its locks.
 */
export async function pickList(
  em: EntityManager,
  warehouseId: number,
  lines: Array<{ skuId: number; qty: string; binId?: number | null; batchNo?: string | null }>,
  opts: { sale: boolean; day: string },
): Promise<PickList> {
  const sql = new PostingSql();
  const open = lines.map((l, i) => ({ ...l, i, warehouseId })).filter((l) => new Decimal(l.qty).gt(0));
  const skuIds = [...new Set(open.map((l) => l.skuId))];
  const facts = await sql.warehouseFacts(em, [warehouseId], skuIds);
  const stock: Map<string, Stock[]> = open.length ? await sql.candidates(em, open, facts.quarantine) : new Map();
  const whStrategy = facts.strategies.get(warehouseId);
  const skuStrategies = facts.skuStrategies;
  const taken = new Map<string, Map<string, Decimal>>();
  const takes: Array<{ i: number; skuId: number; binId: number; batchId: number; qty: string }> = [];
  const shorts: PickListShort[] = [];
  for (const l of open) {
    const k = headKey(warehouseId, l.skuId);
    const t = taken.get(k) ?? new Map<string, Decimal>();
    taken.set(k, t);
    // a line that names its bin or batch takes from there only, as the posting does
    const rows = (stock.get(k) ?? []).filter(
      (s: Stock) => (!l.binId || s.binId === l.binId) && (!l.batchNo || s.batchNo === l.batchNo),
    );
    const r = pick(l.qty, pickOrder(rows, strategyFor(skuStrategies.get(l.skuId), whStrategy)), t, {
      ...(opts.sale ? { blockExpiredOn: opts.day } : {}),
      skipQuarantine: opts.sale || !l.binId,
    });
    takes.push(...r.takes.map((x) => ({ i: l.i, skuId: l.skuId, ...x })));
    if (new Decimal(r.short).gt(0)) shorts.push({ lineIndex: l.i, skuId: l.skuId, short: r.short });
  }
  const binIds = [...new Set(takes.map((x) => x.binId).filter((b) => b > 0))];
  const bins = binIds.length ? await em.find(Bin, { where: { id: In(binIds) } }) : [];
  const zoneIds = [...new Set(bins.map((b) => b.zoneId).filter((z): z is number => z !== null))];
  const zones = new Map(
    (zoneIds.length ? await em.find(Zone, { where: { id: In(zoneIds) } }) : []).map((z) => [z.id, z]),
  );
  const batchIds = [...new Set(takes.map((x) => x.batchId).filter((b) => b > 0))];
  const batches = new Map(
    (batchIds.length ? await em.find(Batch, { where: { id: In(batchIds) } }) : []).map((b) => [b.id, b]),
  );
  const binById = new Map(bins.map((b) => [b.id, b]));
  const skus = await skuLines(em, skuIds);
  const rows: PickListRow[] = takes.map((x) => {
    const bin = binById.get(x.binId);
    const zone = bin?.zoneId ? zones.get(bin.zoneId) : undefined;
    const batch = batches.get(x.batchId);
    const s = skus.get(x.skuId);
    return {
      lineIndex: x.i,
      skuId: x.skuId,
      skuCode: s?.sku.code ?? '',
      skuName: s?.sku.name ?? '',
      unit: s?.product.baseUnit ?? '',
      binId: x.binId,
      binCode: bin?.code ?? null,
      zoneCode: zone?.code ?? null,
      aisle: bin ? aisleOf(bin.code) : null,
      batchNo: batch?.batchNo ?? null,
      expiryDate: batch?.expiryDate ?? null,
      qty: new Decimal(x.qty).toFixed(),
    };
  });
  return { warehouseId, rows: inWalkingOrder(rows), shorts };
}
