#!/usr/bin/env node
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `nsm: needs Node.js 22.12 or newer, this is ${process.versions.node} — install Node.js 22.12 or newer, or run it from its folder with: npm run nsm -- <command>\n`,
  );
  process.exit(1);
}
module.enableCompileCache?.();
// A reader that stops early (`nsm --help | head`) closes the pipe: output is no longer wanted,
// and any change to the store was finished before anything was printed.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
}
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv.slice(2));
