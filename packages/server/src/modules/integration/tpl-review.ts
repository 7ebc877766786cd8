import { Decimal } from 'decimal.js';
import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/decimal';
import type { DomainError } from '../../core/errors';

/**
 * What a 3PL review item is about, as data: the console renders a translated sentence per kind from
 * these (`tpl_review.params`, JSON), and `detail` keeps the same in English for API clients.
 * Quantities are decimal strings (never floats); anything the 3PL wrote is kept as it wrote it.
 */
export interface TplReviewLineParams {
  /** short (confirmed less), over (more than open), not_requested, bad_qty (not a quantity), wrong_sku */
  problem: 'short' | 'over' | 'not_requested' | 'bad_qty' | 'wrong_sku';
  /** the request line the 3PL named (its key), when it named one */
  line?: string;
  /** the SKU code: the request line's, or the one the 3PL named */
  sku?: string;
  /** wrong_sku: the SKU the request line asks for */
  requestedSku?: string;
  /** bad_qty: the quantity as the 3PL wrote it */
  given?: string;
  requested?: string;
  confirmed?: string;
  open?: string;
}

export interface TplReviewParamsJson {
  /** the 3PL's confirmation id */
  confirmation?: string;
  /** the request's reference (ours, or the unknown one the 3PL named) */
  request?: string;
  /** the request's source document number */
  source?: string;
  /** short: the request is a transfer, received whole */
  transfer?: boolean;
  /** stock differences: the SKU code (as the 3PL wrote it when unknown here) */
  sku?: string;
  /** stock differences: the SKU is unknown here */
  unknownSku?: boolean;
  /** stock differences: the quantity as the 3PL wrote it (unknown SKU) */
  given?: string;
  bookQty?: string;
  tplQty?: string;
  snapshotDate?: string;
  lines?: TplReviewLineParams[];
  /** failed: the posting's refusal */
  errorCode?: string;
  errorParams?: Record<string, string>;
}

export interface TplReviewText {
  detail: string;
  params: TplReviewParamsJson;
}

const q = (v: Decimal.Value) => new Decimal(v).toFixed();

/** A confirmation naming a request never sent to this 3PL. */
export function unknownRequestReview(confirmation: string, request: string): TplReviewText {
  return {
    detail: `Confirmation ${confirmation} names request "${request}", which was never sent to this 3PL.`,
    params: { confirmation, request },
  };
}

/** A confirmation of a request whose document was cancelled (the 3PL shipped it anyway, or answered late). */
export function cancelledReview(confirmation: string, request: string, source: string): TplReviewText {
  return {
    detail: `Confirmation ${confirmation} is for ${request} (${source}), which was cancelled. Nothing was posted.`,
    params: { confirmation, request, source },
  };
}

/** A confirmation refused whole: lines not requested, not quantities, of another SKU, or more than open. */
export function overReview(confirmation: string, request: string, lines: TplReviewLineParams[]): TplReviewText {
  const words = lines.map((l) => {
    switch (l.problem) {
      case 'not_requested':
        return `line ${l.line || l.sku} was not requested`;
      case 'bad_qty':
        return `line ${l.line}: "${l.given}" is not a quantity`;
      case 'wrong_sku':
        return `line ${l.line}: SKU ${l.sku}, requested ${l.requestedSku}`;
      default:
        return `${l.sku}: ${l.confirmed} confirmed, ${l.open} open of ${l.requested} requested`;
    }
  });
  return {
    detail: `Confirmation ${confirmation} of ${request}: ${words.join('; ')}. Nothing was posted.`,
    params: { confirmation, request, lines },
  };
}

/** A request confirmed short: what was confirmed of each short line. */
export function shortReview(
  confirmation: string,
  request: string,
  source: string,
  transfer: boolean,
  lines: Array<{ sku: string; qty: Decimal.Value; confirmed: Decimal.Value }>,
): TplReviewText {
  const rows: TplReviewLineParams[] = lines.map((l) => ({
    problem: 'short',
    sku: l.sku,
    requested: q(l.qty),
    confirmed: q(l.confirmed),
  }));
  return {
    detail: `${request} (${source}) confirmed short: ${rows.map((l) => `${l.sku} ${l.confirmed} of ${l.requested}`).join(', ')}. ${
      transfer
        ? 'The transfer was received whole (a transfer arrives whole): the missing units show in the next snapshot reconciliation.'
        : 'The confirmed quantity was posted.'
    }`,
    params: { confirmation, request, source, transfer, lines: rows },
  };
}

/** A confirmation whose posting was refused (closed period, not enough stock …): the refusal's code and figures. */
export function failedReview(confirmation: string, request: string, e: DomainError): TplReviewText {
  const details = (e.extensions.details ?? {}) as Record<string, unknown>;
  const errorParams: Record<string, string> = {};
  for (const [k, v] of Object.entries(details))
    if (typeof v === 'string' || typeof v === 'number') errorParams[k] = String(v);
  return {
    detail: `Confirmation ${confirmation} of ${request} could not be posted: ${e.message}`,
    params: { confirmation, request, errorCode: String(e.extensions.code ?? 'UNKNOWN'), errorParams },
  };
}

/**
 * A request the 3PL cancelled whose document's cancellation then failed (`e`: another request's
 * refusal): it is cancelled here too and the document stays as it was.
 */
export function cancelSplitReview(request: string, source: string, e: DomainError): TplReviewText {
  const details = (e.extensions.details ?? {}) as Record<string, unknown>;
  const errorParams: Record<string, string> = {};
  for (const [k, v] of Object.entries(details))
    if (typeof v === 'string' || typeof v === 'number') errorParams[k] = String(v);
  return {
    detail: `The 3PL cancelled request ${request} (${source}), but cancelling ${source} failed: ${e.message} The request is cancelled here too and ${source} stays as it was: send it to the 3PL again, or cancel it again.`,
    params: { request, source, errorCode: String(e.extensions.code ?? 'UNKNOWN'), errorParams },
  };
}

/** A snapshot line for a SKU unknown here (or a quantity that is none). */
export function unknownSkuReview(day: string, sku: string, given: string): TplReviewText {
  return {
    detail: `The snapshot of ${day} lists "${sku}" (${given}), unknown here.`,
    params: { snapshotDate: day, sku, given, unknownSku: true },
  };
}

/** A SKU the 3PL counts differently from the book. */
export function stockDiffReview(day: string, sku: string, book: Decimal.Value, tpl: Decimal.Value): TplReviewText {
  const bookQty = q(book);
  const tplQty = q(tpl);
  return {
    detail: `${sku}: the 3PL counts ${tplQty}, the book says ${bookQty} (${day}).`,
    params: { snapshotDate: day, sku, bookQty, tplQty },
  };
}

// ---------- GraphQL ----------

@ObjectType({ description: 'A figure of the refusal behind a failed 3PL posting (as the error details name it).' })
export class TplReviewErrorParam {
  @Field() name: string;
  @Field() value: string;
}

@ObjectType({ description: 'A line a 3PL review item is about.' })
export class TplReviewLine {
  @Field({
    description:
      'short (confirmed less than requested), over (more than still open), not_requested, bad_qty (not a quantity) or wrong_sku.',
  })
  problem: string;
  @Field(() => String, { nullable: true, description: 'The request line the 3PL named.' }) line: string | null;
  @Field(() => String, { nullable: true, description: 'SKU code.' }) sku: string | null;
  @Field(() => String, { nullable: true, description: 'wrong_sku: the SKU the request line asks for.' })
  requestedSku: string | null;
  @Field(() => String, { nullable: true, description: 'bad_qty: the quantity as the 3PL wrote it.' })
  given: string | null;
  @Field(() => DecimalScalar, { nullable: true }) requested: string | null;
  @Field(() => DecimalScalar, { nullable: true }) confirmed: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'over: what was still open.' }) open: string | null;
}

@ObjectType({
  description:
    "What a 3PL review item is about, as data to render in the reader's language (detail says it in English).",
})
export class TplReviewParams {
  @Field(() => String, { nullable: true, description: "The 3PL's confirmation id." }) confirmation: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The request's reference (unknown_request: the one the 3PL named).",
  })
  request: string | null;
  @Field(() => String, { nullable: true, description: "The request's source document number." }) source: string | null;
  @Field({ description: 'short: a transfer, received whole (the missing units show in the next reconciliation).' })
  transfer: boolean;
  @Field(() => String, { nullable: true, description: 'stock_diff: the SKU code (as the 3PL wrote it when unknown).' })
  sku: string | null;
  @Field({ description: 'stock_diff: the snapshot names a SKU unknown here.' }) unknownSku: boolean;
  @Field(() => String, { nullable: true, description: 'stock_diff of an unknown SKU: the quantity as written.' })
  given: string | null;
  @Field(() => DecimalScalar, { nullable: true }) bookQty: string | null;
  @Field(() => DecimalScalar, { nullable: true }) tplQty: string | null;
  @Field(() => String, { nullable: true }) snapshotDate: string | null;
  @Field(() => [TplReviewLine]) lines: TplReviewLine[];
  @Field(() => String, { nullable: true, description: "failed, cancel_split: the refusal's error code." }) errorCode:
    string | null;
  @Field(() => [TplReviewErrorParam], { description: "failed, cancel_split: the refusal's figures." })
  errorParams: TplReviewErrorParam[];
}

/** The stored JSON as the GraphQL type; null for items written before params were kept. */
export function reviewParamsView(json: string | null): TplReviewParams | null {
  if (!json) return null;
  let p: TplReviewParamsJson;
  try {
    p = JSON.parse(json) as TplReviewParamsJson;
  } catch {
    return null;
  }
  return {
    confirmation: p.confirmation ?? null,
    request: p.request ?? null,
    source: p.source ?? null,
    transfer: !!p.transfer,
    sku: p.sku ?? null,
    unknownSku: !!p.unknownSku,
    given: p.given ?? null,
    bookQty: p.bookQty ?? null,
    tplQty: p.tplQty ?? null,
    snapshotDate: p.snapshotDate ?? null,
    lines: (p.lines ?? []).map((l) => ({
      problem: l.problem,
      line: l.line ?? null,
      sku: l.sku ?? null,
      requestedSku: l.requestedSku ?? null,
      given: l.given ?? null,
      requested: l.requested ?? null,
      confirmed: l.confirmed ?? null,
      open: l.open ?? null,
    })),
    errorCode: p.errorCode ?? null,
    errorParams: Object.entries(p.errorParams ?? {}).map(([name, value]) => ({ name, value })),
  };
}
