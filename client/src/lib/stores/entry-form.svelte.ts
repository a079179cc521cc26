/**
 * The entry form as typed: the candidate rows and the fields around them, filled from a declaration, a candidate
 * list or a first editor's entry, and reset in one place. The components bind to these fields through the entry
 * desk (entry-desk.svelte.ts), which is this form with the seat, the checks and publishing around it.
 */
import type { Declaration, DeclarationSource } from '../../../../shared/protocol/schemas.ts';
import { ukDateTime } from '../../../../shared/domain/uk-time.ts';
import { candidateRow, type CandidateRow } from '../entry-rows.ts';

export type EntrySource = Extract<DeclarationSource, 'returning-officer' | 'reporter' | 'wire'>;
export const SOURCES: { value: EntrySource; label: string }[] = [
  { value: 'returning-officer', label: "Returning officer's declaration" },
  { value: 'reporter', label: 'Our reporter at the count' },
  { value: 'wire', label: 'Wire service' },
];

/** The UK date and time of an instant (an ISO string, or now). */
const ukAt = (iso?: string) => ukDateTime(iso === undefined ? new Date() : new Date(iso));
/** A candidate as the form shows it: named by the list or the declaration, so only the figures are typed. */
const listedRow = (c: { name: string; party: string; votes?: number }, second?: number) =>
  candidateRow({
    name: c.name,
    party: c.party,
    votes: c.votes === undefined ? '' : String(c.votes),
    second: second === undefined ? '' : String(second),
    fixed: true,
  });
const blankRows = () => [candidateRow(), candidateRow()];
/** The codes, each once, in the order first given. */
const once = (codes: readonly string[]) => [...new Set(codes)];

export class EntryForm {
  rows = $state<CandidateRow[]>([]);
  electorate = $state('');
  rejected = $state('');
  source = $state<EntrySource>('returning-officer');
  declaredDate = $state('');
  declaredTime = $state('');
  reason = $state('');
  actionReason = $state('');
  warningsChecked = $state(false);
  /** Codes the editor has said are new parties on purpose; every other unknown code stops the entry. */
  newParties = $state<string[]>([]);
  constructor() {
    this.rows = blankRows();
  }

  /** The one reset of the typed form: these rows (two blank ones by default), every other field blank. */
  resetForm(rows: CandidateRow[] = blankRows()): void {
    this.rows = rows;
    this.electorate = '';
    this.rejected = '';
    this.reason = '';
    this.actionReason = '';
    this.warningsChecked = false;
    this.newParties = [];
  }

  /** A declared seat's figures, for a correction; it keeps the time the result was declared (or, where none was given, first entered). */
  fillFromDeclaration(declaration: Declaration): void {
    const second = (name: string) => declaration.secondRound?.find((r) => r.name === name)?.votes;
    this.resetForm(declaration.candidates.map((c) => listedRow(c, second(c.name))));
    this.electorate = declaration.electorate === undefined ? '' : String(declaration.electorate);
    this.rejected = declaration.rejected === undefined ? '' : String(declaration.rejected);
    this.source = SOURCES.find((s) => s.value === declaration.source)?.value ?? 'returning-officer';
    this.#setTime(ukAt(declaration.declaredAt ?? declaration.enteredAt));
  }

  /** A seat not yet declared: its candidate list, else blank rows, declared now by the returning officer. */
  fillFromList(listed: readonly { name: string; party: string }[]): void {
    // Not the baseline's electorate (the reset leaves it blank): a stale figure typed over is a slip waiting to happen.
    this.resetForm(listed.length > 0 ? listed.map((c) => listedRow(c)) : undefined);
    this.source = 'returning-officer';
    this.#setTime(ukAt());
  }

  /** The second editor's form: the first entry's candidates, the figures left blank to re-type. */
  fillForConfirmation(candidates: readonly { name: string; party: string }[], newParties: readonly string[] = []): void {
    this.resetForm(candidates.map((c) => listedRow({ name: c.name, party: c.party })));
    this.newParties = [...newParties];
  }

  #setTime({ date, time }: { date: string; time: string }): void {
    this.declaredDate = date;
    this.declaredTime = time;
  }

  addRow(): void {
    this.rows.push(candidateRow());
  }

  removeRow(index: number): void {
    if (this.rows.length > 1) this.rows.splice(index, 1);
  }

  /** The editor's answer to an unknown code: the code meant, or "this is a new party". */
  useParty(index: number, code: string): void {
    const row = this.rows[index];
    if (row) row.party = code;
  }

  markNewParty(code: string, isNew: boolean): void {
    this.newParties = isNew ? once([...this.newParties, code]) : this.newParties.filter((c) => c !== code);
  }

  unlockNames(): void {
    for (const row of this.rows) row.fixed = false;
  }
}
