/**
 * Whole nights ready to rehearse on real, public results (../shared/data):
 * which files make each one's baseline, candidate lists, map and results.
 */
import type { Election } from '../../shared/protocol/schemas.ts';

export interface NightPreset {
  election: Election;
  /** A previous election's results (HoC candidate layout), a winners file, or the Library's constituency results. */
  baseline: string;
  /** Where seat names come from when the baseline file has none. */
  names?: string;
  notional?: boolean;
  candidates: string;
  hexmap: string;
  /** The results to replay into the night. */
  results: string;
}

const general = (id: string, name: string, baselineName: string, pollingDay: string): Election => ({
  id,
  name,
  kind: 'general',
  totalSeats: 650,
  baselineName,
  pollingDay,
  // Past results replayed must never pass for a live night.
  mode: 'rehearsal',
});

export const PRESETS: Record<string, NightPreset> = {
  ge2019: {
    election: general('ge2019', 'General election 2019 (rehearsal)', 'GE2017', '2019-12-12'),
    baseline: 'HoC-GE2017-results-by-candidate.csv',
    candidates: 'HoC-GE2019-results-by-candidate.csv',
    hexmap: 'uk-constituencies-2010.hexjson',
    results: 'HoC-GE2019-results-by-candidate.csv',
  },
  'ge2017-full': {
    election: general('ge2017-full', 'General election 2017, all seats (rehearsal)', 'GE2015', '2017-06-08'),
    baseline: 'GE2015-winners.csv',
    names: 'HoC-GE2017-results-by-candidate.csv',
    candidates: 'HoC-GE2017-results-by-candidate.csv',
    hexmap: 'uk-constituencies-2010.hexjson',
    results: 'HoC-GE2017-results-by-candidate.csv',
  },
  'ge2024-full': {
    election: general('ge2024-full', 'General election 2024, new boundaries (rehearsal)', 'GE2019 notional', '2024-07-04'),
    // The notional 2019 winner of each new seat, read from the Library's own Result labels.
    baseline: 'HoC-GE2024-results-by-constituency.csv',
    notional: true,
    candidates: 'HoC-GE2024-results-by-candidate.csv',
    hexmap: 'uk-constituencies-2024.hexjson',
    results: 'HoC-GE2024-results-by-candidate.csv',
  },
};
