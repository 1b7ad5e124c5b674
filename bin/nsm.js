#!/usr/bin/env node
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `nsm: needs Node.js 22.12 or newer, this is ${process.versions.node} — install a current Node.js or run nsm through npm (npx nsm)\n`,
  );
  process.exit(1);
}
module.enableCompileCache?.();
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
