import { errorCodeText } from '@/shared/errors';
import { formatQty } from '@/shared/format';
import { i18n } from '@/shared/i18n';
import type { TplPageQuery } from '@/gql/graphql';

type Review = TplPageQuery['tplReviews'][number];
type Line = NonNullable<Review['params']>['lines'][number];

/** One line a review item is about, in words (quantities as decimal strings, formatted). */
function lineText(l: Line): string {
  const { t } = i18n.global;
  const args = {
    sku: l.sku ?? '',
    what: l.sku ?? l.line ?? '',
    requestedSku: l.requestedSku ?? '',
    given: l.given ?? '',
    requested: formatQty(l.requested),
    confirmed: formatQty(l.confirmed),
    open: formatQty(l.open),
  };
  switch (l.problem) {
    case 'short':
    case 'over':
    case 'not_requested':
    case 'bad_qty':
    case 'wrong_sku':
      return t(`tpl.review.lines.${l.problem}`, args);
    default:
      return t('tpl.review.lines.other', args);
  }
}

/**
 * A 3PL review item in the reader's language, from its params (the server's `detail` is English,
 * for API clients). Items from before params were kept say what their kind means.
 */
export function reviewText(r: Review): string {
  const { t } = i18n.global;
  const p = r.params;
  if (!p) return t(`tpl.review.legacy.${r.kind}`);
  const sep = t('common.listSeparator');
  const lines = p.lines.map(lineText).join(sep);
  const base = { confirmation: p.confirmation ?? '', request: p.request ?? '', source: p.source ?? '', lines };
  switch (r.kind) {
    case 'short':
      return t(p.transfer ? 'tpl.review.shortTransfer' : 'tpl.review.short', base);
    case 'over':
      return t('tpl.review.over', base);
    case 'unknown_request':
      return t('tpl.review.unknownRequest', base);
    case 'cancelled':
      return t('tpl.review.cancelled', base);
    case 'failed':
      return t('tpl.review.failed', {
        ...base,
        error: errorCodeText(p.errorCode ?? 'UNKNOWN', Object.fromEntries(p.errorParams.map((x) => [x.name, x.value]))),
      });
    case 'cancel_split':
      return t('tpl.review.cancelSplit', {
        ...base,
        error: errorCodeText(p.errorCode ?? 'UNKNOWN', Object.fromEntries(p.errorParams.map((x) => [x.name, x.value]))),
      });
    case 'stock_diff':
      return p.unknownSku
        ? t('tpl.review.stockUnknown', { date: p.snapshotDate ?? '', sku: p.sku ?? '', given: p.given ?? '' })
        : t('tpl.review.stockDiff', {
            date: p.snapshotDate ?? '',
            sku: p.sku ?? '',
            bookQty: formatQty(p.bookQty),
            tplQty: formatQty(p.tplQty),
          });
    default:
      return t(`tpl.review.legacy.${r.kind}`);
  }
}
