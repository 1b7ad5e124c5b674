import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // One `nsm init` for the whole run; initializedStore() copies it.
    globalSetup: ['test/helpers/global-setup.ts'],
    // Most tests run nsm in-process and are CPU-bound; the few end-to-end ones spawn the binary.
    // Two workers keep either kind from starving the other on two cores.
    maxWorkers: 2,
    // A process per test file, not a thread: tests set TZ (which Node only honours process-wide,
    // and not at all in a worker thread) and change directory (not allowed in a thread), and a
    // fresh process keeps those changes from leaking into the next file.
    pool: 'forks',
    // No background agent (src/agent) for the binaries tests start: each test says how its commands
    // run. test/e2e/agent.test.ts turns it on, in a folder of its own.
    env: { NSM_AGENT: 'off' },
    isolate: true,
  },
});
