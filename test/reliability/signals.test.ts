import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, environment, bytes, initializedStore } from '../helpers/cli.js';
import { onTerminal } from '../helpers/e2e.js';
import { addArgs, readStore, type StoreJson } from '../store/store-helpers.js';
import { figure, scale } from './battery.js';

/**
 * R10: Ctrl-C or SIGTERM ends any command within a second, with 130 / 143, the store old or new,
 * the lock released (the contract's "signals" row).
 */

/** A store large enough (about 10 MB) that one write takes a good part of a second. */
function slowStore(): string {
  const store = initializedStore();
  const padded = readStore(store) as StoreJson & { precincts: Array<{ notes: string | null }> };
  padded.precincts[0]!.notes = 'x'.repeat(10_000_000);
  writeFileSync(store, JSON.stringify(padded));
  return store;
}

/** Starts `nco add`, and sends it `signal` once it holds the lock and `afterMs` more have passed. */
function signalledWriter(store: string, shield: number, signal: NodeJS.Signals, afterMs: number) {
  const env = environment({ store });
  const child = spawn(process.execPath, [BIN, ...addArgs(shield)], { env, stdio: 'ignore' });
  // msToExit is null when the write finished before the signal could be sent.
  return new Promise<{ code: number | null; msToExit: number | null }>((resolve) => {
    let sentAt = 0;
    const watch = setInterval(() => {
      if (sentAt === 0 && existsSync(`${store}.lock`)) {
        clearInterval(watch);
        setTimeout(() => {
          sentAt = Date.now();
          child.kill(signal);
        }, afterMs);
      }
    }, 2);
    child.on('exit', (code, killedBy) => {
      clearInterval(watch);
      // A signal that lands as the process is already on its way out (its handlers gone) ends it
      // by the signal itself, which a shell reports with the same status, 128 + its number.
      const status = code ?? (killedBy === 'SIGINT' ? 130 : killedBy === 'SIGTERM' ? 143 : null);
      resolve({ code: status, msToExit: sentAt === 0 ? null : Date.now() - sentAt });
    });
  });
}

function temporaryFiles(store: string): string[] {
  return readdirSync(dirname(store), { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.tmp'));
}

describe('R10: signals during a long write', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} ends it within a second with exit ${code}: the store old or new, the lock released, no debris`, async () => {
      const store = slowStore();
      const slowest: number[] = [];
      let interrupted = 0;
      let ncos = 0;
      const tries = scale(4, 20);
      for (let i = 0; i < tries; i++) {
        const before = bytes(store);
        // Spread the signal over the write: reading, validating, backing up, writing.
        const run = await signalledWriter(store, 100 + i, signal, (i * 400) / tries);
        // Exit 0 means the command had finished (its change made and reported) when the signal
        // came: that must then be true of the store.
        const finished = run.code === 0;
        if (run.msToExit === null) {
          expect(run.code).toBe(0);
        } else {
          if (!finished) expect(run.code).toBe(code);
          expect(run.msToExit).toBeLessThan(1_000);
          slowest.push(run.msToExit);
          if (!finished) interrupted++;
        }
        expect(existsSync(`${store}.lock`)).toBe(false);
        expect(temporaryFiles(store)).toEqual([]);
        // Old or new, whole: it parses, and has the NCO or not.
        const now = readStore(store).ncos.length;
        expect([ncos, ncos + 1]).toContain(now);
        if (finished) expect(now).toBe(ncos + 1);
        if (now === ncos) expect(bytes(store).equals(before)).toBe(true);
        ncos = now;
      }
      // Most signals must land inside the write, or this proves little.
      expect(interrupted).toBeGreaterThanOrEqual(tries / 4);
      figure(
        'R10',
        `${signal} during a write: slowest exit`,
        `${Math.max(...slowest)} ms (${interrupted} of ${tries} interrupted)`,
      );
    }, 120_000);
  }
});

describe('R10: signals at a prompt', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`${signal} at a prompt ends nsm within a second with exit ${code}, changing nothing`, () => {
      const store = initializedStore();
      const before = bytes(store);
      const run = onTerminal(['nco', 'add'], store, [
        { expect: "Officer's name:", send: 'Pat Doe\r' },
        { expect: 'Shield number:', signal },
      ]);
      expect(run.status, run.output).toBe(code);
      expect(run.msToExit).toBeLessThan(1_000);
      expect(bytes(store).equals(before)).toBe(true);
      expect(existsSync(`${store}.lock`)).toBe(false);
      figure('R10', `${signal} at a prompt: exit after`, `${run.msToExit} ms`);
    });
  }
});
