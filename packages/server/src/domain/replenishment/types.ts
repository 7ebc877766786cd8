/**
 * One line of arithmetic, for the console to show under a suggestion. `label` is a stable key
 * (camelCase; the console translates it), `formula` the expression with the numbers filled in,
 * `value` its result as a decimal string (at most 6 decimals, trailing zeros dropped).
 */
export interface Step {
  label: string;
  formula: string;
  value: string;
  /**
   * How to say the formula in words: a stable key (the label unless the label has several
   * forms) and the numbers to put in, in order — so the console shows the formula translated.
   */
  key: string;
  args: string[];
}

export class ReplenishmentError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    /** The input field at fault. */
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ReplenishmentError';
  }
}
