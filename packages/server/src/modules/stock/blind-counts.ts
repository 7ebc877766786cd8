import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../../core/context';
import { P } from '../../core/permissions/catalogue';
import { can } from '../../core/permissions/guard';
import { coveredByCount, type BlindScope } from '../../domain/counting';

/** The scopes of the counts open now in these warehouses (null: all), registered by the counts. */
export type BlindCountSource = (tx: EntityManager, warehouseIds: number[] | null) => Promise<BlindScope[]>;

/**
 * "Counters never see the book during a blind count": while a count is open, whoever counts blind
 * (may count, `stock.count.perform`, but may not read counts with the book, `stock.count.read`)
 * gets null for every on-hand or book quantity of a place in its scope, on every path that returns
 * one. The stock module knows nothing of counts: the stocktake module registers a source of
 * scopes here, as it registers its freeze with the posting engine.
 */
export class BlindCounts {
  private readonly sources: BlindCountSource[] = [];
  /** one answer per request and warehouse set */
  private readonly cache = new WeakMap<object, Map<string, Promise<BlindView>>>();

  constructor(private readonly ds: DataSource) {}

  use(source: BlindCountSource): void {
    this.sources.push(source);
  }

  /** Whoever may count but not see the book: keepers and counters. */
  static countsBlind(ctx: Pick<Context, 'user'>): boolean {
    return can(ctx, P.StockCountPerform) && !can(ctx, P.StockCountRead);
  }

  /** What this user may not see now in these warehouses (null: all of theirs). */
  view(ctx: Context, warehouseIds?: number[] | null): Promise<BlindView> {
    const key = warehouseIds ? [...warehouseIds].sort((a, b) => a - b).join(',') : '*';
    const m = this.cache.get(ctx) ?? new Map<string, Promise<BlindView>>();
    this.cache.set(ctx, m);
    let v = m.get(key);
    if (!v) m.set(key, (v = this.compute(ctx, warehouseIds, this.ds.manager)));
    return v;
  }

  private async compute(
    ctx: Context,
    warehouseIds: number[] | null | undefined,
    tx: EntityManager,
  ): Promise<BlindView> {
    if (!BlindCounts.countsBlind(ctx) || !this.sources.length) return new BlindView(ctx, []);
    const ws = warehouseIds ?? ctx.user?.warehouseIds ?? null;
    if (ws && !ws.length) return new BlindView(ctx, []);
    const scopes: BlindScope[] = [];
    for (const s of this.sources) scopes.push(...(await s(tx, ws)));
    return new BlindView(ctx, scopes);
  }
}

/** One request's answer: which places are withheld, and the withholding itself. */
export class BlindView {
  constructor(
    private readonly ctx: Context,
    private readonly scopes: BlindScope[],
  ) {}

  get empty(): boolean {
    return !this.scopes.length;
  }

  /** With a bin: that bin × SKU; without: the SKU summed over the warehouse. */
  hides(warehouseId: number, skuId: number, binId?: number | null): boolean {
    return coveredByCount(this.scopes, warehouseId, skuId, binId);
  }

  /**
   * Null for a withheld figure, listed under extensions.hiddenFields as a field rule's null is
   * (`Type.field`), so the console can say why it is blank.
   */
  withhold<T>(typeName: string, field: string, hidden: boolean, value: T): T | null {
    if (!hidden) return value;
    this.ctx.hidden?.add(`${typeName}.${field}`);
    return null;
  }
}
