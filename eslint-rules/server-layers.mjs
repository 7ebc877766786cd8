// The server's import rule, as one lint rule (see ARCHITECTURE.md, "Layers and module faces"):
//   core    imports only core (it receives entities, migrations and services from the composition root)
//   domain  imports only domain and core (pure rules: no module, no database)
//   a module imports core, domain, its own files, and another module only through its face
//           (`../<module>`, i.e. modules/<module>/index.ts); never the composition root
// The composition root (app, schema, services, entities, database, seed, demo, cli, main) wires
// everything and may import any file; so may tests (they seed and assert through any table).
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

const isTest = (file) => /\.test\.[cm]?[jt]s$/.test(file);
const isFace = (rest) => rest.length === 0 || (rest.length === 1 && /^index(\.[cm]?[jt]s)?$/.test(rest[0]));

export default {
  meta: {
    type: 'problem',
    docs: { description: 'core below everything, domain pure, modules only through each other’s index.ts' },
    schema: [
      {
        type: 'object',
        properties: { modules: { type: 'boolean' } },
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
    },
  },
  create(context) {
    const file = context.filename;
    const from = placeOf(file);
    if (!from || from.layer === 'root' || isTest(file)) return {};
    const modules = context.options[0]?.modules !== false;
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
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
