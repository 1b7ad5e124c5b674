#!/usr/bin/env node
// Bundles the command-line program into dist/app (run by `npm run build`, after tsc).
//
// Loaded file by file, nsm's modules and its packages' took about 90 files for a command that
// only reads the store; Node resolves, reads and links each one, and that cost as much as the
// command itself on a small store. esbuild puts them in a few files, split so that each command
// still loads only what it runs (the code behind every dynamic import() stays in a chunk of its
// own). The chunks sit next to main.js, two folders below the project, where the data files are
// found (src/reference/reference.ts). pdfkit and fontkit read their own data files at run time,
// so they stay in node_modules; they are loaded only to print a PDF.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names change with their content: last build's would pile up.
rmSync('dist/app', { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/cli/main.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22.12',
  outdir: 'dist/app',
  chunkNames: '[name]-[hash]',
  external: ['pdfkit', 'fontkit'],
  // commander is CommonJS: its require() calls are all of Node's own modules.
  banner: { js: 'const require = (id) => process.getBuiltinModule(id);' },
  logLevel: 'warning',
});
