/**
 * The entry desk: the seat being worked on, the form (entry-form.svelte.ts) with the live preview, the problems
 * and warnings worked out from it (../entry-checks.ts, shared/domain: as the screens will show it), and
 * publishing. The seat search (seat-search.svelte.ts), the desk around the form (desk-room.svelte.ts: pending
 * entries, presence) and reading the rows (../entry-rows.ts) are their own modules.
 */
import { entryWarnings } from '../../../../shared/domain/entry-warnings.ts';
import { knownPartyCodes } from '../../../../shared/domain/party-codes.ts';
import { NO_CONTINUITY } from '../../../../shared/domain/party.ts';
import { ukToIso } from '../../../../shared/domain/uk-time.ts';
import type { PendingEntry } from '../../../../shared/protocol/accounts.ts';
import type { SeatStatus } from '../../../../shared/protocol/schemas.ts';
import * as deskApi from '../desk-api.ts';
import { entryPreview, formFigures, localProblems, partyOptions, typedFigures, unknownParties } from '../entry-checks.ts';
import { problemField, readRows } from '../entry-rows.ts';
import { socket } from '../socket.ts';
import { DeskRoom } from './desk-room.svelte.ts';
import { electionStore } from './election.svelte.ts';
import { EntryForm } from './entry-form.svelte.ts';
import { SeatSearch } from './seat-search.svelte.ts';
import { session } from './session.svelte.ts';

export { SOURCES, type EntrySource } from './entry-form.svelte.ts';

class EntryDesk extends EntryForm {
  electionId = $state('');
  candidateLists = $state.raw<Record<string, { name: string; party: string }[]>>({});
  seatCode = $state('');
  /** The seat as it was when the form was filled: a correction is based on this version. */
  loaded = $state.raw<{ status: SeatStatus; version: number } | null>(null);
  confirming = $state.raw<PendingEntry | null>(null);
  busy = $state(false);
  reply = $state.raw<deskApi.WriteReply | null>(null);
  /** Row index for each submitted candidate index, so problems can point at the row typed. */
  submittedRows = $state.raw<number[]>([]);

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
  #continuity = $derived(this.room.info?.continuity ?? NO_CONTINUITY);
  #parties = $derived(electionStore.state?.parties ?? []);

  /** Every party code the election knows: parties, continuity, the baselines, candidate lists and results so far. */
  knownParties = $derived(
    knownPartyCodes({
      parties: this.#parties,
      continuity: this.#continuity,
      seats: electionStore.state?.seats ?? [],
      candidateLists: this.candidateLists,
      published: (electionStore.state?.seatStates ?? []).flatMap((s) => s.declaration?.candidates.map((c) => c.party) ?? []),
    }),
  );
  partyOptions = $derived(partyOptions(this.knownParties, this.#parties));
  unknownParties = $derived(unknownParties(this.rows, this.knownParties, this.#parties));
  /** An unknown code neither corrected nor marked new: no preview, since it would show a party that is not one. */
  partiesUnresolved = $derived(this.unknownParties.some((u) => !this.newParties.includes(u.code)));

  /** The rows read once: for the preview (figures) and for sending. */
  read = $derived(readRows(this.rows, this.sv));
  figures = $derived(formFigures(this.read, this.electorate, this.rejected));
  preview = $derived(entryPreview(this.figures, this.seat, this.#continuity, this.partiesUnresolved));
  declaredAt = $derived(ukToIso(this.declaredDate, this.declaredTime));
  localProblems = $derived(
    localProblems({
      figures: this.figures,
      unknown: this.unknownParties,
      newParties: this.newParties,
      declaredTime: this.mode === 'confirm' ? null : this.declaredTime,
      declaredAt: this.declaredAt,
    }),
  );
  warnings = $derived(
    this.loaded && this.figures.complete && this.mode !== 'confirm' ? entryWarnings({ ...this.figures, seat: this.loaded }) : [],
  );
  /** Warnings beyond "this is a correction", which the form already says. */
  needsCheck = $derived(this.warnings.some((w) => w.code !== 'already-declared'));
  othersHere = $derived(this.room.presence.filter((p) => p.seat === this.seatCode && p.username !== session.user?.username));
  pendingHere = $derived(this.room.pending.find((p) => p.seat === this.seatCode) ?? null);

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
    if (declaration) this.fillFromDeclaration(declaration);
    else this.fillFromList(this.candidateLists[code] ?? []);
    socket.emit('seat:editing', code);
  }

  /** The second editor's form: the first entry's candidates, the figures left blank to re-type. */
  startConfirm(entry: PendingEntry): void {
    this.pickSeat(entry.seat);
    this.confirming = entry;
    this.fillForConfirmation(entry.declaration.candidates, entry.declaration.newParties);
  }

  clearSeat(): void {
    this.seatCode = '';
    this.search.query = '';
    this.loaded = null;
    this.confirming = null;
    this.resetForm();
    if (socket.connected && session.user) socket.emit('seat:editing', null);
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
    const { rows } = this.read;
    const { electorate, rejected, unknownParties: unknown, newParties } = this;
    const figures = typedFigures(this.read, { electorate, rejected, unknown, newParties });
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
