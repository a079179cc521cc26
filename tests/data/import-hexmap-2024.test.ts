import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PRESETS } from '../../server/cli/presets.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import { openDatabase } from '../../server/db/connection.ts';
import * as reference from '../../server/db/reference-repo.ts';
import { readHexJson } from '../../server/import/hexjson.ts';
import { readBaselineSeats } from '../../server/import/night-files.ts';
import { importBaseline, importHexMap } from '../../server/services/import-service.ts';
import { tempDir } from '../support/server.ts';

describe('importHexMap on the 2024 map', () => {
  test('gives every 2024 seat a hex, the five Scottish seats the map lists under old codes included', () => {
    const preset = PRESETS['ge2024-full'];
    const db = openDatabase(path.join(tempDir(), 'hexmap-2024.sqlite'));
    try {
      importBaseline(db, preset.election, readBaselineSeats(dataFile(preset.baseline), { notional: preset.notional }));
      const summary = importHexMap(db, preset.election.id, readHexJson(dataFile(preset.hexmap)), preset.hexmap);
      expect(summary.warnings.filter((w) => w.includes('is taken as'))).toHaveLength(5);
      expect(summary.warnings.some((w) => w.includes('have no hex'))).toBe(false);
      expect(reference.hexMapOf(db, preset.election.id)?.hexes).toHaveLength(650);
    } finally {
      db.close();
    }
  });
});
