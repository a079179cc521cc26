import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { defaultContinuity } from '../../server/import/party-continuity.ts';
import { tallyNight } from '../../server/import/tally-night.ts';
import { readPaFileName } from '../../server/wire/pa-file-name.ts';
import { planPaNight } from '../../server/wire/pa-night.ts';
import { readPaXml, type PaMessage } from '../../server/wire/pa-reader.ts';
import { readPaXref } from '../../server/wire/pa-seats.ts';
import { partyFromPa } from '../../shared/wire/pa-parties.ts';

describe('a PA-format rehearsal night from the Library’s 2019 files', () => {
  const preset = PRESETS.ge2019;
  const results = readHocCandidates(dataFile(preset.results));
  const baseline = readBaselineSeats(dataFile(preset.baseline));
  const continuity = defaultContinuity();
  const drops = planPaNight({
    election: { name: 'Test General Election', date: '2019-12-12' },
    prefix: 'Test_General_Election',
    results,
    baseline,
    continuity,
    xref: readPaXref(dataFile('pa/ONS-PA-xref.csv')),
    seed: 2019,
    totalSeats: 650,
  });
  const read = drops.map((d) => {
    const named = readPaFileName(d.name);
    if (!named.ok) throw new Error(`${d.name}: ${named.reason}`);
    const message = readPaXml(named.file.kind, d.xml);
    if (!message.ok) throw new Error(`${d.name}: ${message.reason}`);
    return { ...d, file: named.file, message: message.message };
  });
  const of = (kind: PaMessage['kind']) => read.filter((r) => r.file.kind === kind);

  test('every file is named and written as the strict reader reads it, each name once, marked TEST', () => {
    expect(new Set(drops.map((d) => d.name)).size).toBe(drops.length);
    expect(drops.every((d) => d.name.startsWith('Test_General_Election_'))).toBe(true);
    expect(of('nominations')).toHaveLength(650);
    expect(of('rush').length).toBeGreaterThan(150);
    expect(of('recount').length).toBeGreaterThanOrEqual(2);
    expect(of('result').filter((r) => r.file.revision === 2).length).toBeGreaterThanOrEqual(5);
    expect(of('SOP').map((r) => r.file.revision)).toEqual([50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600, 650]);
    expect(drops.every((d, i) => i === 0 || drops[i - 1].at <= d.at)).toBe(true);
  });

  test("a seat's last result revision is the Library's own figures; a rush comes before its result", () => {
    const last = new Map<number, (typeof read)[number]>();
    for (const r of of('result'))
      if ((last.get(r.file.constituency!)?.file.revision ?? 0) < r.file.revision) last.set(r.file.constituency!, r);
    expect(last.size).toBe(650);
    const library = new Set(
      results.map((r) =>
        r.candidates
          .map((c) => `${c.name}:${c.votes}`)
          .sort()
          .join('|'),
      ),
    );
    for (const r of last.values()) {
      if (r.message.kind !== 'result') throw new Error('not a result');
      expect(
        library.has(
          r.message.candidates
            .map((c) => `${c.name}:${c.votes}`)
            .sort()
            .join('|'),
        ),
        r.name,
      ).toBe(true);
    }
    const firstResult = new Map<number, number>();
    for (const r of of('result')) if (!firstResult.has(r.file.constituency!)) firstResult.set(r.file.constituency!, r.at);
    for (const rush of of('rush')) expect(rush.at).toBeLessThan(firstResult.get(rush.file.constituency!)!);
  });

  test("the last state of parties is the offline tally's party table", () => {
    const sop = of('SOP').at(-1)!.message;
    if (sop.kind !== 'SOP') throw new Error('not a SOP');
    const tally = tallyNight({ baseline, results, continuity, totalSeats: 650 });
    expect(sop.parties.map((p) => ({ party: partyFromPa(p.abbreviation), seats: p.seats, gains: p.gains, losses: p.losses }))).toEqual(
      tally.house.partyTable.map((r) => ({ party: r.party, seats: r.seats, gains: r.gains, losses: r.losses })),
    );
  });
});
