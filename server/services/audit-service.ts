/**
 * The audit trail of an election: every published version of every seat
 * (who, when, why, the figures before and after) and every entry held for
 * confirmation, oldest first, with the filters the audit page offers.
 */
import { exitPollText } from '../../shared/domain/exit-poll.ts';
import type { AuditRow, NightInputAuditRow } from '../../shared/protocol/accounts.ts';
import type { DeclarationInput, RushInput } from '../../shared/protocol/schemas.ts';
import type { Db } from '../db/connection.ts';
import * as declarations from '../db/declarations-repo.ts';
import * as pendingRepo from '../db/pending-repo.ts';
import type { ElectionService } from './election-service.ts';

type Figures = Omit<DeclarationInput, 'seat'>;

/** "Lab Alex Example 20000; Con Sam Sample 18000; electorate 60000": one line a reader can compare. */
export function figuresText(json: string | null): string | null {
  if (json === null) return null;
  const d = JSON.parse(json) as Figures | RushInput;
  // A rush (ADR 0024) has a winner, not figures: "rush: Con, GAIN per PA".
  if (!('candidates' in d)) return `rush: ${d.party}, ${d.gainOrHold.toUpperCase()} per PA, awaiting figures`;
  const parts = d.candidates.map((c) => `${c.party} ${c.name} ${c.votes}`);
  if (d.electorate !== undefined) parts.push(`electorate ${d.electorate}`);
  if (d.rejected !== undefined) parts.push(`rejected ${d.rejected}`);
  return parts.join('; ');
}

const figureField = (json: string | null, field: 'source' | 'declaredAt') =>
  json === null ? null : ((JSON.parse(json) as Partial<Figures>)[field] ?? null);

/** "Yorks, NHA": codes the entry sent as new parties on purpose, flagged for a second look. */
const newPartiesOf = (json: string | null) => {
  const codes = json === null ? [] : ((JSON.parse(json) as Figures).newParties ?? []);
  return codes.length > 0 ? codes.join(', ') : null;
};

export interface AuditFilter {
  seat?: string;
  editor?: string;
  kind?: string;
}

export function auditTrail(db: Db, elections: ElectionService, electionId: string, filter: AuditFilter = {}): AuditRow[] {
  elections.head(electionId);
  const nameOf = (code: string) => elections.seat(electionId, code).name;
  const lastFigures = new Map<string, string | null>();
  const rows: AuditRow[] = declarations.allVersions(db, electionId).map((v) => {
    const before = lastFigures.get(v.seat_code) ?? null;
    lastFigures.set(v.seat_code, v.declaration_json);
    return {
      seat: v.seat_code,
      name: nameOf(v.seat_code),
      version: v.version,
      seq: v.seq,
      kind: v.kind,
      status: 'published',
      enteredBy: v.entered_by,
      enteredAt: v.entered_at,
      confirmedBy: v.confirmed_by,
      reason: v.reason,
      source: figureField(v.declaration_json, 'source'),
      declaredAt: figureField(v.declaration_json, 'declaredAt'),
      newParties: newPartiesOf(v.declaration_json),
      before: figuresText(before),
      after: figuresText(v.declaration_json),
    };
  });
  // Confirmed entries are the published versions above; what never went out is listed as it stands.
  for (const p of pendingRepo.allEntries(db, electionId)) {
    if (p.status === 'confirmed') continue;
    rows.push({
      seat: p.seat_code,
      name: nameOf(p.seat_code),
      version: null,
      seq: null,
      kind: p.kind,
      status: p.status,
      enteredBy: p.entered_by,
      enteredAt: p.entered_at,
      confirmedBy: null,
      reason: p.reason,
      source: figureField(p.declaration_json, 'source'),
      declaredAt: figureField(p.declaration_json, 'declaredAt'),
      newParties: newPartiesOf(p.declaration_json),
      before: null,
      after: figuresText(p.declaration_json),
    });
  }
  const seat = filter.seat?.trim().toLowerCase();
  const editor = filter.editor?.trim().toLowerCase();
  return rows
    .filter((r) => !seat || r.seat.toLowerCase() === seat || r.name.toLowerCase().includes(seat))
    .filter((r) => !editor || r.enteredBy.toLowerCase() === editor || r.confirmedBy?.toLowerCase() === editor)
    .filter((r) => !filter.kind || r.kind === filter.kind || r.status === filter.kind)
    .sort((a, b) => a.enteredAt.localeCompare(b.enteredAt) || (a.seq ?? Infinity) - (b.seq ?? Infinity));
}

/** Every version of what editors entered for the whole night, oldest first: the exit poll and the seats to watch. */
export function nightInputTrail(elections: ElectionService, electionId: string): NightInputAuditRow[] {
  const nameOf = (code: string) => elections.seat(electionId, code).name;
  const versionsOf = <V extends { version: number; enteredBy: string; enteredAt: string }>(
    input: NightInputAuditRow['input'],
    versions: readonly V[],
    text: (v: V) => string,
  ): NightInputAuditRow[] => {
    let before: string | null = null;
    return versions.map((v) => {
      const after = text(v);
      const row = { input, version: v.version, enteredBy: v.enteredBy, enteredAt: v.enteredAt, before, after };
      before = after;
      return row;
    });
  };
  return [
    ...versionsOf('exit-poll', elections.exitPollVersions(electionId), (v) => `${exitPollText(v)}${v.source ? ` (${v.source})` : ''}`),
    ...versionsOf('seats-to-watch', elections.seatsToWatchVersions(electionId), (v) =>
      v.seats.length > 0 ? v.seats.map(nameOf).join(', ') : 'none flagged (cleared)',
    ),
  ].sort((a, b) => a.enteredAt.localeCompare(b.enteredAt));
}

const CSV_COLUMNS: (keyof AuditRow)[] = [
  'seq',
  'version',
  'seat',
  'name',
  'kind',
  'status',
  'enteredBy',
  'enteredAt',
  'confirmedBy',
  'reason',
  'source',
  'declaredAt',
  'newParties',
  'before',
  'after',
];

/** A spreadsheet cell: quoted, and never a formula (a candidate named "=HYPERLINK(...)" stays text). */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function auditCsv(rows: readonly AuditRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
