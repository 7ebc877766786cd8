import { Decimal } from 'decimal.js';
import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { addDays, now, today } from '../../core/dates';
import { inTransaction } from '../../core/db';
import { emitEvent } from '../../core/events';
import { badInput, conflict, notFound, type FieldProblem } from '../../core/errors';
import { isBelowCost, PricingError, resolvePrice, type PriceCandidate, type PriceResult } from '../../domain/pricing';
import type { AuditService } from '../audit';
import { findSku } from '../catalog';
import { currentUnitCost } from '../stock';
import { mayReadCost } from './cost-rule';
import { CustomerTier, SalesChannel } from './customer.entity';
import type { CustomerService } from './customer.service';
import { PriceList, PriceListItem, PriceRuleKind } from './price-list.entity';
import type { PriceListInput, PriceListItemInput, PriceQuoteInput } from './price-list.types';

/** 价目表: lists per tier and channel, items with their history, and the price a line gets. */
export class PriceListService {
  constructor(
    private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly customers: CustomerService,
  ) {}

  lists(): Promise<PriceList[]> {
    return this.ds.getRepository(PriceList).find({ order: { code: 'ASC' } });
  }

  /** A list's items, newest period first; with skuId the whole history of that SKU. */
  /** A list's items (one SKU's with `skuId`); with `current`, only the periods not ended before today. */
  async items(priceListId: number, skuId?: number, current?: boolean): Promise<PriceListItem[]> {
    const rows = await this.ds.getRepository(PriceListItem).find({
      where: skuId ? { priceListId, skuId } : { priceListId },
      order: { skuId: 'ASC', validFrom: 'DESC', id: 'DESC' },
    });
    if (!current) return rows;
    const day = today();
    return rows.filter((r) => r.validTo === null || r.validTo >= day);
  }

  async saveList(ctx: Context, input: PriceListInput): Promise<PriceList> {
    return inTransaction(this.ds, async (tx) => {
      const problems: FieldProblem[] = [];
      const row = {
        code: input.code.trim(),
        name: input.name.trim(),
        tierId: input.tierId ? Number(input.tierId) : null,
        channelId: input.channelId ? Number(input.channelId) : null,
        active: input.active ?? true,
      };
      if (row.tierId && !(await tx.findOneBy(CustomerTier, { id: row.tierId || -1 })))
        problems.push({ field: 'tierId', message: 'Unknown tier.' });
      if (row.channelId && !(await tx.findOneBy(SalesChannel, { id: row.channelId || -1 })))
        problems.push({ field: 'channelId', message: 'Unknown channel.' });
      const clash = await tx.findOneBy(PriceList, { code: row.code });
      if (clash && String(clash.id) !== input.id)
        problems.push({ field: 'code', message: 'This price list code is taken.' });
      if (problems.length) throw badInput(problems, 'The price list has problems; nothing was saved.');
      let saved: PriceList;
      if (input.id) {
        const res = await tx
          .createQueryBuilder()
          .update(PriceList)
          .set({ ...row, version: (input.version ?? 0) + 1 })
          .where('id = :id AND version = :v', { id: Number(input.id) || -1, v: input.version ?? -1 })
          .execute();
        if (!res.affected) throw conflict(input.version ?? 0);
        saved = await tx.findOneByOrFail(PriceList, { id: Number(input.id) });
      } else saved = await tx.save(tx.create(PriceList, { ...row, version: 1 }));
      await this.audit.record(tx, ctx, {
        action: 'priceList.save',
        entityType: 'PriceList',
        entityId: saved.id,
        after: row,
      });
      await emitEvent(tx, {
        type: 'price_list.changed',
        ref: { type: 'price_list', id: saved.id, number: saved.code },
        data: { priceList: { id: String(saved.id), code: saved.code, name: saved.name } },
      });
      return saved;
    });
  }

  /**
   * A new price of a SKU on a list from `validFrom`. The open period (if any) ends the day before;
   * a new price must start after the open one started, so history is never rewritten.
   */
  async setItem(ctx: Context, input: PriceListItemInput): Promise<PriceListItem> {
    return inTransaction(this.ds, async (tx) => {
      const list = await tx.findOneBy(PriceList, { id: Number(input.priceListId) || -1 });
      if (!list) throw notFound('This price list');
      const problems: FieldProblem[] = [];
      if (!(await findSku(tx, Number(input.skuId)))) problems.push({ field: 'skuId', message: 'Unknown SKU.' });
      const v = new Decimal(input.value);
      if (v.lt(0)) problems.push({ field: 'value', message: 'Cannot be negative.' });
      if (input.rule === PriceRuleKind.DISCOUNT_OFF_LIST && v.gt(100))
        problems.push({ field: 'value', message: 'A discount is at most 100%.' });
      if (input.validTo && input.validTo < input.validFrom)
        problems.push({ field: 'validTo', message: 'Ends before it starts.' });
      const open = await tx.findOne(PriceListItem, {
        where: { priceListId: list.id, skuId: Number(input.skuId) || -1, validTo: IsNull() },
        order: { validFrom: 'DESC' },
      });
      if (open && open.validFrom >= input.validFrom)
        problems.push({
          field: 'validFrom',
          message: `The current price runs from ${open.validFrom}; a new price starts after that.`,
        });
      if (problems.length) throw badInput(problems, 'The price has problems; nothing was saved.');
      if (open) await tx.update(PriceListItem, { id: open.id }, { validTo: addDays(input.validFrom, -1) });
      const item = await tx.save(
        tx.create(PriceListItem, {
          priceListId: list.id,
          skuId: Number(input.skuId),
          rule: input.rule,
          value: v.toFixed(4),
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
          createdBy: ctx.user!.displayName,
          createdAt: now(),
        }),
      );
      await this.audit.record(tx, ctx, {
        action: 'priceList.setItem',
        entityType: 'PriceList',
        entityId: list.id,
        before: open ? { id: open.id, rule: open.rule, value: open.value, validFrom: open.validFrom } : undefined,
        after: {
          skuId: item.skuId,
          rule: item.rule,
          value: item.value,
          validFrom: item.validFrom,
          validTo: item.validTo,
        },
      });
      return item;
    });
  }

  /** Current unit cost of warehouse × SKU (value ÷ qty of the cost head); null without stock. */
  unitCost(tx: EntityManager, warehouseId: number, skuId: number): Promise<string | null> {
    return currentUnitCost(tx, warehouseId, skuId);
  }

  /** The price of one SKU for a customer on a channel and date: what an order line will store. */
  async price(
    tx: EntityManager,
    ctx: Context,
    q: {
      customerTierId: number | null;
      channelId: number;
      warehouseId: number;
      skuId: number;
      on: string;
      hideCost?: boolean;
    },
  ): Promise<PriceResult & { unitCost: string | null }> {
    const sku = await findSku(tx, q.skuId);
    if (!sku) throw badInput([{ field: 'skuId', message: 'Unknown SKU.' }]);
    const channel = await tx.findOneBy(SalesChannel, { id: q.channelId || -1 });
    if (!channel) throw badInput([{ field: 'channelId', message: 'Unknown channel.' }], 'Unknown channel.');
    const tiers = await tx.find(CustomerTier);
    const code = (id: number | null) => (id ? (tiers.find((t) => t.id === id)?.code ?? null) : null);
    const rows: Array<PriceListItem & { code: string; name: string; tierId: number | null; channelId: number | null }> =
      await tx
        .createQueryBuilder(PriceListItem, 'i')
        .innerJoin(PriceList, 'l', 'l.id = i.price_list_id AND l.active = :on', { on: true })
        .select([
          'i.price_list_id AS "priceListId"',
          'i.rule AS "rule"',
          'i.value AS "value"',
          'i.valid_from AS "validFrom"',
          'i.valid_to AS "validTo"',
          'l.code AS "code"',
          'l.name AS "name"',
          'l.tier_id AS "tierId"',
          'l.channel_id AS "channelId"',
        ])
        .where('i.sku_id = :sku', { sku: sku.id })
        .getRawMany();
    const channels = await tx.find(SalesChannel);
    const candidates: PriceCandidate[] = rows.map((r) => ({
      priceListId: Number(r.priceListId),
      priceListCode: r.code,
      priceListName: r.name,
      tierCode: code(r.tierId === null ? null : Number(r.tierId)),
      channelCode: r.channelId === null ? null : (channels.find((c) => c.id === Number(r.channelId))?.code ?? '?'),
      validFrom: r.validFrom,
      validTo: r.validTo,
      rule: r.rule as PriceRuleKind,
      value: String(r.value),
    }));
    const unitCost = await this.unitCost(tx, q.warehouseId, sku.id);
    try {
      const r = resolvePrice(candidates, {
        tierCode: code(q.customerTierId),
        channelCode: channel.code,
        on: q.on,
        unitCost,
        listPrice: sku.refSalePrice ?? '0',
        hideCost: q.hideCost ?? !mayReadCost(ctx),
      });
      return { ...r, unitCost };
    } catch (e) {
      if (e instanceof PricingError) throw badInput([{ field: 'skuId', message: e.message }], e.message);
      throw e;
    }
  }

  async quote(ctx: Context, input: PriceQuoteInput) {
    const customer = await this.customers.get(ctx, input.customerId);
    const r = await this.price(this.ds.manager, ctx, {
      customerTierId: customer.tierId,
      channelId: Number(input.channelId),
      warehouseId: Number(input.warehouseId),
      skuId: Number(input.skuId),
      on: input.on ?? today(),
    });
    return {
      unitPrice: r.unitPrice,
      priceListId: r.priceListId === null ? null : String(r.priceListId),
      rule: r.rule,
      steps: r.steps,
      belowCost: isBelowCost(r.unitPrice, r.unitCost),
    };
  }
}
