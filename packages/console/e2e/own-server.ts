import { test as base } from '@playwright/test';
import { startServer } from './server';

/**
 * A test on a server of its own: its own process, port and fresh demo SQLite file, on the same e2e clock
 * as the shared one. For the few specs whose writes would change what every other spec relies on
 * (closing a period moves the company's closedThrough, after which nothing dated on or before it posts).
 * Started once per worker that runs such a test, stopped when that worker ends; the other specs never
 * see it.
 */
export const test = base.extend<object, { ownServer: string }>({
  ownServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startServer({}, 170_000);
      await use(server.url);
      await server.stop();
    },
    // the demo seeds a fresh database: longer than a test's own steps, next to the other specs' load
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ ownServer }, use) => {
    await use(ownServer);
  },
});
