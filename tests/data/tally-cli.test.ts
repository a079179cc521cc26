import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { projectRoot } from '../../server/config/project-root.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** Run the real command, as `npm run tally -- ...` would. */
function tally(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/tally.ts', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run tally', () => {
  test('prints the party table for bare file names found in --data-dir', () => {
    const run = tally('--baseline', 'winners-before.csv', '--results', 'hoc-candidates-after.csv', '--data-dir', fixtures);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('5 of 5 seats declared; majority line 3');
    expect(run.stdout).toMatch(/^Con\s+2\s+2\s+0\s+\+2\s+73,000/m);
  });

  test('prints JSON with --json', () => {
    const run = tally('--baseline', `${fixtures}hoc-candidates-before.csv`, '--results', `${fixtures}hoc-candidates-after.csv`, '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.seats.map((s: { label: string }) => s.label)).toEqual([
      'Con GAIN from Lab',
      'SNP HOLD',
      'APNI GAIN from DUP',
      'Con GAIN from Spk',
      'Lab HOLD',
    ]);
    expect(json.partyTable[0]).toMatchObject({ party: 'Con', seats: 2 });
    // A winner's party is the code its label uses, the file's spelling kept beside it.
    for (const seat of json.seats) expect(seat.label.startsWith(`${seat.winner.party} `), seat.label).toBe(true);
  });

  test('North Down 2019 gives the winner as APNI, as its label does', () => {
    const run = tally('--baseline', 'HoC-GE2017-results-by-candidate.csv', '--results', 'HoC-GE2019-results-by-candidate.csv', '--json');
    expect(run.code).toBe(0);
    const northDown = JSON.parse(run.stdout).seats.find((s: { name: string }) => s.name === 'North Down');
    expect(northDown.label).toBe('APNI GAIN from Ind');
    expect(northDown.winner).toMatchObject({ party: 'APNI', partyAsFiled: 'Alliance' });
  });

  test('exits non-zero and says what is missing', () => {
    const run = tally('--baseline', 'winners-before.csv', '--data-dir', fixtures);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('tally: --baseline and --results are both needed');
  });
});
