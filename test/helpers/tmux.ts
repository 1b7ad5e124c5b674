import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { BIN, NOW } from './cli.js';
import type { PtyStep, WindowSize } from './e2e.js';

/**
 * Runs nsm inside tmux, a real terminal emulator, answering prompts; returns the screen as a
 * person saw it, with lines the terminal wrapped joined back (capture-pane -J), so a line nsm
 * printed wider than the window shows up wider than the window.
 */
export function onTmux(
  args: string[],
  env: Record<string, string>,
  steps: PtyStep[],
  size: WindowSize = { cols: 80, rows: 40 },
): { screen: string; status: number; seen: string[] } {
  const socket = `nsm-test-${randomUUID()}`;
  const tmux = (...a: string[]) => {
    const r = spawnSync('tmux', ['-L', socket, '-f', '/dev/null', ...a], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${a[0]} failed: ${r.stderr}${r.error ?? ''}`);
    return r.stdout;
  };
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, BIN, ...args].map(quote).join(' ');
  const vars = { NSM_NOW: NOW, NO_COLOR: '', TERM: 'xterm-256color', ...env };
  tmux(
    'new-session',
    '-d',
    '-s',
    'nsm',
    '-x',
    String(size.cols),
    '-y',
    String(size.rows),
    ...Object.entries(vars).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
    `${command}; echo NSM-EXIT:$?; sleep 60`,
  );
  const screen = () => tmux('capture-pane', '-p', '-J', '-S', '-', '-t', 'nsm');
  const waitFor = (text: string): string => {
    const deadline = Date.now() + 15_000;
    for (let shown = screen(); ; shown = screen()) {
      if (shown.includes(text)) return shown;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(text)}:\n${shown}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
    }
  };
  try {
    // The screen as it stood before each answer: prompts redraw, so errors vanish later.
    const seen: string[] = [];
    for (const step of steps) {
      seen.push(waitFor(step.expect));
      tmux('send-keys', '-t', 'nsm', '-l', step.send);
    }
    const shown = waitFor('NSM-EXIT:');
    const status = Number(/NSM-EXIT:(\d+)/.exec(shown)![1]);
    return { screen: shown.slice(0, shown.indexOf('NSM-EXIT:')), status, seen };
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server']);
  }
}
