/**
 * The entry desk: the seat being worked on, the figures as typed, the live
 * preview (shared/domain, as the screens will show it), the warnings worth
 * a second look, and publishing. The seat search (seat-search.svelte.ts),
 * the desk around the form (desk-room.svelte.ts: pending entries, presence)
 * and reading the rows (../entry-rows.ts) are their own modules.
 * Validation is the server's; the preview and warnings only help the
 * editor see a slip before it goes out.
 */
import { declarationProblems } from '../../../../shared/domain/declaration.ts';
import { entryWarnings } from '../../../../shared/domain/entry-warnings.ts';
import { knownPartyCodes, suggestParty } from '../../../../shared/domain/party-codes.ts';
import { seatOutcome } from '../../../../shared/domain/outcome.ts';
import type { PendingEntry } from '../../../../shared/protocol/accounts.ts';
import type { DeclarationSource, Outcome, SeatStatus } from '../../../../shared/protocol/schemas.ts';
import * as deskApi from '../desk-api.ts';
import { isWhole, parseCount, problemField, readRows, type CandidateRow } from '../entry-rows.ts';
import { socket } from '../socket.ts';
import { ukDateTime, ukToIso } from '../../../../shared/domain/uk-time.ts';
import { DeskRoom } from './desk-room.svelte.ts';
import { electionStore } from './election.svelte.ts';
import { SeatSearch } from './seat-search.svelte.ts';
import { session } from './session.svelte.ts';
import { NO_CONTINUITY } from '../../../../shared/domain/party.ts';

export type EntrySource = Extract<DeclarationSource, 'returning-officer' | 'reporter' | 'wire'>;
export const SOURCES: { value: EntrySource; label: string }[] = [
  { value: 'returning-officer', label: "Returning officer's declaration" },
  { value: 'reporter', label: 'Our reporter at the count' },
  { value: 'wire', label: 'Wire service' },
];

class EntryDesk {
  electionId = $state('');
  candidateLists = $state.raw<Record<string, { name: string; party: string }[]>>({});
  seatCode = $state('');
  /** The seat as it was when the form was filled: a correction is based on this version. */
  loaded = $state.raw<{ status: SeatStatus; version: number } | null>(null);
  confirming = $state.raw<PendingEntry | null>(null);

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
  busy = $state(false);
  reply = $state.raw<deskApi.WriteReply | null>(null);
  /** Row index for each submitted candidate index, so problems can point at the row typed. */
  submittedRows = $state.raw<number[]>([]);
  #nextKey = 0;

  search: SeatSearch = new SeatSearch(() => this.seat);
  room = new DeskRoom({ electionId: () => this.electionId, seatCode: () => this.seatCode });
  seat = $derived(this.search.seats.find((s) => s.code === this.seatCode) ?? null);
  /** The seat as it is now, live from the socket. */
  seatState = $derived(electionStore.state?.seatStates.find((s) => s.code === this.seatCode) ?? null);
  mode = $derived<'declare' | 'correct' | 'confirm'>(
    this.confirming ? 'confirm' : this.loaded?.status === 'declared' ? 'correct' : 'declare',
  );
  /** Someone changed the seat after this form was filled. */
  changedMeanwhile = $derived(this.loaded !== null && this.seatState !== null && this.seatState.version !== this.loaded.version);

  /** Every party code the election knows: parties, continuity, the baselines, candidate lists and results so far. */
  knownParties = $derived(
    knownPartyCodes({
      parties: electionStore.state?.parties ?? [],
      continuity: this.room.info?.continuity ?? NO_CONTINUITY,
      seats: electionStore.state?.seats ?? [],
      candidateLists: this.candidateLists,
      published: (electionStore.state?.seatStates ?? []).flatMap((s) => s.declaration?.candidates.map((c) => c.party) ?? []),
    }),
  );
  /** What the party box offers as the editor types: each known code with its name where the parties table has one. */
  partyOptions = $derived.by(() => {
    const names = new Map((electionStore.state?.parties ?? []).map((p) => [p.code, p.name]));
    return [...this.knownParties].sort((a, b) => a.localeCompare(b, 'en-GB')).map((code) => ({ code, name: names.get(code) ?? '' }));
  });
  /** Rows whose party code the election does not know, with the code the editor probably meant. */
  unknownParties = $derived.by(() =>
    this.rows.flatMap((row, index) => {
      const code = row.party.trim();
      if (code === '' || this.knownParties.has(code)) return [];
      return [{ index, code, meant: suggestParty(code, this.knownParties, electionStore.state?.parties ?? []) }];
    }),
  );

  /** An unknown code neither corrected nor marked new: no preview, since it would show a party that is not one. */
  partiesUnresolved = $derived(this.unknownParties.some((u) => !this.newParties.includes(u.code)));

  /** The rows read once: for the preview (figures) and for sending (#typed). */
  read = $derived(readRows(this.rows, this.sv));

  /** The rows as figures, where every row typed is complete. */
  figures = $derived.by(() => {
    const electorate = parseCount(this.electorate);
    const rejected = parseCount(this.rejected);
    return {
      complete: this.read.complete,
      candidates: this.read.candidates,
      electorate: isWhole(electorate) ? electorate : undefined,
      rejected: isWhole(rejected) ? rejected : undefined,
    };
  });

  preview = $derived.by((): Outcome | null => {
    const seat = this.seat;
    const { complete, candidates, electorate } = this.figures;
    if (!seat || !complete || declarationProblems({ candidates }).length > 0 || this.partiesUnresolved) return null;
    return seatOutcome({
      declaration: { candidates, electorate },
      baseline: seat.baseline,
      continuity: this.room.info?.continuity ?? NO_CONTINUITY,
    });
  });

  /** Problems the server would refuse, shown before sending: a party twice, a tie, a time that is not a time. */
  localProblems = $derived.by(() => {
    const problems = this.figures.complete ? declarationProblems({ candidates: this.figures.candidates }).map((p) => p.message) : [];
    for (const u of this.unknownParties) {
      if (!this.newParties.includes(u.code)) {
        problems.push(
          `Row ${u.index + 1}: "${u.code}" is not a party code this election knows${u.meant ? ` (did you mean ${u.meant}?)` : ''}: use a known code, or tick "new party" if it is one`,
        );
      }
    }
    if (this.mode !== 'confirm' && this.declaredTime.trim() !== '' && this.declaredAt === null) {
      problems.push(`Declared at: "${this.declaredTime}" is not a 24-hour UK time such as 02:31`);
    }
    return problems;
  });

  warnings = $derived(
    this.loaded && this.figures.complete && this.mode !== 'confirm' ? entryWarnings({ ...this.figures, seat: this.loaded }) : [],
  );
  /** Warnings beyond "this is a correction", which the form already says. */
  needsCheck = $derived(this.warnings.some((w) => w.code !== 'already-declared'));
  declaredAt = $derived(ukToIso(this.declaredDate, this.declaredTime));
  othersHere = $derived(this.room.presence.filter((p) => p.seat === this.seatCode && p.username !== session.user?.username));
  pendingHere = $derived(this.room.pending.find((p) => p.seat === this.seatCode) ?? null);

  constructor() {
    this.rows = [this.#blankRow(), this.#blankRow()];
  }

  #blankRow(): CandidateRow {
    return { key: this.#nextKey++, name: '', party: '', votes: '', second: '', fixed: false };
  }

  #row(c: { name: string; party: string; votes?: number }, second?: number): CandidateRow {
    return {
      key: this.#nextKey++,
      name: c.name,
      party: c.party,
      votes: c.votes === undefined ? '' : String(c.votes),
      second: second === undefined ? '' : String(second),
      fixed: true,
    };
  }

  /** A mayoral count under the supplementary vote: each row also takes the second choices of the second round. */
  get sv(): boolean {
    return electionStore.state?.election.count?.votingSystem === 'sv';
  }

  /** Start: the election's live state comes from the election store's socket; the desk joins over the same socket. */
  async start(asked: string | null): Promise<void> {
    this.room.listen();
    await electionStore.start(asked);
    await this.useElection(electionStore.electionId ?? '');
  }

  async useElection(electionId: string): Promise<void> {
    if (electionId === '') return;
    if (electionId !== electionStore.electionId) electionStore.watch(electionId);
    this.electionId = electionId;
    this.clearSeat();
    this.candidateLists = await deskApi.fetchCandidates(electionId);
    await this.room.refresh();
  }

  /** Fills the form for a seat: a declared seat's figures (for a correction), else its candidate list, else blank rows. */
  pickSeat(code: string): void {
    const seat = this.search.seats.find((s) => s.code === code);
    const state = electionStore.state?.seatStates.find((s) => s.code === code);
    if (!seat || !state) return;
    this.seatCode = code;
    this.search.query = seat.name;
    this.search.highlighted = 0;
    this.confirming = null;
    this.loaded = { status: state.status, version: state.version };
    this.reply = null;
    const declaration = state.status === 'declared' ? state.declaration : null;
    if (declaration) {
      const second = (name: string) => declaration.secondRound?.find((r) => r.name === name)?.votes;
      this.#resetForm(declaration.candidates.map((c) => this.#row(c, second(c.name))));
      this.electorate = declaration.electorate === undefined ? '' : String(declaration.electorate);
      this.rejected = declaration.rejected === undefined ? '' : String(declaration.rejected);
      this.source = SOURCES.find((s) => s.value === declaration.source)?.value ?? 'returning-officer';
      // A correction keeps the time the result was declared (or, where none was given, first entered).
      this.#setTime(new Date(declaration.declaredAt ?? declaration.enteredAt));
    } else {
      const listed = this.candidateLists[code] ?? [];
      // Not the baseline's electorate (the reset leaves it blank): a stale figure typed over is a slip waiting to happen.
      this.#resetForm(listed.length > 0 ? listed.map((c) => this.#row(c)) : [this.#blankRow(), this.#blankRow()]);
      this.source = 'returning-officer';
      this.#setTime(new Date());
    }
    socket.emit('seat:editing', code);
  }

  /** The second editor's form: the first entry's candidates, the figures left blank to re-type. */
  startConfirm(entry: PendingEntry): void {
    this.pickSeat(entry.seat);
    this.confirming = entry;
    this.#resetForm(entry.declaration.candidates.map((c) => this.#row({ name: c.name, party: c.party })));
    this.newParties = entry.declaration.newParties ?? [];
  }

  /** The one reset of the typed form: these rows, every other field blank. */
  #resetForm(rows: CandidateRow[]): void {
    this.rows = rows;
    this.electorate = '';
    this.rejected = '';
    this.reason = '';
    this.actionReason = '';
    this.warningsChecked = false;
    this.newParties = [];
  }

  #setTime(at: Date): void {
    const { date, time } = ukDateTime(at);
    this.declaredDate = date;
    this.declaredTime = time;
  }

  clearSeat(): void {
    this.seatCode = '';
    this.search.query = '';
    this.loaded = null;
    this.confirming = null;
    this.#resetForm([this.#blankRow(), this.#blankRow()]);
    if (socket.connected && session.user) socket.emit('seat:editing', null);
  }

  addRow(): void {
    this.rows.push(this.#blankRow());
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
    this.newParties = isNew ? [...new Set([...this.newParties, code])] : this.newParties.filter((c) => c !== code);
  }

  unlockNames(): void {
    for (const row of this.rows) row.fixed = false;
  }

  /** Rows left wholly blank are not sent; everything else is, as typed, for the server to judge. */
  #typed() {
    const { rows, typed: candidates, secondRound } = this.read;
    const figures: Record<string, unknown> = { candidates };
    // SV: the second round, from the rows given second choices (the server checks there are at most two).
    if (secondRound.length > 0) figures.secondRound = secondRound;
    const electorate = parseCount(this.electorate);
    const rejected = parseCount(this.rejected);
    if (electorate !== undefined) figures.electorate = electorate;
    if (rejected !== undefined) figures.rejected = rejected;
    const newParties = this.unknownParties.map((u) => u.code).filter((code) => this.newParties.includes(code));
    if (newParties.length > 0) figures.newParties = [...new Set(newParties)];
    return { rows, figures };
  }

  canPublish = $derived(
    this.seat !== null &&
      !this.busy &&
      this.localProblems.length === 0 &&
      (!this.needsCheck || this.warningsChecked) &&
      (this.mode !== 'correct' || this.reason.trim().length >= 3),
  );

  async publish(): Promise<void> {
    if (!this.canPublish || !this.seat) return;
    const { rows, figures } = this.#typed();
    const sourced = { ...figures, source: this.source, ...(this.declaredAt ? { declaredAt: this.declaredAt } : {}) };
    this.busy = true;
    try {
      if (this.confirming) {
        this.reply = await deskApi.confirmEntry(this.electionId, this.confirming.id, figures);
      } else if (this.mode === 'correct') {
        this.reply = await deskApi.correct(this.electionId, this.seatCode, {
          ...sourced,
          reason: this.reason.trim(),
          basedOnVersion: this.loaded!.version,
        });
      } else {
        this.reply = await deskApi.declare(this.electionId, { seat: this.seatCode, ...sourced });
      }
      this.submittedRows = rows;
      if (this.reply.kind === 'published' || this.reply.kind === 'held') this.#done();
    } finally {
      this.busy = false;
    }
  }

  async seatAction(action: 'recount' | 'withdraw'): Promise<void> {
    if (!this.loaded || this.actionReason.trim().length < 3 || this.busy) return;
    const body = { reason: this.actionReason.trim(), basedOnVersion: this.loaded.version };
    this.busy = true;
    try {
      this.reply = await (action === 'recount' ? deskApi.recount : deskApi.withdraw)(this.electionId, this.seatCode, body);
      if (this.reply.kind === 'published') this.#done();
    } finally {
      this.busy = false;
    }
  }

  #done(): void {
    const reply = this.reply;
    this.clearSeat();
    this.reply = reply;
  }

  /** The form field a problem path points at, in the rows as they were sent (../entry-rows.ts). */
  problemField(path: string): string | null {
    return problemField(path, this.submittedRows);
  }
}

export const entryDesk = new EntryDesk();
