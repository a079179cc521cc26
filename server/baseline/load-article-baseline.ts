/**
 * Load the article baseline (data/article-baseline.json): the schema from
 * shared/protocol, plus the checks that need the whole file at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BaselineFile } from '../../shared/protocol/schemas.ts';
import { canonicalParty } from '../../shared/domain/party.ts';
import { projectRoot } from '../config/project-root.ts';
import { parseJsonText } from '../import/json-file.ts';

export const ARTICLE_BASELINE_PATH = path.resolve(projectRoot, 'data/article-baseline.json');

/** One election id, one seat code per election, and every party code known (directly or through continuity). */
const CheckedBaselineFile = BaselineFile.superRefine((file, ctx) => {
  const known = new Set(file.parties.map((p) => p.code));
  const isKnown = (code: string) => known.has(code) || known.has(canonicalParty(code, file.continuity));
  const electionIds = new Set<string>();
  file.elections.forEach((election, e) => {
    if (electionIds.has(election.id)) {
      ctx.addIssue({ code: 'custom', path: ['elections', e, 'id'], message: `${election.id} is used twice` });
    }
    electionIds.add(election.id);
    const codes = new Set<string>();
    election.seats.forEach((seat, s) => {
      const at = ['elections', e, 'seats', s];
      if (codes.has(seat.code)) {
        ctx.addIssue({ code: 'custom', path: [...at, 'code'], message: `${seat.code} is listed twice in ${election.id}` });
      }
      codes.add(seat.code);
      const parties: [string | null | undefined, PropertyKey[]][] = [
        [seat.baseline.party, [...at, 'baseline', 'party']],
        [seat.heldAtDissolution?.party, [...at, 'heldAtDissolution', 'party']],
      ];
      for (const [code, partyPath] of parties) {
        if (code && !isKnown(code)) {
          ctx.addIssue({ code: 'custom', path: partyPath, message: `${code} is not in parties: add it there, or use its Library code` });
        }
      }
    });
  });
});

/** Path as the reader will type it: relative to the working directory where that is shorter. */
function labelFor(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

export function loadBaselineFile(file: string): BaselineFile {
  return parseJsonText(readFileSync(file, 'utf8'), CheckedBaselineFile, labelFor(file));
}
