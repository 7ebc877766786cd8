import type { CombinedError } from '@urql/core';
import { describeError, fieldProblemText, pathLabel, type FieldLabels } from '@/shared/errors';
import { i18n } from '@/shared/i18n';

export interface DocumentError {
  code: string;
  /** The translated message for the whole document. */
  text: string;
  /** Problems per line index (0-based), translated. */
  lines: Record<number, string[]>;
  /** Header fields the server complained about (last path segment). */
  fields: Record<string, string>;
}

const LINE_PATH = /^lines\[(\d+)\]\.?(.*)$/;

/**
 * A document error for DocForm/LineEditor: the translated message plus what it says about each
 * line — INSUFFICIENT_STOCK (details.lines: [{ index, short, date? }]) and BAD_USER_INPUT with
 * field paths such as `lines[2].qty`.
 */
export function documentError(
  error: CombinedError | Error | null | undefined,
  extraLabels: FieldLabels = {},
  /** The row the user sees for the server's line index (a form that does not send its blank rows). */
  row: (index: number) => number = (i) => i,
): DocumentError | null {
  const d = describeError(error);
  if (!d) return null;
  const { t } = i18n.global;
  const combined = error as CombinedError;
  const first = combined.graphQLErrors?.find((g) => g.extensions?.code) ?? combined.graphQLErrors?.[0];
  const details = (first?.extensions?.details ?? {}) as Record<string, any>;
  const lines: Record<number, string[]> = {};
  const fields: Record<string, string> = {};
  const add = (i: number, msg: string) => (lines[i] ??= []).push(msg);
  let text = d.text;

  if (d.code === 'INSUFFICIENT_STOCK' && Array.isArray(details.lines)) {
    const parts: string[] = [];
    for (const l of details.lines as { index: number; short: string; date?: string }[]) {
      const msg = l.date
        ? t('docForm.shortOn', { short: l.short, date: l.date })
        : t('docForm.short', { short: l.short });
      add(l.index, msg);
      parts.push(t('docForm.lineN', { n: row(l.index) + 1 }) + ' ' + msg);
    }
    text = `${d.text} ${parts.join(t('common.listSeparator'))}`;
  } else if (d.code === 'EXPIRY_REASON_REQUIRED' && Array.isArray(details.lines)) {
    const parts: string[] = [];
    for (const l of details.lines as { index: number; expired: boolean; daysLeft: number | null }[]) {
      const when = l.expired
        ? t('docForm.expiredDays', { n: -(l.daysLeft ?? 0) })
        : t('docForm.expiresInDays', { n: l.daysLeft ?? 0 });
      add(l.index, t('docForm.expiryReasonMissing', { when }));
      parts.push(`${t('docForm.lineN', { n: row(l.index) + 1 })} ${when}`);
    }
    text = `${d.text} ${parts.join(t('common.listSeparator'))}`;
  } else if ((d.code === 'STOCK_EXPIRED' || d.code === 'STOCK_QUARANTINED') && Array.isArray(details.lines)) {
    for (const l of details.lines as { index: number; expired?: string; quarantined?: string }[]) {
      if (l.expired) add(l.index, t('docForm.expiredLine', { n: l.expired }));
      if (l.quarantined) add(l.index, t('docForm.quarantinedLine', { n: l.quarantined }));
    }
  } else if (d.code === 'BAD_USER_INPUT' && d.fields.length) {
    const labels = { ...docLabels(d.fields.map((f) => f.field)), ...extraLabels };
    const parts = new Set<string>();
    for (const f of d.fields) {
      const m = LINE_PATH.exec(f.field);
      if (m) {
        const i = Number(m[1]);
        const label = m[2] ? pathLabel(m[2], labels) : '';
        add(i, label ? t('docForm.fieldInvalid', { field: label }) : t('docForm.lineInvalid'));
      } else {
        fields[f.field.split('.').pop()!] = fieldProblemText(f, { labels });
      }
      // never the path itself: "第 3 行 数量", a label, or "某项输入有误"
      parts.add(fieldProblemText(f, { labels, row }));
    }
    text = `${t('errors.BAD_USER_INPUT')} ${[...parts].join(t('common.listSeparator'))}`;
  }
  return { code: d.code, text, lines, fields };
}

/** The document form's words (docForm.fields.*) for the names in the server's paths. */
function docLabels(paths: string[]): FieldLabels {
  const { t, te } = i18n.global;
  const out: FieldLabels = {};
  for (const p of paths)
    for (const name of p.split(/[.[\]]+/))
      if (name && te(`docForm.fields.${name}`)) out[name] = t(`docForm.fields.${name}`);
  return out;
}

/** A fresh idempotency key (crypto.randomUUID where the page is a secure context). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * Idempotency keys per action: a click gets a fresh key, but a retry after a network error (the
 * server may or may not have done it) sends the same key again, so the server answers with the
 * first result instead of doing it twice.
 */
export function useIdempotencyKeys() {
  const pending = new Map<string, string>();
  return {
    key(action: string): string {
      let k = pending.get(action);
      if (!k) {
        k = newIdempotencyKey();
        pending.set(action, k);
      }
      return k;
    },
    /** After an answer: keep the key only when the request may not have reached the server. */
    settle(action: string, error: CombinedError | undefined | null) {
      const networkOnly = !!error?.networkError && !error.graphQLErrors?.length;
      if (!networkOnly) pending.delete(action);
    },
  };
}
