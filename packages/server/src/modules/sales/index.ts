/**
 * The sales module's face: what other modules may use. Nothing yet: no module needs the sales rows (it
 * registers with the stock module instead). A new need is a new export here, next to the tables.
 */
export {};
