/**
 * PA's nominations set the candidate list the desk offers for a seat (ADR 0024): a nominations
 * file on a real FTP server changes GET .../candidates (the desk's list for entry, and the
 * screens' reference); a later revision is a new version, the earlier kept; the same list again
 * changes nothing.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listVersions } from '../../server/db/candidate-versions-repo.ts';
import { nominationsXml } from '../../server/wire/pa-writer.ts';
import type { WireSource } from '../../server/wire/wire-source.ts';
import { request } from '../support/session.ts';
import { ELECTION, file, lander, seat, untilLogged as untilSettled, type WireNight, wireNight } from '../support/wire.ts';

describe("PA's nominations update the desk's candidate lists", () => {
  let night: WireNight;
  let uploader: WireSource;
  let land: ReturnType<typeof lander>;
  const untilLogged = (name: string) => untilSettled(night.server, name);
  const listOf = async (code: string) =>
    (await request(night.server, 'GET', '/api/elections/ge2019/candidates', undefined, { origin: null })).body[code];

  beforeAll(async () => {
    night = await wireNight({ intervalMs: 200, nominationsEveryMs: 200, timeoutMs: 1500 });
    uploader = night.ftp.uploader();
    land = lander(uploader, 'nominations');
  }, 60_000);

  afterAll(async () => {
    await uploader?.close();
    await night?.close();
  });

  test('a nominations file sets the list, a later revision is a new version with the earlier kept, the same list again changes nothing', async () => {
    const bedford = seat('Bedford');
    expect(await listOf(bedford.code)).toBeUndefined();
    const first = bedford.candidates.map(({ name, party }) => ({ name, party }));
    await land(file('nominations', bedford, 1), nominationsXml(ELECTION, bedford.out, bedford.candidates, 1));
    expect(await untilLogged(file('nominations', bedford, 1))).toMatchObject({ outcome: 'applied' });
    expect(await listOf(bedford.code)).toEqual(first);

    // A candidate withdraws: revision 2 lists the rest.
    const second = bedford.candidates.slice(0, -1);
    await land(file('nominations', bedford, 2), nominationsXml(ELECTION, bedford.out, second, 2));
    expect(await untilLogged(file('nominations', bedford, 2))).toMatchObject({ outcome: 'applied' });
    expect(await listOf(bedford.code)).toEqual(second.map(({ name, party }) => ({ name, party })));

    await land(file('nominations', bedford, 3), nominationsXml(ELECTION, bedford.out, second, 3));
    expect(await untilLogged(file('nominations', bedford, 3))).toMatchObject({
      outcome: 'skipped',
      note: `the same ${second.length} candidates as the list held`,
    });

    // Nothing deleted: both versions are on disk, the first as it was.
    const db = new Database(night.server.dbPath, { readonly: true });
    try {
      const versions = listVersions(db, 'ge2019', bedford.code);
      expect(versions.map((v) => [v.version, v.candidates.length, v.enteredBy])).toEqual([
        [1, first.length, 'PA wire'],
        [2, second.length, 'PA wire'],
      ]);
      expect(versions[0].candidates).toEqual(first);
    } finally {
      db.close();
    }
  });
});
