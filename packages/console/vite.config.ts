import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import zlib from 'node:zlib';
import vue from '@vitejs/plugin-vue';
import AutoImport from 'unplugin-auto-import/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import Components from 'unplugin-vue-components/vite';
import { defineConfig, type Plugin } from 'vite';

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build; the server sends the
 * one the browser accepts (packages/server/src/console-assets.ts). node:zlib only, no dependency.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'jxc-precompress',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs
          .readdirSync(dir, { withFileTypes: true })
          .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir)) {
        if (!/\.(js|mjs|css|html|svg|json|txt|wasm)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
            },
          }),
        );
      }
    },
  };
}

/**
 * Each chunk carries the GraphQL documents it uses, not all of them: in a queries file, `graphql(`…`)` is
 * replaced by the parsed document codegen made of that very text (`gql/gql.ts` names it, `gql/graphql.ts`
 * holds it), so a page's chunk holds its own documents. Through `graphql()` every document sat in one
 * module, and a module is one chunk of the first load: 391 KB gzipped before, 355 after. Types are
 * unchanged: the type checker still reads `graphql()`'s overloads, which return that same document.
 */
export function gqlDocuments(): Plugin {
  const dir = fileURLToPath(new URL('./src/gql/', import.meta.url));
  const files = ['gql.ts', 'graphql.ts'].map((f) => path.join(dir, f));
  let cache: { stamp: string; byText: Map<string, string> } | null = null;
  /** the text of each document, as written in a queries file, to its parsed form (an object literal) */
  const documents = () => {
    const stamp = files.map((f) => fs.statSync(f).mtimeMs).join();
    if (cache?.stamp !== stamp) {
      const parsed = new Map<string, string>();
      for (const m of fs
        .readFileSync(files[1], 'utf8')
        .matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm))
        parsed.set(m[1], m[2]);
      const byText = new Map<string, string>();
      for (const m of fs.readFileSync(files[0], 'utf8').matchAll(/^\s+("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm))
        if (parsed.has(m[2])) byText.set(JSON.parse(m[1]) as string, parsed.get(m[2])!);
      cache = { stamp, byText };
    }
    return cache.byText;
  };
  return {
    name: 'jxc-gql-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*[qQ]ueries\.ts$/.test(id)) return null;
      const importLine = "import { graphql } from '@/gql';";
      if (!code.includes(importLine)) return null;
      const byText = documents();
      files.forEach((f) => this.addWatchFile(f)); // a new codegen run transforms the queries files again
      const out = code.replace(/\bgraphql\(\s*`([^`]*)`\s*\)/g, (_, text: string) => {
        const doc = byText.get(text);
        if (!doc) throw new Error(`${id}: a graphql() document codegen has not seen; run pnpm codegen`);
        return doc;
      });
      if (/\bgraphql\(/.test(out))
        throw new Error(`${id}: graphql() used in a way this build cannot resolve to a generated document`);
      return { code: out.replace(importLine, ''), map: null };
    },
  };
}

/** What a first visit loads before any page: index.html and every script, style and preload it names, gzipped. */
export const FIRST_LOAD_BUDGET_KB = Number(process.env.JXC_CONSOLE_BUDGET_KB ?? 400);

/**
 * Fails the build when the first load grows past the budget, or when it would load ECharts (charts are
 * loaded with the pages that draw them). Prints the figure either way.
 */
function sizeBudget(): Plugin {
  let outDir = 'dist';
  return {
    name: 'jxc-size-budget',
    apply: 'build',
    enforce: 'post',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    closeBundle() {
      const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
      const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
      const gz = (f: string) => zlib.gzipSync(fs.readFileSync(path.join(outDir, f)), { level: 9 }).length;
      const sizes = files.map((f) => [f, gz(f)] as const);
      const total = sizes.reduce((a, [, n]) => a + n, 0) + zlib.gzipSync(html, { level: 9 }).length;
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      console.log(
        `[jxc] console first load: ${kb(total)} gzipped (budget ${FIRST_LOAD_BUDGET_KB} KB): index.html + ${sizes
          .map(([f, n]) => `${path.basename(f)} ${kb(n)}`)
          .join(', ')}`,
      );
      const charts = files.filter((f) => /echarts/i.test(f));
      if (charts.length)
        throw new Error(
          `the first load includes ECharts (${charts.join(', ')}): load it with the pages that draw charts`,
        );
      if (total > FIRST_LOAD_BUDGET_KB * 1024)
        throw new Error(
          `the console's first load is ${kb(total)} gzipped, over the budget of ${FIRST_LOAD_BUDGET_KB} KB`,
        );
    },
  };
}

const api = process.env.JXC_API ?? 'http://localhost:4000';

export default defineConfig({
  plugins: [
    gqlDocuments(),
    vue(),
    // Element Plus on demand: components and ElMessage/ElMessageBox with their styles
    AutoImport({ resolvers: [ElementPlusResolver()], dts: 'src/auto-imports.d.ts' }),
    Components({ resolvers: [ElementPlusResolver()], dts: 'src/components.d.ts', dirs: [] }),
    precompress(),
    sizeBudget(),
  ],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: api, changeOrigin: false, ws: true } },
  },
  build: {
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: {
        manualChunks(id: string) {
          // ECharts' core in one chunk of its own; each chart type (echarts/lib/chart/…) goes with the pages that draw it
          if (id.includes('node_modules/echarts/lib/chart/')) return undefined;
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
          if (id.includes('node_modules/element-plus')) return 'element-plus';
          return undefined;
        },
      },
    },
  },
});
