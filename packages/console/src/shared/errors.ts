import type { CombinedError } from '@urql/core';
import { ElMessage } from 'element-plus';
import { currentLocale, i18n } from './i18n';

export interface FieldProblem {
  field: string;
  message: string;
}

export const KNOWN_CODES = [
  'UNAUTHENTICATED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'INVALID_DECIMAL',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'WEAK_PASSWORD',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COMPLEX',
  'TOO_MANY_ALIASES',
  'BATCHING_DISABLED',
  'PAYLOAD_TOO_LARGE',
  'DB_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'SUPPLIER_BLOCKED',
  'SELF_APPROVAL',
  'APPROVAL_LIMIT',
  'OVER_RECEIPT',
  'ORDER_NOT_RECEIVABLE',
  'INVOICE_MISMATCH',
  'INSUFFICIENT_AVAILABLE',
  'CREDIT_LIMIT_EXCEEDED',
  'ORDER_NOT_SHIPPABLE',
  'QUERY_TOO_LARGE',
  'RESPONSE_TOO_LARGE',
  'EXECUTION_TIMEOUT',
  'BAD_REQUEST',
  'UNSUPPORTED_MEDIA_TYPE',
  'ORIGIN_NOT_ALLOWED',
  'OPERATION_NOT_ALLOWED',
  'PASSWORD_CHANGE_REQUIRED',
  'TOO_MANY_ATTEMPTS',
  'COUNT_IN_PROGRESS',
  'BIN_NOT_IN_COUNT',
  'SKU_NOT_IN_COUNT',
  'SAME_COUNTER',
  'COUNT_INCOMPLETE',
  'REASON_REQUIRED',
  'OWN_COUNT_APPROVAL',
  'SKU_NOT_CLASSIFIED',
  'API_KEY_REVOKED',
  'API_KEY_EXPIRED',
  'RATE_LIMITED',
  'WEBHOOK_URL_INVALID',
  'WEBHOOK_URL_SELF',
  'PLATFORM_UNAVAILABLE',
  'PLATFORM_SHOP_CONNECTED',
] as const;

export interface DescribedError {
  code: string;
  text: string;
  fields: FieldProblem[];
}

/** A form's own words for its fields, by path (`lines[0].qty`) or by name (`qty`, `toleranceQty`). */
export type FieldLabels = Record<string, string>;

export interface DescribeOptions {
  /** The labels the form shows for its fields; they come before the shared `fields.*` words. */
  labels?: FieldLabels;
  /** The row a user sees for the server's line index (a form that leaves blank rows out). 0-based. */
  row?: (index: number) => number;
}

/** The first server error, translated from its `extensions.code` (never the raw server text alone). */
export function describeError(
  error: CombinedError | Error | null | undefined,
  options: DescribeOptions = {},
): DescribedError | null {
  if (!error) return null;
  const t = i18n.global.t;
  const te = i18n.global.te;
  const combined = error as CombinedError;
  if (combined.networkError && !combined.graphQLErrors?.length) {
    return { code: 'NETWORK', text: t('errors.NETWORK'), fields: [] };
  }
  const first = combined.graphQLErrors?.find((g) => g.extensions?.code) ?? combined.graphQLErrors?.[0];
  const code = String(first?.extensions?.code ?? 'UNKNOWN');
  const details = (first?.extensions?.details ?? {}) as Record<string, any>;
  const fields: FieldProblem[] = Array.isArray(details.fields) ? details.fields : [];
  const params: Record<string, unknown> = {};
  // plain figures of the details (credit limit, available …) can be quoted by the translation
  for (const [k, v] of Object.entries(details)) if (typeof v === 'string' || typeof v === 'number') params[k] = v;
  if (code === 'ACCOUNT_LOCKED' || code === 'TOO_MANY_ATTEMPTS')
    params.minutes = Math.max(1, Math.ceil(Number(details.retryAfterSeconds ?? 60) / 60));
  let text = errorCodeText(code, params);
  if (code === 'BAD_USER_INPUT' && fields.length) {
    const named = [...new Set(fields.map((f) => fieldProblemText(f, options)))];
    text += ' ' + named.join(t('common.listSeparator'));
  }
  if (code === 'FORBIDDEN' && Array.isArray(details.permissions) && details.permissions.length) {
    text +=
      ' ' +
      details.permissions
        .map((p: string) => (te(`permissions.${p}`) ? t(`permissions.${p}`) : p))
        .join(t('common.listSeparator'));
  }
  return { code, text, fields };
}

/** An error code in words (its figures quoted), e.g. the refusal kept with a 3PL review item. */
export function errorCodeText(code: string, params: Record<string, unknown> = {}): string {
  const { t, te } = i18n.global;
  return te(`errors.${code}`) ? t(`errors.${code}`, params) : t('errors.UNKNOWN', { code });
}

export interface FormError {
  code: string;
  /** The translated message for the form as a whole (BAD_USER_INPUT: naming the fields by their labels). */
  text: string;
  /** BAD_USER_INPUT: a translated problem per field (the path's last segment), for its form item's `error`. */
  fields: Record<string, string>;
}

/**
 * A form's error with the server's field problems put on the form's own fields, in words: the form
 * gives each field's label (as it shows it) and, where it can say what the field needs, its rule;
 * any other field reads "<label> is invalid". The server's own (English) messages are never shown.
 */
export function formError(
  error: CombinedError | Error | null | undefined,
  labels: Record<string, string>,
  rules: Record<string, string> = {},
): FormError | null {
  const d = describeError(error);
  if (!d) return null;
  if (d.code !== 'BAD_USER_INPUT' || !d.fields.length) return { code: d.code, text: d.text, fields: {} };
  const { t } = i18n.global;
  const fields: Record<string, string> = {};
  const named = new Set<string>();
  for (const f of d.fields) {
    const key = f.field.split('.').pop()!;
    const label = pathLabel(f.field, labels);
    named.add(fieldProblemText(f, { labels }));
    fields[key] ??= rules[key] ?? (label ? t('common.fieldInvalid', { field: label }) : unlabelled(f));
  }
  return { code: d.code, text: `${t('errors.BAD_USER_INPUT')} ${[...named].join(t('common.listSeparator'))}`, fields };
}

const INDEXED = /^(\w+)\[(\d+)\]$/;

/** One path segment's own word: the form's label, else the shared `fields.*` one; null for none. */
function nameLabel(name: string, labels: FieldLabels): string | null {
  if (labels[name]) return labels[name];
  const { t, te } = i18n.global;
  return te(`fields.${name}`) ? t(`fields.${name}`) : null;
}

/** Where a path points (its rows, in words) and its field's label (null: the console has none). */
function resolvePath(
  path: string,
  labels: FieldLabels,
  row?: (index: number) => number,
): { where: string[]; label: string | null } {
  if (labels[path]) return { where: [], label: labels[path] };
  const { t } = i18n.global;
  const parts = path.split('.');
  const where: string[] = [];
  let label: string | null = null;
  for (const [i, part] of parts.entries()) {
    const lastPart = i === parts.length - 1;
    const m = INDEXED.exec(part);
    if (!m) {
      // inner names (`input.`) say nothing; the last one is the field
      if (lastPart) label = nameLabel(part, labels);
      continue;
    }
    const [, name, n] = m;
    const index = Number(n);
    const own = nameLabel(name, labels);
    if (name === 'lines') where.push(t('errors.lineN', { n: (row ? row(index) : index) + 1 }));
    else if (own) where.push(`${own} ${index + 1}`);
    else if (!lastPart) where.push(t('errors.itemN', { n: index + 1 }));
    // a row as a whole (`lines[2]`) is named by its row
    if (lastPart && (name === 'lines' || own)) label = '';
  }
  return { where, label };
}

/**
 * A server field path in words, or null when the console has no words for its field (never the path):
 * `lines[2].qty` → "第 3 行 数量", `toleranceQty` → the form's label, `skus[1].barcodes` → "SKU 2 条码".
 */
export function pathLabel(path: string, labels: FieldLabels = {}, row?: (index: number) => number): string | null {
  const { where, label } = resolvePath(path, labels, row);
  return label === null ? null : [...where, label].filter(Boolean).join(' ');
}

/** A field without words in the console: the server's message in English, "某项输入有误" otherwise. */
export function unlabelled(f: FieldProblem): string {
  const { t } = i18n.global;
  return currentLocale() === 'en' && f.message ? f.message : t('errors.fieldUnnamed');
}

/** A field problem in words: the field's label, else (never the raw path) what `unlabelled` says. */
export function fieldProblemText(f: FieldProblem, options: DescribeOptions = {}): string {
  const { where, label } = resolvePath(f.field, options.labels ?? {}, options.row);
  return [...where, label ?? unlabelled(f)].filter(Boolean).join(' ');
}

/** A field's label as the console says it; a field it has no words for reads "某项输入有误", never the path. */
export function fieldLabel(field: string, labels: FieldLabels = {}): string {
  return pathLabel(field, labels) ?? i18n.global.t('errors.fieldUnnamed');
}

/** A toast with the translated error; returns the code so callers can react (e.g. reload on CONFLICT). */
export function showError(
  error: CombinedError | Error | null | undefined,
  options: DescribeOptions = {},
): string | undefined {
  const d = describeError(error, options);
  if (!d) return undefined;
  if (d.code === 'UNAUTHENTICATED' || d.code === 'SESSION_EXPIRED') {
    ElMessage({ type: 'warning', message: d.text, grouping: true });
  } else {
    ElMessage({ type: 'error', message: d.text, grouping: true, duration: 5000, customClass: `err-${d.code}` });
  }
  return d.code;
}
