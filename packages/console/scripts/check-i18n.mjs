#!/usr/bin/env node
// Checks the console's messages (run by `pnpm --filter @jxc/console check:i18n`, and by scripts/test.sh):
//  - zh-CN and en hold the same keys (feature files `<area>.<locale>.json` merged as src/shared/i18n.ts does);
//  - every key the source names (t('a.b'), $t('a.b'), te('a.b'), i18n keys in route meta and column
//    definitions) exists in both; a key built at run time (t(`a.b.${x}`)) needs its prefix `a.b` in both;
//  - every permission code of the generated catalogue (src/gql/permissions.ts) has a label in both;
//  - no message uses `{` for anything but a named placeholder: vue-i18n would swallow `{yyyyMMdd}`
//    (literal braces are written {'{'}yyyyMMdd{'}'});
//  - every audit action and entity type the server writes (packages/server/src) has words on the audit page.
// Exits 1 and lists what is wrong.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const localesDir = path.join(src, 'locales');
const LOCALES = ['zh-CN', 'en'];

function merge(base, extra) {
  for (const [k, v] of Object.entries(extra)) {
    if (v && typeof v === 'object' && !Array.isArray(v) && base[k] && typeof base[k] === 'object') merge(base[k], v);
    else base[k] = v;
  }
  return base;
}
function load(locale) {
  const out = JSON.parse(fs.readFileSync(path.join(localesDir, `${locale}.json`), 'utf8'));
  for (const f of fs.readdirSync(localesDir).sort()) {
    if (f.endsWith(`.${locale}.json`)) merge(out, JSON.parse(fs.readFileSync(path.join(localesDir, f), 'utf8')));
  }
  return out;
}
function flatten(obj, prefix = '', out = new Map()) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') {
      out.set(key, null);
      flatten(v, key, out);
    } else out.set(key, String(v));
  }
  return out;
}

const messages = Object.fromEntries(LOCALES.map((l) => [l, flatten(load(l))]));
const problems = [];

// 1. the same keys in both
for (const a of LOCALES) {
  for (const b of LOCALES) {
    if (a === b) continue;
    for (const [k, v] of messages[a]) {
      if (!messages[b].has(k)) problems.push(`${k}: in ${a}, missing in ${b}`);
      else if ((v === null) !== (messages[b].get(k) === null))
        problems.push(`${k}: a message in one locale, a group in the other`);
    }
  }
}

// 2. keys used in the source
function walk(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? (e.name === 'gql' ? [] : walk(path.join(dir, e.name))) : [path.join(dir, e.name)],
    )
    .filter((f) => /\.(ts|vue)$/.test(f) && !f.endsWith('.d.ts'));
}
const used = new Map(); // key -> first place
const prefixes = new Map();
const KEY = /^[a-zA-Z][\w-]*(\.[\w-]+)+$/;
for (const file of walk(src)) {
  const text = fs.readFileSync(file, 'utf8');
  const rel = path.relative(root, file);
  const at = (i) => `${rel}:${text.slice(0, i).split('\n').length}`;
  for (const m of text.matchAll(/(?<![\w.])\$?(?:t|te|tm)\(\s*'([^']+)'/g)) {
    if (KEY.test(m[1]) && !used.has(m[1])) used.set(m[1], at(m.index));
  }
  for (const m of text.matchAll(/(?<![\w.])\$?(?:t|te)\(\s*`([^`$]*)\$\{/g)) {
    const p = m[1].replace(/\.$/, '');
    if (KEY.test(p) || /^[a-zA-Z]\w*$/.test(p)) if (!prefixes.has(p)) prefixes.set(p, at(m.index));
  }
  // i18n keys in data: route meta titles, column and menu labels, message keys held in constants
  for (const m of text.matchAll(/\b(?:title|label|labelKey|titleKey|hint|messageKey):\s*'([^']+)'/g)) {
    if (KEY.test(m[1]) && !used.has(m[1])) used.set(m[1], at(m.index));
  }
}
for (const [key, where] of used) {
  for (const l of LOCALES) if (messages[l].get(key) == null) problems.push(`${key} (${where}): missing in ${l}`);
}
for (const [p, where] of prefixes) {
  for (const l of LOCALES) if (!messages[l].has(p)) problems.push(`${p}.* (${where}): no such group in ${l}`);
}

// 3. permission labels
const permFile = path.join(src, 'gql', 'permissions.ts');
if (fs.existsSync(permFile)) {
  const block = /PERMISSIONS = \[([\s\S]*?)\]/.exec(fs.readFileSync(permFile, 'utf8'))?.[1] ?? '';
  for (const m of block.matchAll(/'([^']+)'/g)) {
    for (const l of LOCALES) {
      if (messages[l].get(`permissions.${m[1]}`) == null) problems.push(`permissions.${m[1]}: no label in ${l}`);
    }
  }
}

// 4. braces: only {name} placeholders and {'…'} literals
for (const l of LOCALES) {
  for (const [k, v] of messages[l]) {
    if (v === null) continue;
    for (const m of v.matchAll(/\{('[^']*'|[^}]*)\}/g)) {
      const inner = m[1].trim();
      if (/^[A-Za-z_]\w*$/.test(inner) || /^\d$/.test(inner) || /^'[^']*'$/.test(inner)) {
        // a named or listed placeholder, or a literal: fine, unless it looks like a date pattern
        if (/^(yyyy|yy|MM|dd|HH|mm|ss|seq|yyyyMMdd|yyyyMM)$/.test(inner) && !/^'/.test(inner)) {
          problems.push(`${k} (${l}): "{${inner}}" is read as a placeholder and vanishes; write {'{'}${inner}{'}'}`);
        }
        continue;
      }
      problems.push(`${k} (${l}): "{${inner}}" is not a placeholder; write literal braces as {'{'} and {'}'}`);
    }
  }
}

// 5. audit codes in words: every action and entity type the server writes has words by the rule of
//    src/features/audit/auditLabels.ts (`audit.actions.<code, dots as _>`, or the subject of its head and
//    `audit.verbs.<rest, dots as _>`; an entity type is `audit.subjects.<lowerFirst>`), so none shows raw.
const serverSrc = path.resolve(root, '..', 'server', 'src');
function walkServer(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walkServer(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !/\.test\.ts$/.test(f));
}
// Codes built at run time (`action: \`…${x}\``), their values written out from the server's own types:
const DYNAMIC_ACTIONS = [
  // `integration.tpl.request.${r.kind}` (integration/tpl.service.ts): TplRequestKind in integration/tpl.entity.ts
  'integration.tpl.request.shipment',
  'integration.tpl.request.transfer',
  'integration.tpl.request.asn',
  // `integration.tpl.review.${action}` (integration/tpl.service.ts, resolve): action is 'adjust' | 'dismiss'
  'integration.tpl.review.adjust',
  'integration.tpl.review.dismiss',
  // `customer.${kind}.delete` (sales/customer.service.ts, removeContactOrAddress): kind is 'contact' | 'address'
  'customer.contact.delete',
  'customer.address.delete',
  // codes handed to the writer in a variable: ProductWriter.applyDraft's callers (catalog/product-writer.ts),
  // the import's rows (catalog/product-import.ts), the demo seeding's marks (seed.ts, DEMO_STARTED/FINISHED)
  'product.create',
  'product.update',
  'product.import.create',
  'product.import.update',
  'demo.seed.started',
  'demo.seed.finished',
  // `api.${fieldName}` (schema.ts, auditEveryMutation): the generic row of a mutation that wrote no precise
  // one; fieldName is a mutation name, shown as 接口 · <name>. Not enumerated here (see the audit page).
];
const DYNAMIC_PREFIXES = ['integration.tpl.request.', 'integration.tpl.review.', 'customer.', 'api.'];
const auditActions = new Map(DYNAMIC_ACTIONS.map((a) => [a, 'DYNAMIC_ACTIONS']));
const auditTypes = new Map();
let mutationCount = 0;
if (fs.existsSync(serverSrc)) {
  // (the audit module reads codes, as filters; it writes none)
  for (const file of walkServer(serverSrc).filter(
    (f) => !f.includes(`${path.sep}modules${path.sep}audit${path.sep}`),
  )) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(path.resolve(root, '..'), file);
    const at = (i) => `${rel}:${text.slice(0, i).split('\n').length}`;
    // the literals after `action:` up to the end of the expression: `action: 'a.b'`, `action: x ? 'a.b' : 'a.c'`,
    // a parameter's union type `action: 'a.b' | 'a.c'`. Audit codes are dotted (`subject.verb`); bare words
    // under `action:` are other things (a document event's 'post' | 'cancel').
    for (const m of text.matchAll(/\baction\??:\s*([^,;\n]*)/g)) {
      for (const lit of m[1].matchAll(/'([^']*)'/g)) {
        if (lit[1].includes('.') && !auditActions.has(lit[1])) auditActions.set(lit[1], at(m.index));
      }
    }
    for (const m of text.matchAll(/\bentityType\??:\s*([^,;\n]*)/g)) {
      for (const lit of m[1].matchAll(/'([^']*)'/g)) {
        if (lit[1] && !auditTypes.has(lit[1])) auditTypes.set(lit[1], at(m.index));
      }
    }
    for (const m of text.matchAll(/\baction:\s*`([^`$]*)\$\{/g)) {
      if (!DYNAMIC_PREFIXES.includes(m[1]))
        problems.push(
          `${at(m.index)}: audit action \`${m[1]}\${…}\` built at run time; list its values in DYNAMIC_ACTIONS`,
        );
    }
  }
  const has = (l, k) => messages[l].get(k) != null;
  const lowerFirst = (c) => c.charAt(0).toLowerCase() + c.slice(1);
  for (const [code, where] of auditActions) {
    for (const l of LOCALES) {
      const [head, ...rest] = code.split('.');
      const words =
        has(l, `audit.actions.${code.replace(/\./g, '_')}`) ||
        (rest.length > 0 && has(l, `audit.subjects.${lowerFirst(head)}`) && has(l, `audit.verbs.${rest.join('_')}`));
      if (!words) problems.push(`audit action ${code} (${where}): no words in ${l}`);
    }
  }
  for (const [code, where] of auditTypes) {
    for (const l of LOCALES) {
      if (!has(l, `audit.subjects.${lowerFirst(code)}`))
        problems.push(`audit entity type ${code} (${where}): no words in ${l}`);
    }
  }
  // `api.${fieldName}`: any mutation may leave the generic row, so every mutation of the schema needs words,
  // its own (audit.mutations.<name>) or its verb and subject (createSupplier: verbs.create, subjects.supplier)
  const schema = fs.readFileSync(path.resolve(root, '..', 'server', 'schema.graphql'), 'utf8');
  const body = /^type Mutation \{([\s\S]*?)^\}/m.exec(schema)?.[1] ?? '';
  for (const [, name] of body.matchAll(/^ {2}([a-zA-Z]+)[(:]/gm)) {
    mutationCount++;
    for (const l of LOCALES) {
      const m = /^([a-z]+)([A-Z]\w*)$/.exec(name);
      const words =
        has(l, `audit.mutations.${name}`) ||
        (m && has(l, `audit.verbs.${m[1]}`) && has(l, `audit.subjects.${lowerFirst(m[2])}`));
      if (!words) problems.push(`mutation ${name} (its generic audit row api.${name}): no words in ${l}`);
    }
  }
}

if (problems.length) {
  console.error(`i18n check: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(
  `i18n check: ${messages['zh-CN'].size} keys in zh-CN and en, ${used.size} keys and ${prefixes.size} key groups used in the source, ${auditActions.size} audit actions and ${auditTypes.size} entity types of the server and ${mutationCount} mutations' generic audit rows, all present`,
);
