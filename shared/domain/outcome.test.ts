import { describe, expect, test } from 'vitest';
import type { PartyContinuity, SeatBaseline } from '../protocol/schemas.ts';
import { resultLabel, seatOutcome } from './outcome.ts';
import { NO_CONTINUITY } from './party.ts';

const continuity: PartyContinuity = {
  aliases: { Alliance: 'APNI', 'Labour and Co-operative': 'Lab' },
  successors: { Brexit: 'RUK' },
};

/** Baseline with full votes: Con 50%, Lab 40%, LD 10%; turnout 1,000 of 2,500 = 40%. */
const fullBaseline: SeatBaseline = {
  party: 'Con',
  mp: 'Bob Baker',
  majority: 100,
  electorate: 2500,
  votes: [
    { party: 'Con', votes: 500, name: 'Bob Baker' },
    { party: 'Lab', votes: 400, name: 'Ann Able' },
    { party: 'LD', votes: 100, name: 'Cat Clark' },
  ],
};

/** Lab 55%, Con 35%, Green 10%; turnout 1,000 of 2,000 = 50%. */
const labGain = {
  electorate: 2000,
  candidates: [
    { name: 'Bob Baker', party: 'Con', votes: 350 },
    { name: 'Ann Able', party: 'Lab', votes: 550 },
    { name: 'Gil Green', party: 'Green', votes: 100 },
  ],
};

const shareChangeOf = (outcome: ReturnType<typeof seatOutcome>, party: string) =>
  outcome.candidates.find((c) => c.party === party)!.shareChange;

describe('seatOutcome: figures for one seat', () => {
  test('names the candidate with most votes as the winner and the next as runner-up', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: fullBaseline, continuity });
    expect(outcome.winner.name).toBe('Ann Able');
    expect(outcome.runnerUp?.name).toBe('Bob Baker');
    expect(outcome.decidedByLot).toBe(false);
  });

  test('counts the majority as the winner’s votes minus the runner-up’s', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: fullBaseline, continuity });
    expect(outcome.majority).toBe(550 - 350);
  });

  test('gives the majority as a percentage of the valid vote', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: fullBaseline, continuity });
    expect(outcome.validVotes).toBe(1000);
    expect(outcome.majorityPercent).toBe(20);
  });

  test('gives the whole vote as the majority of an unopposed candidate', () => {
    const outcome = seatOutcome({
      declaration: { candidates: [{ name: 'Ann Able', party: 'Lab', votes: 12 }] },
      baseline: fullBaseline,
      continuity,
    });
    expect(outcome.runnerUp).toBeNull();
    expect(outcome.majority).toBe(12);
    expect(outcome.swing).toBeNull();
  });

  test('gives each candidate’s share of the valid vote, most votes first', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: fullBaseline, continuity });
    expect(outcome.candidates.map((c) => [c.party, c.share])).toEqual([
      ['Lab', 55],
      ['Con', 35],
      ['Green', 10],
    ]);
  });

  test('gives share change against the same party’s baseline share', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: fullBaseline, continuity });
    expect(shareChangeOf(outcome, 'Lab')).toBe(15);
    expect(shareChangeOf(outcome, 'Con')).toBe(-15);
  });

  test('gives no share change (n/a) for a party that did not stand in the baseline', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: fullBaseline, continuity });
    expect(shareChangeOf(outcome, 'Green')).toBeNull();
  });

  test('gives no share change (n/a) where the baseline has no shares', () => {
    const baseline: SeatBaseline = { party: 'Con', majority: 100 };
    const outcome = seatOutcome({ declaration: labGain, baseline, continuity });
    expect(outcome.candidates.every((c) => c.shareChange === null)).toBe(true);
  });

  test('rounds shares to two decimal places', () => {
    const outcome = seatOutcome({
      declaration: {
        candidates: [
          { name: 'A', party: 'Lab', votes: 2 },
          { name: 'B', party: 'Con', votes: 1 },
        ],
      },
      baseline: { party: 'Lab' },
      continuity,
    });
    expect(outcome.candidates.map((c) => c.share)).toEqual([66.67, 33.33]);
    expect(outcome.majorityPercent).toBe(33.33);
  });

  test('gives turnout as valid votes over the electorate', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: fullBaseline, continuity });
    expect(outcome.turnout).toBe(50);
  });

  test('gives turnout change against the baseline turnout', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: fullBaseline, continuity });
    expect(outcome.turnoutChange).toBe(10);
  });

  test('gives no turnout where the electorate is not known', () => {
    const { electorate: _, ...noElectorate } = labGain;
    const outcome = seatOutcome({ declaration: noElectorate, baseline: fullBaseline, continuity });
    expect(outcome.turnout).toBeNull();
    expect(outcome.turnoutChange).toBeNull();
  });

  test('gives no turnout change where the baseline turnout is not known', () => {
    const baseline: SeatBaseline = { party: 'Con', majority: 100, electorate: 2500 };
    const outcome = seatOutcome({ declaration: labGain, baseline, continuity });
    expect(outcome.turnout).toBe(50);
    expect(outcome.turnoutChange).toBeNull();
  });
});

describe('seatOutcome: hold or gain', () => {
  test('reads "Lab HOLD" where the baseline winner’s party wins again', () => {
    const outcome = seatOutcome({
      declaration: labGain,
      baseline: { ...fullBaseline, party: 'Lab', mp: 'Ann Able' },
      continuity,
    });
    expect(outcome.label).toEqual({ kind: 'HOLD', party: 'Lab', from: 'Lab', text: 'Lab HOLD' });
    expect(outcome.gainFor).toBeNull();
    expect(outcome.lossFor).toBeNull();
  });

  test('reads "Lab GAIN from Con" and counts a gain for Lab and a loss for Con', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: fullBaseline, continuity });
    expect(outcome.label).toEqual({ kind: 'GAIN', party: 'Lab', from: 'Con', text: 'Lab GAIN from Con' });
    expect(outcome.gainFor).toBe('Lab');
    expect(outcome.lossFor).toBe('Con');
  });

  test('reads a win in a vacant baseline seat as a gain from no party', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: { party: null }, continuity });
    expect(outcome.label.kind).toBe('GAIN');
    expect(outcome.label.from).toBeNull();
    expect(outcome.gainFor).toBe('Lab');
    expect(outcome.lossFor).toBeNull();
  });
});

describe('resultLabel: party continuity is configured', () => {
  test('reads Alliance winning an APNI seat as "APNI HOLD"', () => {
    const label = resultLabel({ name: 'Stephen Farry', party: 'Alliance' }, { party: 'APNI' }, continuity);
    expect(label.text).toBe('APNI HOLD');
  });

  test('reads Reform UK winning a Brexit Party seat as "RUK HOLD"', () => {
    const label = resultLabel({ name: 'A Candidate', party: 'RUK' }, { party: 'Brexit' }, continuity);
    expect(label.text).toBe('RUK HOLD');
  });

  test('reads Labour and Co-operative holding a Labour seat as "Lab HOLD"', () => {
    const label = resultLabel({ name: 'A Candidate', party: 'Labour and Co-operative' }, { party: 'Lab' }, continuity);
    expect(label).toEqual({ kind: 'HOLD', party: 'Lab', from: 'Lab', text: 'Lab HOLD' });
  });

  test('does not guess continuity that is not configured', () => {
    const label = resultLabel({ name: 'A Candidate', party: 'RUK' }, { party: 'Brexit' }, NO_CONTINUITY);
    expect(label.text).toBe('RUK GAIN from Brexit');
  });

  test('compares shares across an alias', () => {
    const outcome = seatOutcome({
      declaration: {
        candidates: [
          { name: 'A', party: 'Labour and Co-operative', votes: 600 },
          { name: 'B', party: 'Con', votes: 400 },
        ],
      },
      baseline: {
        party: 'Lab',
        votes: [
          { party: 'Lab', votes: 500 },
          { party: 'Con', votes: 500 },
        ],
      },
      continuity,
    });
    expect(outcome.candidates[0].shareChange).toBe(10);
    expect(outcome.swing).toEqual({ from: 'Con', to: 'Lab', points: 10 });
  });
});

describe('seatOutcome: the Speaker is not a party', () => {
  const speakerResult = {
    candidates: [
      { name: 'Lindsay Hoyle', party: 'Spk', votes: 26831 },
      { name: 'Mark Brexiter', party: 'Green', votes: 3600 },
    ],
  };

  test('reads "Spk HOLD" where the Speaker holds the Speaker’s seat, with no gain or loss', () => {
    const outcome = seatOutcome({ declaration: speakerResult, baseline: { party: 'Spk' }, continuity });
    expect(outcome.label.text).toBe('Spk HOLD');
    expect(outcome.gainFor).toBeNull();
    expect(outcome.lossFor).toBeNull();
  });

  test('reads "Spk GAIN from Lab" as a loss for Lab and a gain for no party', () => {
    const outcome = seatOutcome({ declaration: speakerResult, baseline: { party: 'Lab' }, continuity });
    expect(outcome.label.text).toBe('Spk GAIN from Lab');
    expect(outcome.gainFor).toBeNull();
    expect(outcome.lossFor).toBe('Lab');
  });

  test('reports a party winning the Speaker’s seat as a gain for that party and a loss for no party', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: { party: 'Spk' }, continuity });
    expect(outcome.label.text).toBe('Lab GAIN from Spk');
    expect(outcome.gainFor).toBe('Lab');
    expect(outcome.lossFor).toBeNull();
  });

  test('reports no swing in the Speaker’s seat', () => {
    const outcome = seatOutcome({
      declaration: speakerResult,
      baseline: {
        party: 'Spk',
        votes: [
          { party: 'Spk', votes: 30000 },
          { party: 'Green', votes: 3000 },
        ],
      },
      continuity,
    });
    expect(outcome.swing).toBeNull();
  });
});

describe('seatOutcome: independents', () => {
  const independentWins = (name: string) => ({
    candidates: [
      { name, party: 'Ind', votes: 16148 },
      { name: 'Claire Hanna', party: 'SDLP', votes: 1000 },
    ],
  });

  test('reads "Ind HOLD" where the same person held the seat, names compared', () => {
    const outcome = seatOutcome({
      declaration: independentWins('Sylvia Hermon'),
      baseline: { party: 'Ind', mp: 'Sylvia Hermon' },
      continuity,
    });
    expect(outcome.label.text).toBe('Ind HOLD');
    expect(outcome.gainFor).toBeNull();
    expect(outcome.lossFor).toBeNull();
  });

  test('compares names as people write them', () => {
    const label = resultLabel({ name: 'SYLVIA  HERMON', party: 'Ind' }, { party: 'Ind', mp: 'Sylvia Hermon' }, continuity);
    expect(label.text).toBe('Ind HOLD');
  });

  test('reads "Ind GAIN from Ind" where a different independent wins', () => {
    const outcome = seatOutcome({
      declaration: independentWins('Someone Else'),
      baseline: { party: 'Ind', mp: 'Sylvia Hermon' },
      continuity,
    });
    expect(outcome.label.text).toBe('Ind GAIN from Ind');
    expect(outcome.gainFor).toBe('Ind');
    expect(outcome.lossFor).toBe('Ind');
  });

  test('reads "Ind HOLD", as the Library does, where a winners-only baseline names no independent', () => {
    const label = resultLabel({ name: 'Someone Else', party: 'Ind' }, { party: 'Ind' }, continuity);
    expect(label.text).toBe('Ind HOLD');
  });

  test('reads "Ind GAIN from Lab" where an independent takes a party’s seat', () => {
    const outcome = seatOutcome({ declaration: independentWins('Claire Wright'), baseline: { party: 'Lab' }, continuity });
    expect(outcome.label.text).toBe('Ind GAIN from Lab');
    expect(outcome.gainFor).toBe('Ind');
    expect(outcome.lossFor).toBe('Lab');
  });

  test('gives share change for an independent only where the same person stood in the baseline', () => {
    const baseline: SeatBaseline = {
      party: 'Ind',
      mp: 'Sylvia Hermon',
      votes: [
        { party: 'Ind', votes: 600, name: 'Sylvia Hermon' },
        { party: 'Ind', votes: 100, name: 'Other Independent' },
        { party: 'SDLP', votes: 300 },
      ],
    };
    const declaration = {
      candidates: [
        { name: 'Sylvia Hermon', party: 'Ind', votes: 500 },
        { name: 'New Independent', party: 'Ind', votes: 100 },
        { name: 'Claire Hanna', party: 'SDLP', votes: 400 },
      ],
    };
    const outcome = seatOutcome({ declaration, baseline, continuity });
    const changes = Object.fromEntries(outcome.candidates.map((c) => [c.name, c.shareChange]));
    expect(changes).toEqual({ 'Sylvia Hermon': -10, 'Claire Hanna': 10, 'New Independent': null });
  });
});

describe('seatOutcome: swing', () => {
  test('gives the Butler swing between the top two parties', () => {
    // Lab 40 -> 55 (+15), Con 50 -> 35 (-15): (15 - -15) / 2 = 15 from Con to Lab.
    const outcome = seatOutcome({ declaration: labGain, baseline: fullBaseline, continuity });
    expect(outcome.swing).toEqual({ from: 'Con', to: 'Lab', points: 15 });
  });

  test('gives the swing towards the runner-up where the winner lost share', () => {
    const outcome = seatOutcome({
      declaration: {
        candidates: [
          { name: 'Bob Baker', party: 'Con', votes: 480 },
          { name: 'Ann Able', party: 'Lab', votes: 460 },
          { name: 'Cat Clark', party: 'LD', votes: 60 },
        ],
      },
      baseline: fullBaseline,
      continuity,
    });
    // Con 50 -> 48 (-2), Lab 40 -> 46 (+6): 4 from Con to Lab.
    expect(outcome.swing).toEqual({ from: 'Con', to: 'Lab', points: 4 });
  });

  test('gives no swing (n/a) where one of the top two has no baseline share', () => {
    const outcome = seatOutcome({
      declaration: {
        candidates: [
          { name: 'Ann Able', party: 'Lab', votes: 550 },
          { name: 'Gil Green', party: 'Green', votes: 350 },
          { name: 'Bob Baker', party: 'Con', votes: 100 },
        ],
      },
      baseline: fullBaseline,
      continuity,
    });
    expect(outcome.swing).toBeNull();
  });

  test('gives no swing where an independent is in the top two', () => {
    const outcome = seatOutcome({
      declaration: {
        candidates: [
          { name: 'Ann Able', party: 'Lab', votes: 550 },
          { name: 'Ivy Inman', party: 'Ind', votes: 350 },
        ],
      },
      baseline: { ...fullBaseline, votes: [...fullBaseline.votes!, { party: 'Ind', votes: 50, name: 'Ivy Inman' }] },
      continuity,
    });
    expect(outcome.swing).toBeNull();
  });

  test('carries baseline shares across a successor party', () => {
    const outcome = seatOutcome({
      declaration: {
        candidates: [
          { name: 'R', party: 'RUK', votes: 500 },
          { name: 'C', party: 'Con', votes: 500 - 100 },
          { name: 'L', party: 'Lab', votes: 100 },
        ],
      },
      baseline: {
        party: 'Con',
        votes: [
          { party: 'Con', votes: 600 },
          { party: 'Brexit', votes: 300 },
          { party: 'Lab', votes: 100 },
        ],
      },
      continuity,
    });
    // RUK 30 -> 50 (+20), Con 60 -> 40 (-20): 20 from Con to RUK.
    expect(outcome.label.text).toBe('RUK GAIN from Con');
    expect(outcome.swing).toEqual({ from: 'Con', to: 'RUK', points: 20 });
  });
});

describe('seatOutcome: a partial baseline (winner and majority only)', () => {
  const partial: SeatBaseline = { party: 'Con', mp: 'Bob Baker', majority: 165 };

  test('still reads HOLD or GAIN', () => {
    expect(seatOutcome({ declaration: labGain, baseline: partial, continuity }).label.text).toBe('Lab GAIN from Con');
    expect(seatOutcome({ declaration: labGain, baseline: { ...partial, party: 'Lab' }, continuity }).label.text).toBe('Lab HOLD');
  });

  test('gives no swing and no share change, rather than inventing them', () => {
    const outcome = seatOutcome({ declaration: labGain, baseline: partial, continuity });
    expect(outcome.swing).toBeNull();
    expect(outcome.candidates.map((c) => c.shareChange)).toEqual([null, null, null]);
    expect(outcome.turnoutChange).toBeNull();
  });

  test('treats an empty list of baseline votes as no shares', () => {
    const outcome = seatOutcome({
      declaration: labGain,
      baseline: { ...partial, votes: [], electorate: 2500 },
      continuity,
    });
    expect(outcome.swing).toBeNull();
    expect(outcome.candidates.map((c) => c.shareChange)).toEqual([null, null, null]);
    expect(outcome.turnoutChange).toBeNull();
  });
});

describe('seatOutcome: a tie decided by lot', () => {
  const tie = [
    { name: 'Ann Able', party: 'Lab', votes: 500 },
    { name: 'Bob Baker', party: 'Con', votes: 500 },
    { name: 'Cat Clark', party: 'LD', votes: 100 },
  ];

  test('names the winner drawn by lot, with a majority of 0', () => {
    const outcome = seatOutcome({
      declaration: { candidates: tie, winnerByLot: 'Bob Baker' },
      baseline: { party: 'Lab' },
      continuity,
    });
    expect(outcome.decidedByLot).toBe(true);
    expect(outcome.winner.name).toBe('Bob Baker');
    expect(outcome.runnerUp?.name).toBe('Ann Able');
    expect(outcome.majority).toBe(0);
    expect(outcome.majorityPercent).toBe(0);
    expect(outcome.label.text).toBe('Con GAIN from Lab');
  });

  test('measures the swing from the other tied party to the winner by lot', () => {
    const outcome = seatOutcome({
      declaration: { candidates: tie, winnerByLot: 'Bob Baker' },
      baseline: {
        party: 'Lab',
        votes: [
          { party: 'Lab', votes: 600 },
          { party: 'Con', votes: 400 },
        ],
      },
      continuity,
    });
    // Con 40 -> 45.45 (+5.45), Lab 60 -> 45.45 (-14.55): (5.45 + 14.55) / 2 = 10 from Lab to Con.
    expect(outcome.swing).toEqual({ from: 'Lab', to: 'Con', points: 10 });
  });
});

describe('seatOutcome: Croydon Central 2017, a real result', () => {
  const croydonCentral2017 = {
    candidates: [
      { name: 'Sarah Jones', party: 'Lab', votes: 29873 },
      { name: 'Gavin Barwell', party: 'Con', votes: 24221 },
      { name: 'Liberal Democrat candidate', party: 'LD', votes: 1083 },
      { name: 'UKIP candidate', party: 'UKIP', votes: 1040 },
      { name: 'Green candidate', party: 'Green', votes: 626 },
      { name: 'CPA candidate', party: 'CPA', votes: 177 },
      { name: 'Independent candidate', party: 'Ind', votes: 71 },
    ],
  };
  /** GE2015: Gavin Barwell (Con) held the seat by 165 votes; the article gives no more. */
  const baseline2015: SeatBaseline = { party: 'Con', mp: 'Gavin Barwell', majority: 165 };

  test('reads "Lab GAIN from Con" with a majority of 5,652', () => {
    const outcome = seatOutcome({ declaration: croydonCentral2017, baseline: baseline2015, continuity });
    expect(outcome.winner.name).toBe('Sarah Jones');
    expect(outcome.runnerUp?.name).toBe('Gavin Barwell');
    expect(outcome.label.text).toBe('Lab GAIN from Con');
    expect(outcome.validVotes).toBe(57091);
    expect(outcome.majority).toBe(5652);
    expect(outcome.majorityPercent).toBe(9.9);
  });

  test('counts a gain for Lab and a loss for Con', () => {
    const outcome = seatOutcome({ declaration: croydonCentral2017, baseline: baseline2015, continuity });
    expect(outcome.gainFor).toBe('Lab');
    expect(outcome.lossFor).toBe('Con');
  });

  test('gives shares but no share change or swing against a winner-and-majority baseline', () => {
    const outcome = seatOutcome({ declaration: croydonCentral2017, baseline: baseline2015, continuity });
    expect(outcome.candidates.slice(0, 2).map((c) => c.share)).toEqual([52.33, 42.43]);
    expect(outcome.candidates.every((c) => c.shareChange === null)).toBe(true);
    expect(outcome.swing).toBeNull();
  });
});
