// MySQL/MariaDB migrations, in order. Generate a new one with `pnpm db:generate <Name>`.
export const migrations: Function[] = [];
