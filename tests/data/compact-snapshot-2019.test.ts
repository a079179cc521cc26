import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, test } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { openDatabase } from '../../server/db/connection.ts';
import { readHocCandidates } from '../../server/import/hoc-candidates.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { createElectionService, type ElectionService } from '../../server/services/election-service.ts';
import { importBaseline, importCandidates } from '../../server/services/import-service.ts';
import { expandSnapshot, type CompactSnapshot, type NightReference } from '../../shared/protocol/compact-snapshot.ts';
import type { ElectionState } from '../../shared/protocol/schemas.ts';
import { tempDir } from '../support/server.ts';

/** Through JSON, as the socket and the HTTP API carry them. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const gzipKb = (value: unknown) => gzipSync(JSON.stringify(value)).length / 1024;

describe('the compact snapshot of the whole 2019 night (650 declared seats)', () => {
  const preset = PRESETS.ge2019;
  const results = readHocCandidates(dataFile(preset.results));

  function declaredNight({ candidateLists }: { candidateLists: boolean }): ElectionService {
    const db = openDatabase(path.join(tempDir(), 'night.sqlite'));
    importBaseline(db, preset.election, readBaselineSeats(dataFile(preset.baseline)));
    if (candidateLists) importCandidates(db, 'ge2019', results);
    const service = createElectionService({ db });
    // As the replay sends them: the file's parties the night does not know (no lists, no parties table here) as new on purpose.
    for (const r of results) {
      service.declare(
        'ge2019',
        { seat: r.code, candidates: r.candidates, source: 'replay', newParties: r.candidates.map((c) => c.party) },
        'desk',
      );
    }
    return service;
  }

  let withLists: { state: ElectionState; compact: CompactSnapshot; reference: NightReference };
  let baselineOnly: typeof withLists;

  beforeAll(() => {
    const read = (service: ElectionService) => {
      const compact = wire(service.snapshot('ge2019'));
      return { state: wire(service.state('ge2019')), compact, reference: wire(service.reference('ge2019')) };
    };
    withLists = read(declaredNight({ candidateLists: true }));
    baselineOnly = read(declaredNight({ candidateLists: false }));
  }, 60_000);

  test('expands to the state GET /state answers, seat for seat, with every outcome recomputed', () => {
    for (const { state, compact, reference } of [withLists, baselineOnly]) {
      const expanded = expandSnapshot(compact, reference);
      expect(expanded.seatStates).toHaveLength(650);
      expect({ ...expanded, generatedAt: state.generatedAt }).toEqual(state);
      expect(JSON.stringify(expanded.seatStates)).toBe(JSON.stringify(state.seatStates));
    }
  });

  test('is under 30 KB gzip with the candidate lists imported, against 170 KB and more for the whole state', () => {
    const { state, compact } = withLists;
    expect(gzipKb(state)).toBeGreaterThan(150);
    expect(gzipKb(compact)).toBeLessThan(30);
    // Without candidate lists, names absent from the baseline are sent in full.
    expect(gzipKb(baselineOnly.compact)).toBeLessThan(45);
  });
});
