import { useI18n } from 'vue-i18n';

/**
 * Audit codes in words: an action `salesOrder.confirm` is its subject and its verb (销售订单 · 确认), an
 * entity type `SalesOrder` is the same subject. A code with no words yet shows as it is.
 */
export function useAuditLabels() {
  const { t, te } = useI18n();
  const subject = (code: string) => {
    const k = code.charAt(0).toLowerCase() + code.slice(1);
    return te(`audit.subjects.${k}`) ? t(`audit.subjects.${k}`) : null;
  };
  const action = (code: string) => {
    const whole = `audit.actions.${code.replace(/\./g, '_')}`;
    if (te(whole)) return t(whole);
    const [head, ...rest] = code.split('.');
    const s = subject(head);
    const verbKey = `audit.verbs.${rest.join('_')}`;
    if (s && rest.length && te(verbKey)) return `${s} · ${t(verbKey)}`;
    return s && rest.length ? `${s} · ${rest.join('.')}` : code;
  };
  const entityType = (code: string | null | undefined) => (code ? (subject(code) ?? code) : '');
  return { action, entityType };
}
