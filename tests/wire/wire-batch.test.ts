/**
 * The files of one poll settled in one transaction (ADR 0024) keep every guarantee of one file at
 * a time: each file settled whole or not at all (a bad file in the middle refuses only itself),
 * the screens told only once the lot is on disk, each file applied once across a restart.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase, type Db } from '../../server/db/connection.ts';
import { readPaXref } from '../../server/wire/pa-seats.ts';
import { createElectionService } from '../../server/services/election-service.ts';
import { createWireService, type WireService } from '../../server/services/wire-service.ts';
import { importBaseline } from '../../server/services/import-service.ts';
import { dataFile } from '../../server/config/data-dir.ts';
import type { ElectionUpdate } from '../../shared/protocol/schemas.ts';
import { tempDir } from '../support/server.ts';
import { baseline2019, file, preset, result, seat } from '../support/wire.ts';

const xref = readPaXref(dataFile('pa/ONS-PA-xref.csv'));

describe('a batch of wire files', () => {
  let db: Db;
  let wire: WireService;
  afterEach(() => {
    wire?.close();
    if (db?.open) db.close();
  });

  function open(dbPath: string, onUpdate: (update: ElectionUpdate) => void = () => {}) {
    db = openDatabase(dbPath);
    const elections = createElectionService({ db, onUpdate });
    wire = createWireService({ db, elections, xref: () => xref });
    return elections;
  }

  test('settles each file whole: a malformed one in the middle refuses only itself; updates go out after the commit; a restart applies nothing twice', () => {
    const dbPath = path.join(tempDir(), 'batch.sqlite');
    const seeded = openDatabase(dbPath);
    importBaseline(seeded, preset.election, baseline2019);
    seeded.close();

    const [aldershot, barking, bedford] = [seat('Aldershot'), seat('Barking'), seat('Bedford')];
    const files = [
      { name: file('result', aldershot, 1), xml: result(aldershot, 1) },
      { name: file('result', barking, 1), xml: result(barking, 1).slice(0, 400) },
      { name: file('result', bedford, 1), xml: result(bedford, 1) },
    ];
    // Each update, as it is sent, checked against a second connection: it must already be on disk.
    const onDisk: boolean[] = [];
    const reader = new Database(dbPath, { readonly: true });
    open(dbPath, (update) => onDisk.push(reader.prepare('SELECT 1 FROM declaration_versions WHERE seq = ?').get(update.seq) !== undefined));
    const outcomes = wire.receiveMany('ge2019', files);
    expect(outcomes.map((o) => o.outcome)).toEqual(['applied', 'refused', 'applied']);
    expect(outcomes[1].note).toMatch(/not well-formed XML/);
    expect(onDisk).toEqual([true, true]);
    expect(reader.prepare('SELECT seat_code FROM declaration_versions ORDER BY seq').pluck().all()).toEqual([aldershot.code, bedford.code]);
    expect(reader.prepare('SELECT name FROM wire_files ORDER BY id').pluck().all()).toEqual([files[0].name, files[2].name]);
    reader.close();
    wire.close();
    db.close();

    // After a restart: the two settled files are not applied again; the good copy of the third is.
    const elections = open(dbPath);
    const again = wire.receiveMany('ge2019', [files[0], { ...files[1], xml: result(barking, 1) }, files[2]]);
    expect(again.map((o) => [o.outcome, o.note])).toEqual([
      ['skipped', 'already settled'],
      ['applied', 'declared'],
      ['skipped', 'already settled'],
    ]);
    expect(elections.head('ge2019').seq).toBe(3);
    expect(elections.house('ge2019').declared).toBe(3);
  });
});
