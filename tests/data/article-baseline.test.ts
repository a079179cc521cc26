import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { ARTICLE_BASELINE_PATH, loadBaselineFile } from '../../server/baseline/load-article-baseline.ts';
import { articlesDir, dataFile } from '../../server/config/data-dir.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';

const realText = readFileSync(ARTICLE_BASELINE_PATH, 'utf8');
const baseline = loadBaselineFile(ARTICLE_BASELINE_PATH);
const election = (id: string) => baseline.elections.find((e) => e.id === id)!;
const article = (source: string) => readFileSync(path.resolve(articlesDir(), '..', source), 'utf8');

let tempDir: string | null = null;
afterEach(() => {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = null;
});

/** Write a changed copy of the real file to a temp folder and load it. */
function loadBroken(text: string) {
  tempDir = mkdtempSync(path.join(tmpdir(), 'article-baseline-'));
  const file = path.join(tempDir, 'article-baseline.json');
  writeFileSync(file, text);
  return () => loadBaselineFile(file);
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

describe('the article baseline file', () => {
  test('starts every article election in test mode: a practice entry is never shown as real', () => {
    expect(baseline.elections.map((e) => [e.id, e.mode])).toEqual(baseline.elections.map((e) => [e.id, 'test']));
  });

  test('loads, with the three contests the articles cover', () => {
    expect(baseline.elections.map((e) => [e.id, e.kind, e.totalSeats, e.seats.length])).toEqual([
      ['ge2017', 'general', 650, 12],
      ['ge2024', 'general', 650, 7],
      ['london-mayor-2024', 'mayoral', 1, 1],
    ]);
  });

  test('configures party continuity: Alliance is APNI, Labour and Co-operative is Labour, Brexit became Reform UK', () => {
    expect(baseline.continuity.aliases).toMatchObject({ Alliance: 'APNI', 'Lab Co-op': 'Lab', 'Labour and Co-operative': 'Lab' });
    expect(baseline.continuity.successors).toEqual({ Brexit: 'RUK' });
  });

  test('cites an article in seeds/ that exists for every seat and every note', () => {
    for (const e of baseline.elections) {
      for (const seat of e.seats) {
        for (const source of [seat.source, ...seat.notes.map((n) => n.source)]) {
          expect(source, `${e.id} ${seat.name}`).toMatch(/^seeds\/\d{3}_[0-9a-f]{16}\.txt$/);
          expect(existsSync(path.resolve(articlesDir(), '..', source)), `${e.id} ${seat.name}: ${source}`).toBe(true);
        }
      }
    }
  });

  test('takes every majority from the article it cites, never inventing one', () => {
    for (const e of baseline.elections) {
      for (const seat of e.seats) {
        if (seat.baseline.majority === undefined) continue;
        expect(article(seat.source), `${seat.name}`).toContain(seat.baseline.majority.toLocaleString('en-GB'));
      }
    }
  });

  test('gives Sutton and Cheam no majority, as the article gives none', () => {
    const sutton = election('ge2017').seats.find((s) => s.name === 'Sutton and Cheam')!;
    expect(sutton.baseline).toEqual({ party: 'Con', mp: 'Paul Scully' });
  });

  test('keeps by-elections and defections beside the baseline, not in it', () => {
    const tooting = election('ge2017').seats.find((s) => s.name === 'Tooting')!;
    expect(tooting.baseline).toMatchObject({ party: 'Lab', mp: 'Sadiq Khan', majority: 2842 });
    expect(tooting.heldAtDissolution).toEqual({ party: 'Lab', mp: 'Rosena Allin-Khan' });
    const islington = election('ge2024').seats.find((s) => s.name === 'Islington North')!;
    expect(islington.baseline).toMatchObject({ party: 'Lab', mp: 'Jeremy Corbyn', notional: true });
    expect(islington.heldAtDissolution).toEqual({ party: 'Ind', mp: 'Jeremy Corbyn' });
  });

  test('marks every 2024 baseline as notional, on the new boundaries', () => {
    expect(election('ge2024').seats.every((s) => s.baseline.notional === true)).toBe(true);
  });

  test('uses the ONS codes and names the Library gives those seats (2010 boundaries for 2017, 2024 boundaries for 2024)', () => {
    const pairs = [
      ['ge2017', 'HoC-GE2017-results-by-candidate.csv'],
      ['ge2024', 'HoC-GE2024-results-by-candidate.csv'],
    ] as const;
    for (const [id, file] of pairs) {
      const names = new Map(readHocCandidates(dataFile(file)).map((r) => [r.code, r.name]));
      for (const seat of election(id).seats) expect(names.get(seat.code), `${id} ${seat.code}`).toBe(seat.name);
    }
  });
});

describe('loadBaselineFile', () => {
  test('names the line and the field of a value the schema rejects', () => {
    const broken = realText.replace('"majority": 589', '"majority": -589');
    expect(loadBroken(broken)).toThrow(
      new RegExp(
        `article-baseline\\.json line ${lineOf(broken, '-589')} \\(elections\\[0\\]\\.seats\\[3\\]\\.baseline\\.majority\\): ` +
          `.*\\(got -589\\)`,
      ),
    );
  });

  test('points at the enclosing object when a required field is missing', () => {
    const broken = realText.replace('"baseline": { "party": "Con", "mp": "Paul Scully" }', '"baseline": { "mp": "Paul Scully" }');
    expect(loadBroken(broken)).toThrow(`line ${lineOf(broken, '"mp": "Paul Scully"')} (elections[0].seats[11].baseline.party)`);
  });

  test('rejects a party code that is not in the parties list', () => {
    const broken = realText.replace('"party": "Lab", "mp": "Rupa Huq"', '"party": "Labour", "mp": "Rupa Huq"');
    expect(loadBroken(broken)).toThrow(
      `line ${lineOf(broken, '"party": "Labour"')} (elections[0].seats[0].baseline.party): Labour is not in parties: add it there, ` +
        `or use its Library code (got "Labour")`,
    );
  });

  test('rejects a seat listed twice in one election', () => {
    const broken = realText.replace('"code": "E14000593"', '"code": "E14000674"');
    expect(loadBroken(broken)).toThrow(
      `line ${lineOf(broken, '"code": "E14000674",\n          "name": "Brentford')} (elections[0].seats[1].code): ` +
        `E14000674 is listed twice in ge2017`,
    );
  });

  test('gives the line of a JSON syntax error', () => {
    const broken = realText.replace('"majority": 274 }', '"majority": 274, }');
    expect(loadBroken(broken)).toThrow(`article-baseline.json line ${lineOf(broken, '274, }')}: not valid JSON`);
  });
});
