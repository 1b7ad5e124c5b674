#!/usr/bin/env node
// The parse floor of bench/run.mjs: the least a command that reads the store can take, a Node
// process that reads the store file and parses its JSON, nothing more.
//
//   node bench/floors/parse.mjs <store.json>

import { readFileSync } from 'node:fs';

const [path] = process.argv.slice(2);
if (!path) {
  process.stderr.write('usage: node bench/floors/parse.mjs <store.json>\n');
  process.exit(2);
}
JSON.parse(readFileSync(path, 'utf8'));
