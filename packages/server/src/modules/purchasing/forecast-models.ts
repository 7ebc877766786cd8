import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../core/db';
import { onDuplicateUpdate } from '../../core/sql';
import {
  GRID,
  forecastWith,
  selectMethod,
  type FixedParams,
  type ForecastMethod,
  type ModelSpec,
} from '../../domain/forecasting';
import type { ForecastModel } from './replenishment.entity';

/**
 * The forecast models chosen per warehouse × SKU (`replenishment_forecast`): the back-test's grid
 * search (12–40 ms of CPU per SKU) runs once per demand series, not once per request. A request
 * hashes the series it would search; where the kept row has that hash it runs the kept model once
 * (microseconds), otherwise it searches and the choice is kept. The nightly refresh
 * (`ReplenishmentService.refreshForecasts`) makes the rows of the new day before the requests ask.
 */

/** What `selectMethod` is asked besides the series: its defaults, spelled out so they are in the hash. */
const SEARCH = { seasonLength: 7, maxBacktest: 28, criterion: 'mae', grid: GRID };
const SEARCH_KEY = JSON.stringify(SEARCH);

/** The model a suggestion uses: chosen now or taken from the kept row. */
export type Chosen =
  | {
      ok: true;
      method: ForecastMethod;
      params: ModelSpec['params'];
      error: { mae: number; rmse: number };
      forecast: number[];
      backtestDays: number;
    }
  | { ok: false; reason: 'NO_HISTORY' }
  | { ok: false; reason: 'TOO_LITTLE_HISTORY'; length: number };

/** The kept models of one computation, and the choices it made that are to be kept. */
export interface ModelCache {
  kept: Map<number, ForecastModel>;
  fresh: ForecastModel[];
  /** false: search every time, keep nothing (the uncached path the tests compare with) */
  enabled: boolean;
}

/** The hash of everything the choice depends on: the series, the fixed method and parameters, the search. */
export function seriesHash(history: number[], fixed: ForecastMethod | undefined, params: FixedParams): string {
  return crypto
    .createHash('sha1')
    .update(SEARCH_KEY)
    .update(JSON.stringify([fixed ?? null, params.window ?? null, params.alpha ?? null, params.beta ?? null]))
    .update(JSON.stringify([params.gamma ?? null]))
    .update(history.join(','))
    .digest('hex');
}

/**
 * `selectMethod` for one warehouse × SKU through the cache: the kept model when its hash is this
 * series', else the search (and its choice recorded in `cache.fresh`). The same answer either way.
 */
export function chooseModel(
  cache: ModelCache | undefined,
  key: { warehouseId: number; skuId: number; day: string },
  history: number[],
  options: { fixed?: ForecastMethod; params: FixedParams; horizon: number },
): Chosen {
  const hash = cache?.enabled ? seriesHash(history, options.fixed, options.params) : null;
  const kept = hash ? cache!.kept.get(key.skuId) : undefined;
  if (kept && kept.seriesHash === hash) {
    const params = JSON.parse(kept.params) as ModelSpec['params'];
    return {
      ok: true,
      method: kept.method as ForecastMethod,
      params,
      error: { mae: Number(kept.mae), rmse: Number(kept.rmse) },
      forecast: forecastWith(kept.method as ForecastMethod, params, history, options.horizon),
      backtestDays: kept.backtestDays,
    };
  }
  const sel = selectMethod(history, {
    fixed: options.fixed,
    params: options.params,
    horizon: options.horizon,
    seasonLength: SEARCH.seasonLength,
    maxBacktest: SEARCH.maxBacktest,
    criterion: 'mae',
  });
  if (!sel.ok) return sel.reason === 'NO_HISTORY' ? sel : { ok: false, reason: sel.reason, length: sel.length };
  if (hash)
    cache!.fresh.push({
      warehouseId: key.warehouseId,
      skuId: key.skuId,
      seriesHash: hash,
      method: sel.method,
      params: JSON.stringify(sel.params),
      mae: String(sel.error.mae),
      rmse: String(sel.error.rmse),
      backtestDays: sel.backtest.actual.length,
      madeOn: key.day,
    });
  return {
    ok: true,
    method: sel.method,
    params: sel.params,
    error: { mae: sel.error.mae, rmse: sel.error.rmse },
    forecast: sel.forecast,
    backtestDays: sel.backtest.actual.length,
  };
}

const COLUMNS = [
  'warehouse_id',
  'sku_id',
  'series_hash',
  'method',
  'params',
  'mae',
  'rmse',
  'backtest_days',
  'made_on',
] as const;

/**
 * The kept models of a warehouse: of these SKUs, or (`skuIds` null) all of them in one pass.
 */
export async function keptModels(
  ds: DataSource,
  warehouseId: number,
  skuIds: number[] | null,
): Promise<Map<number, ForecastModel>> {
  const out = new Map<number, ForecastModel>();
  const read = async (ids: number[] | null) => {
    const rows: any[] = await ds.query(
      `SELECT ${COLUMNS.join(', ')} FROM replenishment_forecast WHERE warehouse_id = ?${
        ids ? ` AND sku_id IN (${ids.map(() => '?').join(',')})` : ''
      }`,
      [warehouseId, ...(ids ?? [])],
    );
    for (const r of rows)
      out.set(Number(r.sku_id), {
        warehouseId: Number(r.warehouse_id),
        skuId: Number(r.sku_id),
        seriesHash: r.series_hash,
        method: r.method,
        params: r.params,
        mae: r.mae,
        rmse: r.rmse,
        backtestDays: Number(r.backtest_days),
        madeOn: r.made_on,
      });
  };
  if (!skuIds) await read(null);
  else for (let i = 0; i < skuIds.length; i += 1000) await read(skuIds.slice(i, i + 1000));
  return out;
}

/** Keeps the choices made (one upsert per 500 rows, in a transaction of its own). */
export async function keepModels(ds: DataSource, rows: ForecastModel[]): Promise<number> {
  if (!rows.length) return 0;
  await inTransaction(ds, async (tx) => {
    for (let i = 0; i < rows.length; i += 500) {
      const part = rows.slice(i, i + 500);
      await tx.query(
        `INSERT INTO replenishment_forecast (${COLUMNS.join(', ')}) VALUES ${part
          .map(() => `(${COLUMNS.map(() => '?').join(', ')})`)
          .join(', ')} ${onDuplicateUpdate(tx, ['warehouse_id', 'sku_id'], COLUMNS.slice(2) as unknown as string[])}`,
        part.flatMap((r) => [
          r.warehouseId,
          r.skuId,
          r.seriesHash,
          r.method,
          r.params,
          r.mae,
          r.rmse,
          r.backtestDays,
          r.madeOn,
        ]),
      );
    }
  });
  return rows.length;
}
