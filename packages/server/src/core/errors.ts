import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Stable error codes; the console translates each as errors.<CODE>. */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  SESSION_EXPIRED: 'SESSION_EXPIRED',
  INSUFFICIENT_STOCK: 'INSUFFICIENT_STOCK',
  INSUFFICIENT_AVAILABLE: 'INSUFFICIENT_AVAILABLE', // sales: on hand − reserved does not cover a reservation
  STOCK_EXPIRED: 'STOCK_EXPIRED', // a sale would need expired batches (they may be scrapped, returned, quarantined)
  STOCK_QUARANTINED: 'STOCK_QUARANTINED', // an issue would need stock in quarantine bins (a sale never; others name the bin)
  EXPIRY_REASON_REQUIRED: 'EXPIRY_REASON_REQUIRED', // a short-dated or expired batch is received without a reason
  STORAGE_CONDITION_MISMATCH: 'STORAGE_CONDITION_MISMATCH', // goods into a bin whose zone does not suit them (settings.storageRule REFUSE)
  COUNT_IN_PROGRESS: 'COUNT_IN_PROGRESS', // a stocktake freezes postings in this scope until it is closed
  BIN_NOT_IN_COUNT: 'BIN_NOT_IN_COUNT', // a count line for a bin outside the stocktake's scope
  SKU_NOT_IN_COUNT: 'SKU_NOT_IN_COUNT', // a count line for a SKU the stocktake does not count
  SAME_COUNTER: 'SAME_COUNTER', // the second count or the recount by someone who counted the line already
  COUNT_INCOMPLETE: 'COUNT_INCOMPLETE', // counting cannot finish while lines lack counts or a recount
  OWN_COUNT_APPROVAL: 'OWN_COUNT_APPROVAL', // approving a stocktake one counted lines of
  REASON_REQUIRED: 'REASON_REQUIRED', // a difference without its reason cannot be approved
  SKU_NOT_CLASSIFIED: 'SKU_NOT_CLASSIFIED', // a cycle count of a SKU without an ABC class
  DOCUMENT_NOT_DRAFT: 'DOCUMENT_NOT_DRAFT',
  DOCUMENT_STATE: 'DOCUMENT_STATE',
  PERIOD_CLOSED: 'PERIOD_CLOSED',
  SUPPLIER_BLOCKED: 'SUPPLIER_BLOCKED',
  SELF_APPROVAL: 'SELF_APPROVAL',
  APPROVAL_LIMIT: 'APPROVAL_LIMIT',
  ORDER_NOT_RECEIVABLE: 'ORDER_NOT_RECEIVABLE',
  ORDER_NOT_SHIPPABLE: 'ORDER_NOT_SHIPPABLE', // sales: only a confirmed or partly shipped order ships
  CREDIT_LIMIT_EXCEEDED: 'CREDIT_LIMIT_EXCEEDED',
  OVER_RECEIPT: 'OVER_RECEIPT',
  INVOICE_MISMATCH: 'INVOICE_MISMATCH',
  RECEIPT_NOT_POSTED: 'RECEIPT_NOT_POSTED', // a landed cost on a receipt without posted (accepted) goods
  LANDED_COST_NO_WEIGHT: 'LANDED_COST_NO_WEIGHT', // allocation by weight while the catalogue keeps no weight
  LANDED_COST_BASIS_ZERO: 'LANDED_COST_BASIS_ZERO', // the receipt's lines add up to zero by the chosen basis
  LANDED_COST_NOT_DRAFT: 'LANDED_COST_NOT_DRAFT', // only a draft landed cost can be posted
  LANDED_COST_CANCELLED: 'LANDED_COST_CANCELLED', // a landed cost cancelled already
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  INVALID_DECIMAL: 'INVALID_DECIMAL',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  BATCHING_DISABLED: 'BATCHING_DISABLED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  DB_UNAVAILABLE: 'DB_UNAVAILABLE',
  QUERY_TOO_LARGE: 'QUERY_TOO_LARGE', // more characters or tokens than the limit
  RESPONSE_TOO_LARGE: 'RESPONSE_TOO_LARGE', // more objects and list rows than the limit
  EXECUTION_TIMEOUT: 'EXECUTION_TIMEOUT', // ran longer than the limit; cancelled, nothing saved
  BAD_REQUEST: 'BAD_REQUEST', // the body is not a GraphQL request (not JSON, corrupt, no query)
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE', // a content type or charset the API does not read
  ORIGIN_NOT_ALLOWED: 'ORIGIN_NOT_ALLOWED', // a browser request from a site that is not the console's
  OPERATION_NOT_ALLOWED: 'OPERATION_NOT_ALLOWED', // queries and mutations over WebSocket
  PASSWORD_CHANGE_REQUIRED: 'PASSWORD_CHANGE_REQUIRED', // a generated password must be changed first
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS', // too many failed sign-ins from this address
  // promotions and coupons (the engine's bad input, and a coupon an order cannot use)
  PROMOTION_INVALID_DISCOUNT: 'PROMOTION_INVALID_DISCOUNT', // a negative discount or a percent above 100
  PROMOTION_INVALID_RULE: 'PROMOTION_INVALID_RULE', // a rule the engine cannot read (a tier without figures …)
  PROMOTION_EXCLUSIVE_OVERLAP: 'PROMOTION_EXCLUSIVE_OVERLAP', // exclusive ones of one priority that can meet: unordered
  PROMOTION_EXCLUSIVE_AMBIGUOUS: 'PROMOTION_EXCLUSIVE_AMBIGUOUS', // two exclusive ones tie on a cart
  PROMOTION_GIFT_NO_STOCK: 'PROMOTION_GIFT_NO_STOCK', // a gift SKU with no stock anywhere
  CART_INVALID: 'CART_INVALID',
  COUPON_INVALID: 'COUPON_INVALID',
  COUPON_UNKNOWN: 'COUPON_UNKNOWN',
  COUPON_INACTIVE: 'COUPON_INACTIVE', // its batch was withdrawn
  COUPON_NOT_YET_VALID: 'COUPON_NOT_YET_VALID',
  COUPON_EXPIRED: 'COUPON_EXPIRED',
  COUPON_USED_UP: 'COUPON_USED_UP',
  COUPON_OTHER_CUSTOMER: 'COUPON_OTHER_CUSTOMER',
  COUPON_CUSTOMER_LIMIT: 'COUPON_CUSTOMER_LIMIT',
  COUPON_SAME_BATCH: 'COUPON_SAME_BATCH',
  COUPON_NO_LINES: 'COUPON_NO_LINES',
  COUPON_BELOW_MIN_SPEND: 'COUPON_BELOW_MIN_SPEND',
  DRAW_ODDS_OVER_100: 'DRAW_ODDS_OVER_100', // a lucky draw's prizes' odds add up to more than 100 %
  DRAW_INVALID_ODDS: 'DRAW_INVALID_ODDS', // odds ≤ 0 or finer than 0.0001 %
  DRAW_INVALID_PRIZE: 'DRAW_INVALID_PRIZE', // a prize without a quantity, a SKU or a coupon batch, or with a negative cost
  DRAW_OVER_BUDGET: 'DRAW_OVER_BUDGET', // the prizes cost more than the draw's budget
  DRAW_INVALID_SEED: 'DRAW_INVALID_SEED',
  DRAW_NOT_SETTLED: 'DRAW_NOT_SETTLED', // revealing a draw whose entries are not all drawn
  BIRTHDAY_NO_BATCH: 'BIRTHDAY_NO_BATCH', // birthday offers switched on without a usable coupon batch
  PRICES_CHANGED: 'PRICES_CHANGED', // confirming would price the order differently from its saved draft
  API_KEY_REVOKED: 'API_KEY_REVOKED', // the API client (or its key) was revoked
  API_KEY_EXPIRED: 'API_KEY_EXPIRED', // a key rotated out after its overlap period
  RATE_LIMITED: 'RATE_LIMITED', // an API client sent more requests per minute than its limit (HTTP 429)
  TPL_OPERATED: 'TPL_OPERATED', // a keeper posting goods in or out of a warehouse run by a 3PL (send a request instead)
  TPL_NOT_CONNECTED: 'TPL_NOT_CONNECTED', // a 3PL request for a warehouse no 3PL runs
  TPL_REQUEST_OPEN: 'TPL_REQUEST_OPEN', // a request for this order still waits for its confirmation
  TPL_UNAVAILABLE: 'TPL_UNAVAILABLE', // the 3PL did not answer or refused (shown on the connection)
  TPL_CANCEL_REFUSED: 'TPL_CANCEL_REFUSED', // the 3PL shipped the request already: its document cannot be cancelled
  TPL_REVIEW_CLOSED: 'TPL_REVIEW_CLOSED', // a 3PL review item resolved or dismissed already
  WEBHOOK_URL_INVALID: 'WEBHOOK_URL_INVALID', // a webhook URL that is not http(s)
  WEBHOOK_URL_SELF: 'WEBHOOK_URL_SELF', // a webhook URL that points to this server
  EXPORT_NOT_READY: 'EXPORT_NOT_READY', // a background export's file is asked for before it is written (or it failed)
  EXPORT_EXPIRED: 'EXPORT_EXPIRED', // a background export's file was deleted after its keeping time
  PLATFORM_UNAVAILABLE: 'PLATFORM_UNAVAILABLE', // an online platform did not answer or refused (sync error shown on the connection)
  PLATFORM_SHOP_CONNECTED: 'PLATFORM_SHOP_CONNECTED', // a shop (platform, API origin, app key) connected a second time: its orders would come twice
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldProblem {
  field: string;
  message: string;
}

/** A business error: rolls back the transaction it is thrown in and reaches the client with its code. */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode | string, message: string, details?: Record<string, unknown>) {
    super(message, { extensions: { code, ...(details ? { details } : {}) } });
  }
}

export const badInput = (problems: FieldProblem[], message = 'Some fields are not valid.') =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, { fields: problems });
export const notFound = (what: string) => new DomainError(ErrorCode.NOT_FOUND, `${what} does not exist.`);
export const forbidden = (message = 'You do not have permission to do this.', details?: Record<string, unknown>) =>
  new DomainError(ErrorCode.FORBIDDEN, message, details);
export const conflict = (currentVersion: number) =>
  new DomainError(
    ErrorCode.CONFLICT,
    'Someone else changed this record since you opened it. Reload it and apply your change again.',
    { currentVersion },
  );

const PASS_THROUGH = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

const DB_DOWN =
  /ECONNREFUSED|PROTOCOL_CONNECTION_LOST|ER_CON_COUNT_ERROR|ETIMEDOUT|Pool is closed|Connection lost|connect ECONN|ENOTFOUND|Can't add new command when connection is in closed state/i;

/** One place that decides what a client sees: known codes pass, everything else is masked. */
const GENERIC = new Set(['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'INTERNAL_SERVER_ERROR', undefined]);

/** Apollo wraps validation and variable errors in generic codes; ours (QUERY_TOO_DEEP, INVALID_DECIMAL …) sit underneath. */
function specificCode(error: unknown): string | undefined {
  let e: any = error;
  for (let i = 0; e && i < 6; i++, e = e.originalError) {
    const c = e.extensions?.code;
    if (c && !GENERIC.has(c) && (Object.values(ErrorCode) as string[]).includes(c)) return c;
  }
  return undefined;
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = specificCode(error) ?? (formatted.extensions?.code as string | undefined);
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  // TypeGraphQL's argument validation
  const validationErrors = (original as { extensions?: { validationErrors?: unknown[] } })?.extensions
    ?.validationErrors;
  if (validationErrors && Array.isArray(validationErrors)) {
    const fields = validationErrors.flatMap((v: any) =>
      Object.values(v.constraints ?? {}).map((message) => ({ field: v.property, message: String(message) })),
    );
    return {
      message: 'Some fields are not valid.',
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', details: { fields } },
    };
  }
  if (code === 'UNAUTHENTICATED' && /Access denied|You need to be authorized/i.test(formatted.message)) {
    return { message: 'Please sign in.', path: formatted.path, extensions: { code } };
  }
  if (code && PASS_THROUGH.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    const ext: Record<string, unknown> = { code };
    if (formatted.extensions?.details) ext.details = formatted.extensions.details;
    return {
      message: code === 'INVALID_DECIMAL' ? (innermostMessage(error) ?? formatted.message) : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: ext,
    };
  }
  const msg = String((original as Error)?.message ?? '') + String((original as any)?.code ?? '');
  if (DB_DOWN.test(msg)) {
    return {
      message: 'The database is not reachable. Try again in a moment.',
      path: formatted.path,
      extensions: { code: ErrorCode.DB_UNAVAILABLE },
    };
  }
  if (process.env.JXC_LOG_ERRORS !== '0') console.error('[jxc] internal error', error);
  return {
    message: 'Something went wrong on the server. The error was logged.',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

function innermostMessage(error: unknown): string | undefined {
  let e: any = error;
  let msg: string | undefined;
  for (let i = 0; e && i < 6; i++, e = e.originalError) if (e.extensions?.code === 'INVALID_DECIMAL') msg = e.message;
  return msg;
}
