import { useI18n } from 'vue-i18n';
import type { RouteLocationRaw } from 'vue-router';
import { formatQty } from '@/shared/format';
import { can } from '@/shared/session';

/** What the bell and the digests need of a notification. */
export interface AlertItem {
  kind: string;
  skuId?: string | null;
  skuCode?: string | null;
  warehouseId?: string | null;
  warehouseName?: string | null;
  refId?: string | null;
  refNumber?: string | null;
  figures: {
    available?: string | null;
    safetyStock?: string | null;
    qty?: string | null;
    batchNo?: string | null;
    expiryDate?: string | null;
    supplierName?: string | null;
    qualification?: string | null;
    level?: number | null;
    dueDate?: string | null;
  };
}

/** The sentence and the link of an alert, by kind (the bell and the digest page say the same). */
export function useAlertText() {
  const { t } = useI18n();
  function text(n: AlertItem): string {
    const f = n.figures;
    const common = { sku: n.skuCode ?? '', warehouse: n.warehouseName ?? '', number: n.refNumber ?? '' };
    switch (n.kind) {
      case 'LOW_STOCK':
        return t('alerts.LOW_STOCK', {
          ...common,
          available: formatQty(f.available),
          safety: formatQty(f.safetyStock),
        });
      case 'NEAR_EXPIRY':
      case 'EXPIRED':
        return t(`alerts.${n.kind}`, {
          ...common,
          batch: f.batchNo ?? '',
          qty: formatQty(f.qty),
          date: f.expiryDate ?? '',
        });
      case 'QUALIFICATION_LAPSING':
        return t('alerts.QUALIFICATION_LAPSING', {
          supplier: f.supplierName ?? '',
          qualification: f.qualification ?? '',
          date: f.expiryDate ?? '',
        });
      case 'PO_AWAITING_APPROVAL':
        return t('alerts.PO_AWAITING_APPROVAL', { ...common, level: f.level ?? '' });
      case 'SO_AWAITING_SHIPMENT':
        return t('alerts.SO_AWAITING_SHIPMENT', { ...common, date: f.dueDate ?? '' });
      default:
        return t('alerts.COUNT_AWAITING_APPROVAL', common);
    }
  }
  function link(n: AlertItem): RouteLocationRaw | null {
    switch (n.kind) {
      case 'LOW_STOCK':
      case 'NEAR_EXPIRY':
      case 'EXPIRED':
        return n.skuId && n.warehouseId && can('stock.balance.read')
          ? { name: 'stock-card', query: { warehouseId: n.warehouseId, skuId: n.skuId } }
          : null;
      case 'QUALIFICATION_LAPSING':
        return n.refId && can('purchasing.supplier.read') ? { name: 'supplier', params: { id: n.refId } } : null;
      case 'PO_AWAITING_APPROVAL':
        return n.refId && can('purchasing.order.read') ? { name: 'purchase-order', params: { id: n.refId } } : null;
      case 'SO_AWAITING_SHIPMENT':
        return n.refId && can('sales.order.read') ? { name: 'sales-order', params: { id: n.refId } } : null;
      default:
        return n.refId && can('stock.count.read') ? { name: 'stocktake', params: { id: n.refId } } : null;
    }
  }
  return { text, link };
}
