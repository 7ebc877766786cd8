import type { CombinedError } from '@urql/core';
import { ElMessage } from 'element-plus';
import { i18n } from './i18n';

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

/** The first server error, translated from its `extensions.code` (never the raw server text alone). */
export function describeError(error: CombinedError | Error | null | undefined): DescribedError | null {
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
    text += ' ' + fields.map((f) => fieldLabel(f.field)).join(t('common.listSeparator'));
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
  for (const f of d.fields) {
    const key = f.field.split('.').pop()!;
    fields[key] ??= rules[key] ?? t('common.fieldInvalid', { field: labels[key] ?? fieldLabel(key) });
  }
  const named = Object.keys(fields).map((k) => labels[k] ?? fieldLabel(k));
  return { code: d.code, text: `${t('errors.BAD_USER_INPUT')} ${named.join(t('common.listSeparator'))}`, fields };
}

export function fieldLabel(field: string): string {
  const key = `fields.${field}`;
  return i18n.global.te(key) ? i18n.global.t(key) : field;
}

/** A toast with the translated error; returns the code so callers can react (e.g. reload on CONFLICT). */
export function showError(error: CombinedError | Error | null | undefined): string | undefined {
  const d = describeError(error);
  if (!d) return undefined;
  if (d.code === 'UNAUTHENTICATED' || d.code === 'SESSION_EXPIRED') {
    ElMessage({ type: 'warning', message: d.text, grouping: true });
  } else {
    ElMessage({ type: 'error', message: d.text, grouping: true, duration: 5000, customClass: `err-${d.code}` });
  }
  return d.code;
}
