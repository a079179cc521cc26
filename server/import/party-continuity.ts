/**
 * The party continuity table used when none is given: the one in the
 * article baseline (data/article-baseline.json), so there is a single place
 * to say Alliance = APNI or Brexit -> RUK (ELECTION-RULES: configured, not guessed).
 */
import type { PartyContinuity } from '../../shared/protocol/schemas.ts';
import { ARTICLE_BASELINE_PATH, loadBaselineFile } from '../baseline/load-article-baseline.ts';

export function defaultContinuity(file: string = ARTICLE_BASELINE_PATH): PartyContinuity {
  return loadBaselineFile(file).continuity;
}
