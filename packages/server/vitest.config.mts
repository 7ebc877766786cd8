import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
const onMariaDb = process.env.JXC_TEST_DB === 'mariadb';

export default defineConfig({
  resolve: {
    // one graphql instance, or type-graphql's schema comes "from another realm"
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // the SQLite run takes unit and integration tests; the MariaDB run repeats the integration
    // tests there and adds the MariaDB-only ones (migrations, concurrency)
    include: onMariaDb ? ['src/**/*.int.test.ts', 'src/**/*.mariadb.test.ts'] : ['src/**/*.test.ts'],
    exclude: onMariaDb ? [] : ['src/**/*.mariadb.test.ts', 'node_modules/**'],
    setupFiles: ['reflect-metadata', './src/test/clock.ts'],
    env: { JXC_SECURITY_LOG: '0' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
