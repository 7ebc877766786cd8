// Every test runs at the same instant, whatever the real date: the business clock starts here and runs on.
// A test that needs another moment calls setNow() itself.
import { setNow } from '../core/dates';

export const TEST_NOW = '2026-11-25T10:00:00+08:00';
setNow(process.env.JXC_TEST_NOW || TEST_NOW);
