import { describe, expect, test } from 'vitest';
import { loadBaselineFile } from '../../server/baseline/load-article-baseline.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { rankCandidates } from '../../shared/domain/declaration.ts';
import { canonicalParty } from '../../shared/domain/party.ts';
import { ARTICLE_BASELINE } from '../support/server.ts';

const { parties, continuity } = loadBaselineFile(ARTICLE_BASELINE);

describe('every party that won a seat has its full name', () => {
  for (const file of [
    'HoC-GE2017-results-by-candidate.csv',
    'HoC-GE2019-results-by-candidate.csv',
    'HoC-GE2024-results-by-candidate.csv',
  ]) {
    test(file, () => {
      const winners = new Set(
        readHocCandidates(dataFile(file)).map((seat) => canonicalParty(rankCandidates(seat.candidates)[0].party, continuity)),
      );
      const unnamed = [...winners].filter((code) => {
        const party = parties.find((p) => p.code === code);
        return !party || party.name === code;
      });
      expect(unnamed).toEqual([]);
    });
  }

  test('the Green Party, the Liberal Democrats and the Alliance Party by their names', () => {
    const name = (code: string) => parties.find((p) => p.code === code)?.name;
    expect([name('Green'), name('LD'), name('APNI')]).toEqual(['Green Party', 'Liberal Democrats', 'Alliance Party']);
  });
});
