import { useI18n } from 'vue-i18n';

/**
 * The server writes each step's arithmetic with its variable names (`onHand + onOrder − reserved = 12 + 0 − 2`);
 * on screen the names are words in the user's language (现有库存 + 在途 − 已预留 = 12 + 0 − 2). Numbers and
 * operators stay as they are; a name with no words yet shows as it is.
 */
export function useFormulaText() {
  const { t, te } = useI18n();
  const term = (name: string) => {
    for (const k of [`purchasing.replenishment.formulaTerms.${name}`, `purchasing.replenishment.steps.${name}`]) {
      if (te(k)) return t(k);
    }
    return name;
  };
  return (formula: string) =>
    formula
      .replace(/sum of the daily forecast, days/g, () => term('sumOfForecast'))
      .replace(/\bday (\d+)/g, (_m, n: string) => t('purchasing.replenishment.formulaTerms.day', { n }))
      .replace(/→ no order/g, () => `→ ${term('noOrder')}`)
      .replace(/\b[a-z][a-zA-Z]*[A-Z][a-zA-Z]*\b|\b(?:reserved|decimals|packs)\b/g, (w) => term(w));
}
