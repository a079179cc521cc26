/**
 * npm run import -- preset ge2019
 * npm run import -- mayoral 2024   (or 2021: the London mayoral count from data/london-mayor.json)
 * npm run import -- baseline --election ID --file FILE [--name NAME] [--baseline-name NAME]
 *                     [--mode rehearsal|live|test] [--notional] [--names FILE]
 * npm run import -- candidates --election ID --file FILE
 * npm run import -- hexmap --election ID --file FILE
 * Common: --data-dir DIR (default ../shared/data), --db FILE (default DATABASE_PATH).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ElectionMode, type Election } from '../../shared/protocol/schemas.ts';
import { readConfig } from '../config/env.ts';
import { openDatabase, type Db } from '../db/connection.ts';
import { readHexJson } from '../import/hexjson.ts';
import { readHocCandidates } from '../import/hoc-candidates.ts';
import { locateDataFile } from '../config/data-dir.ts';
import { readBaselineSeats } from '../import/night-files.ts';
import { londonNight, readLondonMayor } from '../import/london-mayor.ts';
import { importBaseline, importCandidates, importHexMap, type ImportSummary } from '../services/import-service.ts';
import { PRESETS } from './presets.ts';
import { progressBar } from './progress.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    election: { type: 'string' },
    file: { type: 'string' },
    name: { type: 'string' },
    'baseline-name': { type: 'string' },
    mode: { type: 'string', default: 'rehearsal' },
    notional: { type: 'boolean', default: false },
    names: { type: 'string' },
    'total-seats': { type: 'string', default: '650' },
    'data-dir': { type: 'string' },
    db: { type: 'string' },
  },
});

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const need = (flag: 'election' | 'file') => values[flag] ?? fail(`--${flag} is needed`);
const file = (name: string) => locateDataFile(name, values['data-dir']);

function timed(label: string, run: () => ImportSummary): void {
  const started = performance.now();
  const summary = run();
  const ms = performance.now() - started;
  console.log(
    `${summary.election} ${summary.what}: ${summary.added} added, ${summary.changed} changed, ${summary.unchanged} unchanged (${label}, ` +
      `${Math.round(ms)} ms)`,
  );
  for (const w of summary.warnings) console.log(`  warning: ${w}`);
}

function baselineStep(db: Db, election: Election, baselineFile: string, options: { notional?: boolean; names?: string }) {
  timed(path.basename(baselineFile), () => {
    const warnings: string[] = [];
    const seats = readBaselineSeats(baselineFile, {
      notional: options.notional,
      namesFile: options.names ? file(options.names) : undefined,
      warnings,
    });
    const summary = importBaseline(db, election, seats, progressBar(`${election.id} baseline`));
    return { ...summary, warnings: [...warnings, ...summary.warnings] };
  });
}

function candidatesStep(db: Db, electionId: string, candidatesFile: string) {
  timed(path.basename(candidatesFile), () => {
    const warnings: string[] = [];
    const results = readHocCandidates(candidatesFile, { warnings });
    const summary = importCandidates(db, electionId, results, progressBar(`${electionId} candidates`));
    return { ...summary, warnings: [...warnings, ...summary.warnings] };
  });
}

function hexmapStep(db: Db, electionId: string, hexFile: string) {
  timed(path.basename(hexFile), () =>
    importHexMap(db, electionId, readHexJson(hexFile), path.basename(hexFile), progressBar(`${electionId} hex map`)),
  );
}

function main() {
  const [command, presetName] = positionals;
  const db = openDatabase(values.db ?? readConfig().DATABASE_PATH);
  try {
    switch (command) {
      case 'preset': {
        const preset = PRESETS[presetName ?? ''] ?? fail(`preset: one of ${Object.keys(PRESETS).join(', ')}`);
        baselineStep(db, preset.election, file(preset.baseline), { notional: preset.notional, names: preset.names });
        candidatesStep(db, preset.election.id, file(preset.candidates));
        hexmapStep(db, preset.election.id, file(preset.hexmap));
        console.log(`Ready: npm run replay -- --election ${preset.election.id} --results ${preset.results} --speed 100`);
        break;
      }
      case 'mayoral': {
        const year = presetName === '2021' || presetName === '2024' ? presetName : fail('mayoral: 2021 or 2024');
        const { election, seats } = londonNight(readLondonMayor(), year);
        timed('data/london-mayor.json', () => importBaseline(db, election, seats, progressBar(`${election.id} areas`)));
        console.log(`Ready: npm run replay -- --election ${election.id} --mayoral ${year} --speed 100`);
        break;
      }
      case 'baseline': {
        const id = need('election');
        const mode = ElectionMode.safeParse(values.mode);
        if (!mode.success) fail('--mode: one of live, rehearsal, test');
        const election: Election = {
          id,
          name: values.name ?? id,
          kind: 'general',
          totalSeats: Number(values['total-seats']),
          baselineName: values['baseline-name'] ?? path.basename(need('file')),
          mode: mode.data!,
        };
        baselineStep(db, election, file(need('file')), { notional: values.notional, names: values.names });
        break;
      }
      case 'candidates':
        candidatesStep(db, need('election'), file(need('file')));
        break;
      case 'hexmap':
        hexmapStep(db, need('election'), file(need('file')));
        break;
      default:
        fail('usage: npm run import -- preset ge2019 | mayoral 2024 | baseline | candidates | hexmap (see README)');
    }
  } catch (error) {
    // An import is all or nothing: the transaction has rolled back, so say what stopped it and nothing more.
    fail(`Import stopped, database unchanged: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

main();
