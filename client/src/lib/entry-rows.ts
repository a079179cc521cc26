/**
 * The entry form's candidate rows read once: what the preview may show, what
 * is sent to the server as typed, and which typed row a refusal points at.
 * Pure, so the desk store keeps only state (stores/entry-desk.svelte.ts).
 */
export interface CandidateRow {
  /** Stable key for the row while others are added and removed. */
  key: number;
  name: string;
  party: string;
  votes: string;
  /** A mayoral count under SV: the second choices counted for this candidate ('' for none). */
  second: string;
  /** Name and party came from the candidate list or the declaration: only the votes are typed. */
  fixed: boolean;
}

let nextKey = 0;

/** A row of the form, blank but for the fields given, with a key no other row has. */
export function candidateRow(fields: Partial<Omit<CandidateRow, 'key'>> = {}): CandidateRow {
  return { key: nextKey++, name: '', party: '', votes: '', second: '', fixed: false, ...fields };
}

/** "5,652" -> 5652; "" -> undefined (left out); anything else is sent as typed for the server to name. */
export function parseCount(typed: string): unknown {
  const trimmed = typed.trim();
  if (trimmed === '') return undefined;
  const plain = trimmed.replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : trimmed;
}

export const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isBlank = (row: CandidateRow) => row.name.trim() === '' && row.party.trim() === '' && row.votes.trim() === '';

export interface ReadRows {
  /** The index of each row sent, in order: blank rows are not sent. */
  rows: number[];
  /** Each row sent, as typed (votes parsed where they are a number). */
  typed: { name: string; party: string; votes: unknown }[];
  /** SV: the second round, from the rows given second choices. */
  secondRound: { name: string; votes: unknown }[];
  /** The rows as figures, where every row sent is complete: what the preview may show. */
  complete: boolean;
  candidates: { name: string; party: string; votes: number }[];
}

/** One pass over the rows; `sv` reads the second choices too. */
export function readRows(rows: readonly CandidateRow[], sv: boolean): ReadRows {
  const read: ReadRows = { rows: [], typed: [], secondRound: [], complete: true, candidates: [] };
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    const name = row.name.trim();
    const party = row.party.trim();
    const votes = parseCount(row.votes);
    read.rows.push(index);
    read.typed.push({ name, party, votes });
    if (sv && row.second.trim() !== '') read.secondRound.push({ name, votes: parseCount(row.second) });
    if (name === '' || party === '' || !isWhole(votes)) read.complete = false;
    else read.candidates.push({ name, party, votes });
  });
  read.complete &&= read.candidates.length > 0;
  return read;
}

/**
 * The form field a problem path points at: "candidates[2].votes" -> "2.votes"
 * (the row as typed, blank rows aside, from `submittedRows`), "electorate" -> "electorate".
 */
export function problemField(path: string, submittedRows: readonly number[]): string | null {
  const candidate = /^candidates(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?/.exec(path);
  if (candidate === null) return /^(seat|electorate|rejected|reason|declaredAt|secondRound)\b/.exec(path)?.[1] ?? null;
  const row = submittedRows[Number(candidate[1] ?? candidate[2])];
  if (row === undefined) return null;
  return `${row}.${candidate[3] ?? 'row'}`;
}
