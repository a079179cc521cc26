/**
 * The entry desk: the token, the election and seat being declared, the
 * candidate rows as typed, and the server's answer. Validation is the
 * server's (shared/protocol/schemas.ts); this page shows what it says.
 */
import type { Party, Seat } from '../../../../shared/protocol/schemas.ts';
import {
  chooseElection,
  fetchElectionState,
  fetchElections,
  publishDeclaration,
  type DeclarationBody,
  type ElectionListing,
  type PublishReply,
} from '../api.ts';

const TOKEN_KEY = 'election-night:api-token';

export interface CandidateRow {
  /** Stable key for the row while others are added and removed. */
  key: number;
  name: string;
  party: string;
  votes: string;
}

/** "5,652" -> 5652; "" -> undefined (left out); anything else is sent as typed for the server to name. */
export function parseCount(typed: string): unknown {
  const trimmed = typed.trim();
  if (trimmed === '') return undefined;
  const plain = trimmed.replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : trimmed;
}

const isBlank = (row: CandidateRow) => row.name.trim() === '' && row.party.trim() === '' && row.votes.trim() === '';

function readStoredToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

class EntryDesk {
  token = $state('');
  elections = $state<ElectionListing[]>([]);
  electionId = $state('');
  seats = $state.raw<Seat[]>([]);
  parties = $state.raw<Party[]>([]);
  seatCode = $state('');
  candidates = $state<CandidateRow[]>([]);
  electorate = $state('');
  rejected = $state('');
  publishing = $state(false);
  reply = $state.raw<PublishReply | null>(null);
  /** Row index for each submitted candidate index, so problems can point at the row typed. */
  submittedRows = $state.raw<number[]>([]);
  loadError = $state<string | null>(null);
  #nextKey = 0;

  constructor() {
    this.candidates = [this.#blankRow(), this.#blankRow()];
  }

  #blankRow(): CandidateRow {
    return { key: this.#nextKey++, name: '', party: '', votes: '' };
  }

  async load(asked: string | null): Promise<void> {
    this.token = readStoredToken();
    try {
      this.elections = await fetchElections();
    } catch (err) {
      this.loadError = `Could not load the elections: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    const chosen = chooseElection(this.elections, asked);
    if (chosen !== null) await this.chooseElection(chosen);
  }

  async chooseElection(electionId: string): Promise<void> {
    this.electionId = electionId;
    this.seats = [];
    this.seatCode = '';
    this.loadError = null;
    try {
      const state = await fetchElectionState(electionId);
      if (this.electionId !== electionId) return; // another choice was made meanwhile
      this.parties = state.parties;
      this.seats = [...state.seats].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    } catch (err) {
      this.loadError = `Could not load the seats: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  rememberToken(): void {
    try {
      if (this.token.trim() === '') sessionStorage.removeItem(TOKEN_KEY);
      else sessionStorage.setItem(TOKEN_KEY, this.token.trim());
    } catch {
      // Private windows may refuse storage; the field still holds the token for this page.
    }
  }

  addCandidate(): void {
    this.candidates.push(this.#blankRow());
  }

  removeCandidate(index: number): void {
    if (this.candidates.length <= 1) return;
    this.candidates.splice(index, 1);
  }

  seatName(code: string): string {
    return this.seats.find((s) => s.code === code)?.name ?? code;
  }

  /** Rows left wholly blank are not sent; everything else is, as typed. */
  #body(): { body: DeclarationBody; rows: number[] } {
    const rows: number[] = [];
    const candidates: DeclarationBody['candidates'] = [];
    this.candidates.forEach((row, index) => {
      if (isBlank(row)) return;
      rows.push(index);
      candidates.push({ name: row.name.trim(), party: row.party.trim(), votes: parseCount(row.votes) });
    });
    const body: DeclarationBody = { seat: this.seatCode, candidates };
    const electorate = parseCount(this.electorate);
    const rejected = parseCount(this.rejected);
    if (electorate !== undefined) body.electorate = electorate;
    if (rejected !== undefined) body.rejected = rejected;
    return { body, rows };
  }

  async publish(): Promise<void> {
    if (this.publishing) return;
    this.rememberToken();
    const { body, rows } = this.#body();
    this.publishing = true;
    try {
      this.reply = await publishDeclaration({ electionId: this.electionId, token: this.token.trim(), body });
      this.submittedRows = rows;
      if (this.reply.kind === 'published') {
        this.candidates = [this.#blankRow(), this.#blankRow()];
        this.electorate = '';
        this.rejected = '';
      }
    } finally {
      this.publishing = false;
    }
  }

  /**
   * The form field a problem path points at: "candidates[2].votes" -> "2.votes"
   * (the row as typed, blank rows aside), "electorate" -> "electorate".
   */
  problemField(path: string): string | null {
    const candidate = /^candidates(?:\[(\d+)\]|\.(\d+))(?:\.(\w+))?/.exec(path);
    if (candidate === null) return /^(seat|electorate|rejected)\b/.exec(path)?.[1] ?? null;
    const row = this.submittedRows[Number(candidate[1] ?? candidate[2])];
    if (row === undefined) return null;
    return `${row}.${candidate[3] ?? 'row'}`;
  }
}

export const entryDesk = new EntryDesk();
