#!/usr/bin/env node
// The write floor of bench/run.mjs: the least a command that changes the store can take. A Node
// process that reads and parses the store, turns it back into JSON and replaces a scratch copy
// durably, the way nsm replaces its store: write a temporary file beside it, fsync it, rename it
// over the scratch copy, fsync the folder so the rename survives a power cut.
//
//   node bench/floors/write.mjs <store.json> <scratch.json>
//
// The scratch copy is replaced, never the store itself.

import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const [path, scratch] = process.argv.slice(2);
if (!path || !scratch) {
  process.stderr.write('usage: node bench/floors/write.mjs <store.json> <scratch.json>\n');
  process.exit(2);
}

const store = JSON.parse(readFileSync(path, 'utf8'));
const text = JSON.stringify(store) + '\n';

const folder = dirname(scratch);
const temp = join(folder, `.${basename(scratch)}.${process.pid}.tmp`);
const file = openSync(temp, 'w', 0o600);
try {
  writeFileSync(file, text);
  fsyncSync(file);
} finally {
  closeSync(file);
}
renameSync(temp, scratch);
const dir = openSync(folder, 'r');
try {
  fsyncSync(dir);
} finally {
  closeSync(dir);
}
