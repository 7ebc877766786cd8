import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServerVersion } from '../core/db-check';
import { migrations } from './index';

const dir = __dirname;
const files = fs.readdirSync(dir).filter((f) => /^\d+-.+\.ts$/.test(f) && !f.endsWith('.test.ts'));

describe('MySQL migrations name their collation', () => {
  it('every migration file is listed, in order', () => {
    const listed = migrations.map((m) => m.name);
    const named = files.sort().map((f) => {
      const [, ts, name] = /^(\d+)-(.+)\.ts$/.exec(f)!;
      return `${name.replace(/[^A-Za-z0-9]/g, '')}${ts}`;
    });
    expect(listed).toEqual(named);
  });

  it('every CREATE TABLE names utf8mb4 and utf8mb4_unicode_ci; no column names another collation', () => {
    const problems: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      for (const m of text.matchAll(/CREATE TABLE[^`]*?`([^`\\]+)\\?`[\s\S]*?ENGINE=InnoDB([^`]*)`/g)) {
        if (!/^ DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci$/.test(m[2])) problems.push(`${f}: ${m[1]}`);
      }
      for (const m of text.matchAll(/(?:CHARACTER SET|COLLATE)[ =]+(\w+)/g))
        if (!['utf8mb4', 'utf8mb4_unicode_ci'].includes(m[1])) problems.push(`${f}: ${m[0]}`);
    }
    expect(problems).toEqual([]);
  });

  it('reads the server version', () => {
    expect(parseServerVersion('10.11.19-MariaDB-0+deb12u1')).toEqual({ kind: 'MariaDB', major: 10, minor: 11 });
    expect(parseServerVersion('8.0.36')).toEqual({ kind: 'MySQL', major: 8, minor: 0 });
  });
});
