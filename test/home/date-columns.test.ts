import { describe, expect, it } from 'vitest';
import { personMode } from '../../src/render/cells.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { day, table, when } from '../../src/render/view.js';

const NOW = new Date('2026-11-26T17:00:00Z');
const LONG = '75th Precinct Community Room, 1000 Sutter Avenue, Brooklyn, New York 11208';

/** The home screen's tables put a long time next to long text; the text is what wraps. */
describe('a terminal table with a date or time column', () => {
  it('keeps each date and time on one line and wraps the text beside it', async () => {
    const blocks = [
      table(['ID', 'When', 'Where'], [['M2', when('2026-12-08T19:00:00-05:00'), LONG]]),
      table(['ID', 'Summary', 'Due'], [['S3', LONG, day('2026-10-09', true)]]),
    ];
    const out = await renderTerminal(blocks, { color: false, width: 80, mode: await personMode(NOW) });
    const lines = out.split('\n');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
    expect(out).toContain('Tue Dec 8 2026, 7:00 PM (in 12 days)');
    expect(out).toContain('2026-10-09 (overdue by 1 month)');
    // The text went on to further lines, the rest of those rows blank.
    expect(lines.filter((l) => /^│ +│ +│ \S/.test(l)).length).toBeGreaterThan(1);
    expect(lines.filter((l) => /^│ +│ \S.*│ +│$/.test(l)).length).toBeGreaterThan(1);
  });

  it('still fits a terminal too narrow for the dates: then they wrap too', async () => {
    const blocks = [table(['When', 'Where'], [[when('2026-12-08T19:00:00-05:00'), LONG]])];
    const out = await renderTerminal(blocks, { color: false, width: 40, mode: await personMode(NOW) });
    for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(40);
  });
});
