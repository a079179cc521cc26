import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dataFile } from '../config/data-dir.ts';
import { paFileName, readPaFileName } from './pa-file-name.ts';
import { readPaXml } from './pa-reader.ts';

const RESULT = `<?xml version="1.0" encoding="UTF-8"?>
<FirstPastThePostResult declarationTime="2019-12-13T02:31:00+00:00" revision="1">
  <Election name="General Election" date="2019-12-12">
    <Constituency number="7" name="Aldershot" electorate="72617" turnout="48950"
        winningParty="C" gainOrHold="hold" sittingParty="C" majority="16698">
      <Candidate paId="11" firstName="Leo" surname="Docherty" elected="*">
        <Party abbreviation="C" name="Conservative" votes="27980"/></Candidate>
      <Candidate paId="12" firstName="Howard" surname="Kaye"><Party abbreviation="Lab" name="Labour" votes="11282"/></Candidate>
    </Constituency>
  </Election>
</FirstPastThePostResult>`;

describe("PA's file names", () => {
  test('a seat file is read from the right, the election part keeping its underscores', () => {
    expect(readPaFileName('Test_General_Election_result_7_2.xml')).toEqual({
      ok: true,
      file: {
        name: 'Test_General_Election_result_7_2.xml',
        election: 'Test_General_Election',
        kind: 'result',
        constituency: 7,
        revision: 2,
      },
    });
    for (const kind of ['nominations', 'rush', 'recount'] as const) {
      expect(readPaFileName(`General_Election_${kind}_650_1.xml`)).toMatchObject({
        ok: true,
        file: { kind, constituency: 650, revision: 1 },
      });
    }
  });

  test("a state of parties is {Election}_SOP_{Revision}, as PA's own test file is named", () => {
    expect(readPaFileName('Test_General_Election_SOP_650.xml')).toMatchObject({
      ok: true,
      file: { kind: 'SOP', constituency: null, revision: 650 },
    });
  });

  test('anything else is refused with the names expected', () => {
    for (const name of [
      '.timestamp',
      'General_Election_result_7.xml',
      'General_Election_declaration_7_1.xml',
      'General_Election_result_7_1.xml.part',
      'General_Election_result_x_1.xml',
    ]) {
      expect(readPaFileName(name)).toMatchObject({ ok: false, reason: expect.stringContaining('{Election}_') });
    }
  });

  test('names written by the generator read back the same', () => {
    const file = { election: 'Test_General_Election', kind: 'rush' as const, constituency: 12, revision: 3 };
    expect(readPaFileName(paFileName(file))).toEqual({ ok: true, file: { ...file, name: 'Test_General_Election_rush_12_3.xml' } });
  });
});

describe("PA's XML, read strictly", () => {
  test('a result gives the seat, the figures and who is elected', () => {
    const read = readPaXml('result', RESULT);
    expect(read).toEqual({
      ok: true,
      message: {
        kind: 'result',
        election: 'General Election',
        number: 7,
        name: 'Aldershot',
        revision: 1,
        declarationTime: '2019-12-13T02:31:00+00:00',
        electorate: 72617,
        turnout: 48950,
        gainOrHold: 'hold',
        winningParty: 'C',
        sittingParty: 'C',
        majority: 16698,
        candidates: [
          { paId: 11, name: 'Leo Docherty', party: { abbreviation: 'C', name: 'Conservative' }, votes: 27980, elected: true },
          { paId: 12, name: 'Howard Kaye', party: { abbreviation: 'Lab', name: 'Labour' }, votes: 11282, elected: false },
        ],
      },
    });
  });

  test("PA's real state-of-parties test file reads, absent seats, gains and losses as zero", () => {
    const read = readPaXml('SOP', readFileSync(dataFile('pa/Test_General_Election_SOP_650.xml'), 'utf8'));
    if (!read.ok) throw new Error(read.reason);
    expect(read.message).toMatchObject({
      kind: 'SOP',
      election: 'Test General Election',
      numberOfResults: 650,
      totalNumberOfConstituencies: 650,
    });
    if (read.message.kind !== 'SOP') throw new Error('not a SOP');
    expect(read.message.parties).toHaveLength(134);
    expect(read.message.parties[0]).toEqual({
      abbreviation: 'Lab',
      name: 'Labour',
      seats: 285,
      gains: 160,
      losses: 132,
      votes: 10753799,
      share: 36.98,
    });
    expect(read.message.parties.find((p) => p.abbreviation === 'UKIP')).toMatchObject({ seats: 5, gains: 3, losses: 0 });
    expect(read.message.parties.reduce((sum, p) => sum + p.seats, 0)).toBe(650);
  });

  test('a half-uploaded file is not well-formed XML, and says so', () => {
    for (const cut of [40, 200, RESULT.length - 30]) {
      expect(readPaXml('result', RESULT.slice(0, cut))).toMatchObject({ ok: false, reason: expect.stringMatching(/^not well-formed XML/) });
    }
    expect(readPaXml('result', '')).toMatchObject({ ok: false, reason: expect.stringContaining('empty') });
  });

  test('an attribute or element the reader does not know is refused, named, not guessed at', () => {
    expect(readPaXml('result', RESULT.replace('majority="16698"', 'majority="16698" recountRequested="yes"'))).toEqual({
      ok: false,
      reason: 'FirstPastThePostResult/Election/Constituency: unknown attribute recountRequested',
    });
    expect(readPaXml('result', RESULT.replace('</Constituency>', '<Spoilt count="3"/></Constituency>'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unknown element Spoilt'),
    });
  });

  test('a bad figure is refused with where it is', () => {
    expect(readPaXml('result', RESULT.replace('votes="11282"', 'votes="11,282"'))).toEqual({
      ok: false,
      reason: 'FirstPastThePostResult/Election/Constituency/Candidate[2]/Party@votes: must be a whole number',
    });
    expect(readPaXml('result', RESULT.replace(' number="7"', ''))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('Constituency@number'),
    });
  });

  test('a file must hold the message its name says', () => {
    expect(readPaXml('rush', RESULT)).toEqual({
      ok: false,
      reason: 'a rush file must hold one FirstPastThePostRush element; this one holds FirstPastThePostResult',
    });
  });

  test('a rush, a recount and nominations read', () => {
    const rush =
      `<FirstPastThePostRush><Election name="GE"><Constituency number="7" name="Aldershot" gainOrHold="Gain" ` +
      `winningPartyAbbreviation="Lab" sittingPartyAbbreviation="C" paStyleMessageText="Lab GAIN FROM ` +
      `C"/></Election></FirstPastThePostRush>`;
    expect(readPaXml('rush', rush)).toEqual({
      ok: true,
      message: {
        kind: 'rush',
        election: 'GE',
        number: 7,
        name: 'Aldershot',
        gainOrHold: 'gain',
        winningParty: 'Lab',
        sittingParty: 'C',
        text: 'Lab GAIN FROM C',
      },
    });
    expect(readPaXml('recount', `<Recount><Election name="GE"><Constituency number="7" name="Aldershot"/></Election></Recount>`)).toEqual({
      ok: true,
      message: { kind: 'recount', election: 'GE', number: 7, name: 'Aldershot' },
    });
    const nominations =
      `<FirstPastThePostNominations><Election name="GE"><Constituency number="7" name="Aldershot">` +
      `<Candidate firstName="Leo" surname="Docherty"><Party abbreviation="C" name="Conservative"/></Candidate>` +
      `<PreviousElection><Anything/></PreviousElection></Constituency></Election></FirstPastThePostNominations>`;
    expect(readPaXml('nominations', nominations)).toMatchObject({
      ok: true,
      message: { kind: 'nominations', number: 7, candidates: [{ name: 'Leo Docherty', party: { abbreviation: 'C' } }] },
    });
  });
});
