import { useI18n } from 'vue-i18n';

/**
 * Audit codes in words: an action `salesOrder.confirm` is its subject and its verb (销售订单 · 确认), an
 * entity type `SalesOrder` is the same subject. A code with no words yet shows as it is;
 * check:i18n fails when one the server writes has none, every mutation's generic row included.
 */
export function useAuditLabels() {
  const { t, te } = useI18n();
  const subject = (code: string) => {
    const k = code.charAt(0).toLowerCase() + code.slice(1);
    return te(`audit.subjects.${k}`) ? t(`audit.subjects.${k}`) : null;
  };
  // a mutation's generic row (`api.createSupplier`): its own words, or its verb and subject (供应商 · 新建)
  const mutation = (name: string) => {
    if (te(`audit.mutations.${name}`)) return t(`audit.mutations.${name}`);
    const m = /^([a-z]+)([A-Z]\w*)$/.exec(name);
    const s = m ? subject(m[2]) : null;
    return m && s && te(`audit.verbs.${m[1]}`) ? `${s} · ${t(`audit.verbs.${m[1]}`)}` : name;
  };
  const action = (code: string) => {
    const whole = `audit.actions.${code.replace(/\./g, '_')}`;
    if (te(whole)) return t(whole);
    if (code.startsWith('api.')) return `${t('audit.subjects.api')} · ${mutation(code.slice(4))}`;
    const [head, ...rest] = code.split('.');
    const s = subject(head);
    const verbKey = `audit.verbs.${rest.join('_')}`;
    if (s && rest.length && te(verbKey)) return `${s} · ${t(verbKey)}`;
    return s && rest.length ? `${s} · ${rest.join('.')}` : code;
  };
  const entityType = (code: string | null | undefined) => (code ? (subject(code) ?? code) : '');
  return { action, entityType };
}
