#!/usr/bin/env node
import module from 'node:module';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `nsm: needs Node.js 22.12 or newer, this is ${process.versions.node} — install Node.js 22.12 or newer, or run it from its folder with: npm run nsm -- <command>\n`,
  );
  process.exit(1);
}
// Meeting times are New York times whatever the machine's zone. The process takes New York as its
// own zone so that its Dates give New York offsets straight from the zone data; asking Intl costs
// about 20 ms on first use (src/domain/zone.ts). nsm starts no other program.
process.env.TZ = 'America/New_York';
const args = process.argv.slice(2);
// The version alone loads nothing else (scripts ask for it often, and it should answer at once).
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  module.enableCompileCache?.();
  // A reader that stops early (`nsm --help | head`) closes the pipe: output is no longer wanted,
  // and any change to the store was finished before anything was printed.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code !== 'EPIPE') throw error;
      process.exit(process.exitCode ?? 0);
    });
  }
  // Ctrl-C and SIGTERM end any command at once, with the shell's codes. Exiting runs the 'exit'
  // listeners a write in progress has set: they release the store's lock and remove its temporary
  // file, so the store is left as it was or as it became (a file is replaced by one rename).
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  const require = module.createRequire(import.meta.url);
  const bundle = require.resolve('../dist/app/main.cjs');
  if (args[0] === '__agent') {
    // A background agent (src/agent/server.ts), started by an everyday command on a database store.
    await require(bundle).serveAgent(bundle);
  } else {
    // An agent of this user's, when one is listening, runs an everyday command on a database store
    // with its connection and loaded code; otherwise (null) the command runs here. Its launcher is
    // a few KB, so a command that runs here pays almost nothing for asking.
    const status = agentsMayListen()
      ? await require('../dist/app/agent-client.cjs').runThroughAgent(args, bundle)
      : null;
    // One CommonJS file (scripts/bundle.mjs): loaded by require, it starts faster than ES modules.
    process.exitCode = status ?? (await require(bundle).main(args));
  }
}

/**
 * Whether an agent may be listening: its folder exists (as src/agent/address.ts names it). A user
 * who never ran nsm on a database has none, and pays nothing more for the agent than this look.
 */
function agentsMayListen() {
  const env = process.env;
  if (env.NSM_AGENT === 'off') return false;
  const folder = env.XDG_RUNTIME_DIR
    ? `${env.XDG_RUNTIME_DIR}/nsm`
    : `${process.getBuiltinModule('node:os').tmpdir()}/nsm-${process.getuid?.() ?? 'user'}`;
  return process.getBuiltinModule('node:fs').existsSync(folder);
}
