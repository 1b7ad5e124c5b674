import { describe, expect, it } from 'vitest';
import { clean } from '../../src/render/icalendar.js';
import { demoStore } from '../helpers/demo.js';
import { HOSTILE, hostileDemoStore, meetingsOf, meetingsOfSector, must } from './fixtures.js';
import { expectWellFramed, parseCalendar, physicalLines, unfoldedLines } from './ics.js';

/** What stored text can and cannot do to a calendar: private text stays out, hostile text stays text. */

describe('private issues', () => {
  const SECRET = {
    summary: 'Loud parties at 123 Elm St apt 2, reported by Jane Doe',
    location: '123 Elm St apt 2',
    raisedBy: 'Jane Doe',
    details: 'She asked not to be named; call her at 555-0100',
  };

  it('show only their id and category; their text appears in no calendar or feed', async () => {
    const store = await demoStore();
    const { held } = await meetingsOfSector(store, '75A');
    const raised = JSON.parse(
      (
        await must(
          [
            'issue',
            'raise',
            '--meeting',
            held.id,
            '--category',
            'noise',
            '--summary',
            SECRET.summary,
            '--location',
            SECRET.location,
            '--raised-by',
            SECRET.raisedBy,
            '--details',
            SECRET.details,
            '--private',
            '--json',
          ],
          store,
        )
      ).stdout,
    ) as { id: string };
    const outputs = [
      (await must(['calendar', '--sector', '75A'], store)).stdout,
      (await must(['calendar', '--precinct', 'all'], store)).stdout,
      (await must(['calendar', '--sector', '75A', '--json'], store)).stdout,
    ];
    for (const text of outputs) {
      for (const secret of [...Object.values(SECRET), 'Elm St', 'Jane', '555-0100'])
        expect(text).not.toContain(secret);
    }
    const calendar = parseCalendar(outputs[0]!);
    const upcoming = calendar.events.filter(
      (e) => e.status === 'CONFIRMED' && e.start > new Date(held.start).toISOString(),
    );
    expect(upcoming.length).toBeGreaterThan(0);
    for (const event of upcoming)
      expect(event.description).toContain(`- ${raised.id} (noise): details withheld (private).`);
    // A public issue keeps its text.
    expect(upcoming[0]!.description).toContain('Cars speeding on the avenue at school dismissal');
  });
});

describe('hostile stored text', () => {
  it('is escaped: it never starts a property or a component, and reads back as the text stored', async () => {
    const store = await hostileDemoStore();
    const text = (await must(['calendar', '--sector', '75B'], store)).stdout;
    const bytes = Buffer.from(text);
    expectWellFramed(bytes);
    // No injected line: every unfolded line is one the writer meant.
    const lines = unfoldedLines(bytes);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(6);
    expect(lines.some((l) => /^(SUMMARY:injected|LOCATION:evil|DTSTART:19700101)/.test(l))).toBe(false);
    expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const calendar = parseCalendar(text);
    const meetings = (await meetingsOf(store)).filter((m) => m.sector === '75B');
    expect(calendar.events).toHaveLength(meetings.length);
    const hostile = calendar.events.find((e) => e.summary.startsWith('Town hall'))!;
    expect(hostile.summary).toBe(`${HOSTILE.title} (sector 75B)`);
    expect(hostile.location).toBe(HOSTILE.location.replace('\r\n', '\n'));
    expect(hostile.description).toContain('Bell and nul[31m red; a,b\\c\nDTSTART:19700101T000000Z');
    // The raw lines carry the escapes RFC 5545 asks for.
    expect(lines.find((l) => l.startsWith('SUMMARY:Town hall'))).toBe(
      'SUMMARY:Town hall\\; budget\\, "safety" & C:\\\\temp\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:injected (sector 75B)',
    );
  });

  it('clean() drops control characters but keeps newlines, tabs and every printable character', () => {
    expect(clean('a\u0000b\u0007c\u001b[0m\u007fd\u009be')).toBe('abc[0mde');
    expect(clean('one\r\ntwo\rthree\nfour\tfive')).toBe('one\ntwo\nthree\nfour\tfive');
    expect(clean('Nguyễn Thị Hoa 🚓 ; , \\ :')).toBe('Nguyễn Thị Hoa 🚓 ; , \\ :');
    expect(clean('half \ud83d pair')).toBe('half \ufffd pair');
  });
});

describe('line folding', () => {
  it('folds at 75 octets between characters, never inside one, whatever the offset', async () => {
    const store = await demoStore();
    const name = 'Nguyễn Thị Hoa';
    await must(['nco', 'add', '--name', name, '--shield', '31337', '--precinct', '75'], store);
    const nco = JSON.parse((await must(['nco', 'list', '--json'], store)).stdout) as Array<{
      id: string;
      name: string;
    }>;
    await must(['nco', 'assign', nco.find((n) => n.name === name)!.id, '75C'], store);
    // Titles whose multi-byte characters fall on every byte position of a fold.
    for (let pad = 0; pad < 4; pad++)
      await must(
        [
          'meeting',
          'schedule',
          '--sector',
          '75C',
          '--at',
          `2027-0${5 + pad}-20 19:00`,
          '--title',
          `${'x'.repeat(pad)}Họp An toàn Khu phố 🚓 với ${name}, ${name}, ${name}, ${name}`,
          '--force',
        ],
        store,
      );
    const text = (await must(['calendar', '--sector', '75C'], store)).stdout;
    const bytes = Buffer.from(text);
    expectWellFramed(bytes);
    const folded = physicalLines(bytes).filter((l) => l[0] === 0x20);
    expect(folded.length).toBeGreaterThan(10);
    const calendar = parseCalendar(text);
    for (let pad = 0; pad < 4; pad++)
      expect(calendar.events.map((e) => e.summary)).toContain(
        `${'x'.repeat(pad)}Họp An toàn Khu phố 🚓 với ${name}, ${name}, ${name}, ${name} (sector 75C)`,
      );
    for (const event of calendar.events.filter((e) => e.start > '2026-11-27'))
      expect(event.description).toContain(name);
  });
});
