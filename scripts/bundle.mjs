#!/usr/bin/env node
// Bundles the command-line program into dist/app (run by `npm run build`, after tsc).
//
// Start-up is most of what a command costs on a small store, and loading modules is most of
// start-up. Loaded file by file, a command that only reads the store took about 90 files; as ES
// modules split into chunks, 40, and Node's ES module loader still cost about as much as nsm's
// own code (it resolves URLs, reads package.json files and links each file, and building the
// facade of an imported node: module reads all its lazy exports). So nsm is one CommonJS file,
// dist/app/main.cjs: loaded by one require(), its modules evaluated as they are first needed
// (esbuild wraps every module reached only by import() in a function run at that import).
//
// The large packages that only some commands use are bundled apart, one CommonJS file each in
// dist/app/vendor, and loaded only by those commands: prompts, repeating meetings, calendars, the
// rollout map, tables on a terminal, CSV, the PostgreSQL client. pdfkit and fontkit read their own data files at run time, so they stay in
// node_modules; they are loaded only to print a PDF. The files sit two folders below the
// project, where the data files are found (src/reference/reference.ts).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * Package → its file in dist/app/vendor, and what that file is. nsm's bundle takes a package's
 * default export to be the file's module.exports, and its named exports, properties of it (as Node
 * does for a CommonJS module): a package with only named exports is compiled as it is, and one
 * with a default export makes that default the module.exports, with the named exports on it.
 */
const VENDOR = {
  '@inquirer/prompts': { file: 'prompts', entry: 'export * from "@inquirer/prompts";' },
  'timezones-ical-library': {
    file: 'timezones-ical-library',
    entry: 'export * from "timezones-ical-library";',
  },
  'd3-geo': { file: 'd3-geo', entry: 'export * from "d3-geo";' },
  'csv-stringify/sync': { file: 'csv-stringify', entry: 'export * from "csv-stringify/sync";' },
  'cli-table3': { file: 'cli-table3', entry: 'module.exports = require("cli-table3");' },
  rrule: { file: 'rrule', entry: 'module.exports = require("rrule");' },
  pg: { file: 'pg', entry: 'module.exports = require("pg");' },
  'ical-generator': {
    file: 'ical-generator',
    entry: 'const m = require("ical-generator"); module.exports = Object.assign(m.default, m);',
  },
};

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22.12',
  // pg-native is pg's optional binding, which nsm does not use.
  external: ['pdfkit', 'fontkit', 'pg-native'],
  // import.meta.url, for the modules that find files beside themselves, is this file's URL.
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__importMetaUrl' },
  // A third smaller, so a quarter faster to read and compile; names are kept, for stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
};

// Names change with the packages: last build's files would pile up.
rmSync('dist/app', { recursive: true, force: true });

const vendorAsExternal = {
  name: 'vendor-as-external',
  setup(bundle) {
    const names = Object.keys(VENDOR).map((name) => name.replace(/[/\\^$.*+?()[\]{}|-]/g, '\\$&'));
    bundle.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, ({ path }) => ({
      path: `./vendor/${VENDOR[path].file}.cjs`,
      external: true,
    }));
  },
};

/**
 * Node modules that load many more of Node's own (fs/promises: streams and readline;
 * child_process: net and dgram) are loaded when one of their functions is first used, not when a
 * module importing them starts: a command that reads the store uses neither. child_process is
 * commander's, for subcommands that are programs of their own (nsm has none).
 */
const LAZY_BUILTINS = ['fs/promises', 'child_process'];
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(bundle) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    bundle.onResolve({ filter }, ({ path }) => ({ path: path.replace(/^node:/, ''), namespace: 'lazy' }));
    // Each function stands in for the module's own, and loads the module at its first call. An
    // import of anything else (a constant) fails the build, so nothing is silently undefined.
    bundle.onLoad({ filter: /.*/, namespace: 'lazy' }, async ({ path }) => {
      const real = await import(`node:${path}`);
      const functions = Object.keys(real).filter(
        (key) => key !== 'default' && typeof real[key] === 'function',
      );
      const load = `let loaded; const load = () => (loaded ??= process.getBuiltinModule("node:${path}"));`;
      const named = functions.map(
        (key) => `export function ${key}(...args) { return load().${key}(...args); }`,
      );
      const whole = 'export default new Proxy({}, { get: (_, key) => load()[key] });';
      return { contents: [load, ...named, whole].join('\n'), loader: 'js' };
    });
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/app/main.cjs',
    plugins: [vendorAsExternal, lazyBuiltins],
  }),
  // The launcher's side of the agent (src/agent/client.ts): asked by every command, so on its own.
  build({
    ...common,
    entryPoints: ['src/agent/client.ts'],
    outfile: 'dist/app/agent-client.cjs',
  }),
  ...Object.values(VENDOR).map(({ file, entry }) =>
    build({
      ...common,
      stdin: { contents: entry, resolveDir: process.cwd(), loader: 'js' },
      outfile: `dist/app/vendor/${file}.cjs`,
    }),
  ),
]);
