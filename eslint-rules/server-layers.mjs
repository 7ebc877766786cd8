// The server's import rule, as one lint rule (see ARCHITECTURE.md, "Layers and module faces"):
//   core    imports only core (it receives entities, migrations and services from the composition root)
//   domain  imports only domain and core (pure rules: no module, no database)
//   a module imports core, domain, its own files, and another module only through its face
//           (`../<module>`, i.e. modules/<module>/index.ts); never the composition root
//           What a face exports as an entity class serves relations and GraphQL field types only:
//           a module never queries another's entity (no find/getRepository/createQueryBuilder/join/
//           insert/update/delete on a class imported from another module)
//   SQL     a module's SQL names its own tables (and core's): it never writes another module's table
//           (UPDATE, INSERT INTO, DELETE FROM, lockRows), and reads one only where the `reads` option
//           lists the file with the tables (reports that join for filtering and sorting)
// The composition root (app, schema, services, entities, database, seed, demo, cli, main) wires
// everything and may import any file. Tests seed and assert through any table, but reach another module
// only through its face or src/test/* (fixtures.ts re-exports the entities tests check and builds users/roles).
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.join('packages', 'server', 'src') + path.sep;

/** Where a file sits: core, domain, a module by name, or the root. */
function placeOf(file) {
  const i = file.lastIndexOf(SRC);
  if (i < 0) return null;
  const rel = file.slice(i + SRC.length).split(path.sep);
  if (rel[0] === 'core') return { layer: 'core' };
  if (rel[0] === 'domain') return { layer: 'domain' };
  if (rel[0] === 'modules' && rel.length > 2) return { layer: 'module', module: rel[1], rest: rel.slice(2) };
  if (rel[0] === 'modules' && rel.length === 2)
    return { layer: 'module', module: rel[1].replace(/\.[cm]?[jt]s$/, ''), rest: [] };
  return { layer: 'root' };
}

/** Who owns each table: `@Entity('t')` and `@JoinTable({ name: 't' })` under modules/<m>/ and core/ (read once per lint run). */
const owners = new Map();
function tableOwners(srcRoot) {
  if (owners.has(srcRoot)) return owners.get(srcRoot);
  const map = new Map();
  const walk = (dir, owner) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, owner);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
        const text = fs.readFileSync(p, 'utf8');
        for (const m of text.matchAll(/@Entity\(\s*'([a-z0-9_]+)'|@JoinTable\(\{\s*name:\s*'([a-z0-9_]+)'/g))
          map.set(m[1] ?? m[2], owner);
      }
    }
  };
  walk(path.join(srcRoot, 'core'), 'core');
  const modules = path.join(srcRoot, 'modules');
  for (const e of fs.existsSync(modules) ? fs.readdirSync(modules, { withFileTypes: true }) : [])
    if (e.isDirectory()) walk(path.join(modules, e.name), e.name);
  owners.set(srcRoot, map);
  return map;
}

/** TypeORM calls whose first argument is the entity they query or write. */
const ENTITY_CALLS = new Set([
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'count',
  'countBy',
  'exists',
  'existsBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'getRepository',
  'createQueryBuilder',
  'innerJoin',
  'leftJoin',
  'innerJoinAndSelect',
  'leftJoinAndSelect',
  'innerJoinAndMapOne',
  'leftJoinAndMapOne',
  'from',
  'into',
  'insert',
  'update',
  'upsert',
  'delete',
  'softDelete',
  'restore',
  'save',
  'remove',
  'create',
  'merge',
  'preload',
  'increment',
  'decrement',
  'clear',
]);

const WRITES = /\b(?:UPDATE|INSERT\s+INTO|REPLACE\s+INTO|DELETE\s+FROM)\s+`?([a-z_][a-z0-9_]*)/g;
const READS = /\b(?:FROM|JOIN)\s+`?([a-z_][a-z0-9_]*)/g;

const isTest = (file) => /\.test\.[cm]?[jt]s$/.test(file);
const isFace = (rest) => rest.length === 0 || (rest.length === 1 && /^index(\.[cm]?[jt]s)?$/.test(rest[0]));

/** A module's internal file (not its face) that `source`, imported from `file`, names: { module, face } or null. */
function foreignInternal(file, from, source) {
  if (typeof source !== 'string' || !source.startsWith('.')) return null;
  const to = placeOf(path.resolve(path.dirname(file), source));
  if (!to || to.layer !== 'module' || isFace(to.rest)) return null;
  if (from.layer === 'module' && to.module === from.module) return null;
  const face = path.relative(
    path.dirname(file),
    path.join(file.slice(0, file.lastIndexOf(SRC) + SRC.length), 'modules', to.module),
  );
  return { module: to.module, face: face.split(path.sep).join('/') };
}

/** Tests (any layer, root included) may import anything except another module's internal files. */
function testRules(context, file, from) {
  const check = (node, source) => {
    const hit = foreignInternal(file, from, source);
    if (hit) context.report({ node, messageId: 'testInternal', data: { ...hit, target: source } });
  };
  return {
    ImportDeclaration: (node) => check(node.source, node.source.value),
    ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
    ExportAllDeclaration: (node) => check(node.source, node.source.value),
    ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
  };
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'core below everything, domain pure, modules only through each other’s index.ts' },
    schema: [
      {
        type: 'object',
        properties: {
          modules: { type: 'boolean' },
          // 'modules/<m>/<file>.ts' → tables of other modules that report may read in SQL
          reads: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      coreUp: 'core imports nothing above it ({{target}}): take it as a parameter from the composition root.',
      domainUp: 'domain is pure: it imports only domain and core, not {{target}}.',
      moduleRoot:
        'A module does not import the composition root ({{target}}); use ctx.services or a constructor argument.',
      moduleInternal:
        "Import another module only through its face: '{{face}}' (modules/{{module}}/index.ts), not {{target}}. Export it there deliberately if other modules need it.",
      testInternal:
        "A test reaches another module only through its face '{{face}}' (modules/{{module}}/index.ts) or src/test/fixtures.ts, not {{target}}. Re-export what tests need in src/test/fixtures.ts.",
      foreignEntity:
        '{{name}} belongs to the {{module}} module: use it for relations and GraphQL types only, and ask the {{module}} face for its rows (a lookup function or service), never query it here.',
      foreignWrite:
        'The {{module}} module owns table {{table}}: only it writes (or locks) it. Offer the change through its face (modules/{{module}}/index.ts).',
      foreignRead:
        "The {{module}} module owns table {{table}}: read it through its face (modules/{{module}}/index.ts), or list this report under the rule's `reads` option in eslint.config.mjs.",
    },
  },
  create(context) {
    const file = context.filename;
    const from = placeOf(file);
    if (!from) return {};
    if (isTest(file)) return context.options[0]?.modules === false ? {} : testRules(context, file, from);
    if (from.layer === 'root') return {};
    const modules = context.options[0]?.modules !== false;
    const reads = context.options[0]?.reads ?? {};
    const srcRoot = file.slice(0, file.lastIndexOf(SRC) + SRC.length);
    const rel = file.slice(srcRoot.length).split(path.sep).join('/');
    /** local names imported (as values) from another module, and which */
    const foreign = new Map();
    const otherModule = (source) => {
      if (from.layer !== 'module' || typeof source !== 'string' || !source.startsWith('.')) return null;
      const to = placeOf(path.resolve(path.dirname(file), source));
      return to && to.layer === 'module' && to.module !== from.module ? to.module : null;
    };
    const sqlOwner = (table) => {
      const owner = tableOwners(srcRoot).get(table);
      return owner && owner !== 'core' && owner !== from.module ? owner : null;
    };
    const checkSql = (node, text) => {
      if (from.layer !== 'module' || !text) return;
      for (const m of text.matchAll(WRITES)) {
        const module = sqlOwner(m[1]);
        if (module) context.report({ node, messageId: 'foreignWrite', data: { table: m[1], module } });
      }
      for (const m of text.matchAll(READS)) {
        const module = sqlOwner(m[1]);
        if (module && !(reads[rel] ?? []).includes(m[1]) && !/DELETE\s+$/.test(text.slice(0, m.index)))
          context.report({ node, messageId: 'foreignRead', data: { table: m[1], module } });
      }
    };
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = placeOf(path.resolve(path.dirname(file), source));
      if (!to) return;
      const target = source;
      if (from.layer === 'core' && to.layer !== 'core') context.report({ node, messageId: 'coreUp', data: { target } });
      else if (from.layer === 'domain' && to.layer !== 'domain' && to.layer !== 'core')
        context.report({ node, messageId: 'domainUp', data: { target } });
      else if (from.layer === 'module') {
        if (to.layer === 'root') context.report({ node, messageId: 'moduleRoot', data: { target } });
        else if (to.layer === 'module' && to.module !== from.module && !isFace(to.rest) && modules) {
          const face = path.relative(
            path.dirname(file),
            path.join(file.slice(0, file.lastIndexOf(SRC) + SRC.length), 'modules', to.module),
          );
          context.report({
            node,
            messageId: 'moduleInternal',
            data: { target, module: to.module, face: face.split(path.sep).join('/') },
          });
        }
      }
    };
    return {
      ImportDeclaration: (node) => {
        check(node.source, node.source.value);
        const module = node.importKind === 'type' ? null : otherModule(node.source.value);
        if (module)
          for (const sp of node.specifiers)
            if (sp.type === 'ImportSpecifier' && sp.importKind !== 'type') foreign.set(sp.local.name, module);
      },
      CallExpression: (node) => {
        const callee = node.callee;
        const name =
          callee.type === 'MemberExpression' && callee.property.type === 'Identifier'
            ? callee.property.name
            : callee.type === 'Identifier'
              ? callee.name
              : null;
        const first = node.arguments[0];
        if (name && ENTITY_CALLS.has(name) && first?.type === 'Identifier' && foreign.has(first.name))
          context.report({
            node: first,
            messageId: 'foreignEntity',
            data: { name: first.name, module: foreign.get(first.name) },
          });
        const table = node.arguments[1];
        if (
          name === 'lockRows' &&
          table?.type === 'Literal' &&
          typeof table.value === 'string' &&
          from.layer === 'module'
        ) {
          const module = sqlOwner(table.value);
          if (module) context.report({ node: table, messageId: 'foreignWrite', data: { table: table.value, module } });
        }
      },
      Literal: (node) => typeof node.value === 'string' && checkSql(node, node.value),
      TemplateLiteral: (node) => checkSql(node, node.quasis.map((q) => q.value.cooked ?? q.value.raw).join(' ${} ')),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
