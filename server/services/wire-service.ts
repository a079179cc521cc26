/**
 * PA's wire into the night, through the same election service as the desk. Each file is read
 * strictly (server/wire/pa-reader.ts), mapped to a seat, and settled once in one transaction:
 * applied (a declaration, correction or recount as a new version, its source the file and
 * revision), skipped (an older or equal revision, a revision that changes nothing, a rush after
 * the result) or held for the desk (the election waits for an editor, or the desk already has
 * other figures). A file that cannot be read is reported with its reason and settles nothing, so
 * a good copy or a later revision is taken when it comes.
 */
import { createHash } from 'node:crypto';
import { sameFigures, sopDifferences } from '../../shared/wire/compare.ts';
import { partyFromPa } from '../../shared/wire/pa-parties.ts';
import type { DeclarationInput, RushInput, SeatState } from '../../shared/protocol/schemas.ts';
import type {
  SopCheck,
  WireDecisionInput,
  WireDesk,
  WireFeed,
  WireLogEntry,
  WireProblem,
  WirePublish,
  WireRush,
} from '../../shared/protocol/wire.ts';
import type { Db } from '../db/connection.ts';
import * as candidateLists from '../db/candidate-versions-repo.ts';
import * as repo from '../db/wire-repo.ts';
import { readPaFileName, type PaFileName } from '../wire/pa-file-name.ts';
import { readPaXml, type PaMessage } from '../wire/pa-reader.ts';
import { paSeatMap, type PaSeatMap, type XrefRow } from '../wire/pa-seats.ts';
import type { ElectionService } from './election-service.ts';
import { RefusedError } from './errors.ts';

/** Who the wire's versions are entered by, in the audit. */
export const WIRE_EDITOR = 'PA wire';
/** The desk shows the feed down when the poller has said nothing for this long. */
export const FEED_SILENCE_MS = 5000;

/** `fault`: the server failed on the file (a fault of ours, not of the file); it is read again at the next change. */
export type WireOutcome = { outcome: 'applied' | 'skipped' | 'held' | 'refused'; note: string; seq?: number; fault?: unknown };

type Figures = Omit<DeclarationInput, 'seat'>;
interface Stored {
  message: PaMessage;
  figures?: Figures;
}

interface WireNight {
  seats?: PaSeatMap;
  names: Map<string, string>;
  settled?: Set<string>;
  problems: Map<string, WireProblem & { hash: string }>;
  rushes: Map<string, WireRush>;
  sop: SopCheck | null;
  inexact: Set<string>;
  feed: WireFeed;
  lastReportAt: number;
  /** Nominations changed a candidate list: the screens are told once, after the files in hand. */
  candidatesChanged?: boolean;
  broadcast?: ReturnType<typeof setTimeout>;
}

export interface WireServiceDeps {
  db: Db;
  elections: ElectionService;
  /** PA's 2010-boundary cross-reference, or null where it is not to hand (then seats are found by name). */
  xref?: () => readonly XrefRow[] | null;
  now?: () => Date;
  /** The desk's view of the wire changed (sent at most every 200 ms). */
  onChanged?: (electionId: string, desk: WireDesk) => void;
}

export type WireService = ReturnType<typeof createWireService>;

const sameList = (a: readonly { name: string; party: string }[], b: readonly { name: string; party: string }[]) =>
  a.length === b.length && a.every((c, i) => c.name === b[i].name && c.party === b[i].party);

class Refusal extends Error {}
const refuse = (reason: string): never => {
  throw new Refusal(reason);
};

export function createWireService({ db, elections, xref = () => null, now = () => new Date(), onChanged = () => {} }: WireServiceDeps) {
  const nights = new Map<string, WireNight>();
  const at = () => now().toISOString();

  function night(electionId: string): WireNight {
    let n = nights.get(electionId);
    if (!n) {
      elections.head(electionId); // 404 for an unknown election
      n = {
        names: new Map(),
        problems: new Map(),
        rushes: new Map(),
        sop: null,
        inexact: new Set(),
        feed: { state: 'off', detail: 'no poller has reported', since: null, lastOkAt: null },
        lastReportAt: 0,
      };
      nights.set(electionId, n);
      restore(electionId, n);
    }
    return n;
  }

  /** After a restart: rushes still awaiting figures and the last state-of-parties check, from the files settled. */
  function restore(electionId: string, n: WireNight) {
    for (const row of repo.allFiles(db, electionId)) {
      const stored = JSON.parse(row.message_json) as Stored;
      if (row.kind === 'rush' && row.outcome === 'applied' && stored.message.kind === 'rush' && row.seat_code) {
        if (['undeclared', 'rushed'].includes(elections.seat(electionId, row.seat_code).status))
          n.rushes.set(row.seat_code, rushOf(electionId, row.name, row.seat_code, stored.message, row.received_at));
      }
      if (row.kind === 'SOP' && row.outcome === 'applied' && stored.message.kind === 'SOP')
        n.sop = sopCheck(electionId, row.name, stored.message, row.received_at);
    }
  }

  function changed(electionId: string) {
    const n = night(electionId);
    n.broadcast ??= setTimeout(() => {
      n.broadcast = undefined;
      onChanged(electionId, desk(electionId));
    }, 200);
  }

  function seatsOf(electionId: string, n: WireNight): PaSeatMap {
    if (!n.seats) {
      const seats = elections.state(electionId).seats;
      for (const s of seats) n.names.set(s.code, s.name);
      n.seats = paSeatMap(seats, xref());
    }
    return n.seats;
  }

  function settledOf(electionId: string, n: WireNight): Set<string> {
    n.settled ??= new Set(repo.fileNames(db, electionId));
    return n.settled;
  }

  function seatOf(electionId: string, n: WireNight, file: PaFileName, message: Exclude<PaMessage, { kind: 'SOP' }>): string {
    if (file.constituency !== message.number) refuse(`the file name says constituency ${file.constituency}, the file ${message.number}`);
    const found = seatsOf(electionId, n).seatFor(message.number, message.name);
    if (!found.ok) return refuse(found.reason);
    if (found.inexact) n.inexact.add(found.inexact);
    return found.code;
  }

  function figuresOf(file: PaFileName, message: Extract<PaMessage, { kind: 'result' }>): Figures {
    const candidates = message.candidates.map((c) => ({
      name: c.name,
      party: partyFromPa(c.party.abbreviation),
      votes: c.votes ?? refuse(`candidate ${c.name} has no votes`),
    }));
    const top = Math.max(...candidates.map((c) => c.votes));
    const elected = message.candidates.filter((c) => c.elected);
    if (elected.length !== 1) refuse(`${elected.length} candidates are marked elected; a result marks one`);
    const winner = candidates[message.candidates.indexOf(elected[0])];
    if (winner.votes !== top)
      refuse(`PA marks ${winner.name} elected, but ${candidates.find((c) => c.votes === top)!.name} has more votes`);
    const tied = candidates.filter((c) => c.votes === top).length > 1;
    return {
      candidates,
      ...(message.electorate !== undefined && { electorate: message.electorate }),
      // Only a time with its offset is taken: a bare local time would be a guess at the zone.
      ...(message.declarationTime && /(Z|[+-]\d\d:\d\d)$/.test(message.declarationTime) && { declaredAt: message.declarationTime }),
      ...(tied && { winnerByLot: winner.name }),
      source: 'wire',
      wire: { file: file.name, revision: file.revision },
      // PA's parties are its own: a code the night does not know yet is taken as a new party, flagged on the desk and in the audit.
      newParties: [...new Set(candidates.map((c) => c.party))],
    };
  }

  function rushOf(electionId: string, name: string, seat: string, m: Extract<PaMessage, { kind: 'rush' }>, receivedAt: string): WireRush {
    const party = partyFromPa(m.winningParty);
    const from = partyFromPa(m.sittingParty);
    return {
      seat,
      name: elections.seat(electionId, seat).name,
      file: name,
      gainOrHold: m.gainOrHold,
      party,
      from,
      label: m.gainOrHold === 'hold' ? `${party} HOLD` : `${party} GAIN from ${from}`,
      receivedAt,
    };
  }

  function sopCheck(electionId: string, name: string, m: Extract<PaMessage, { kind: 'SOP' }>, when: string): SopCheck {
    const { house } = elections.state(electionId);
    return {
      file: name,
      paResults: m.numberOfResults,
      ourResults: house.declared,
      differences: sopDifferences(m.parties, house.partyTable),
      at: when,
    };
  }

  const deskFigures = (seat: SeatState): Figures | null => {
    if (!seat.declaration) return null;
    const { enteredAt: _at, ...figures } = seat.declaration;
    return figures;
  };

  /** Settles one file in one transaction: the row and whatever version it publishes, or neither. */
  function settle(
    electionId: string,
    file: PaFileName,
    seat: string | null,
    outcome: 'applied' | 'skipped' | 'held',
    note: string,
    stored: Stored,
    act?: () => number | null,
    heldFor?: 'confirm' | 'disagree',
  ): WireOutcome {
    let seq: number | null = null;
    db.transaction(() => {
      const row = repo.insertFile(db, {
        election_id: electionId,
        name: file.name,
        kind: file.kind,
        seat_code: seat,
        revision: file.revision,
        outcome,
        note,
        message_json: JSON.stringify(stored),
        received_at: at(),
        held_for: heldFor ?? null,
      });
      seq = act?.() ?? null;
      if (seq !== null) repo.setPublishedSeq(db, row.id, seq);
    })();
    return { outcome, note, ...(seq !== null && { seq }) };
  }

  /** A newer file or an applied one ends whatever was held for the seat. */
  function supersedeHolds(electionId: string, seat: string, by: string) {
    for (const row of repo.openHolds(db, electionId).filter((r) => r.seat_code === seat)) {
      repo.resolve(db, row.id, { resolution: 'superseded', by, at: at(), note: null });
    }
  }

  function applyResult(electionId: string, n: WireNight, file: PaFileName, message: Extract<PaMessage, { kind: 'result' }>): WireOutcome {
    const seat = seatOf(electionId, n, file, message);
    const figures = figuresOf(file, message);
    const stored: Stored = { message, figures };
    const highest = repo.highestRevision(db, electionId, 'result', seat);
    if (highest >= file.revision)
      return settle(
        electionId,
        file,
        seat,
        'skipped',
        `revision ${file.revision} is not newer than revision ${highest}, already received`,
        stored,
      );
    const current = elections.seat(electionId, seat);
    const declared = current.status === 'declared' && current.declaration !== null;
    // Checked before anything is held, so a held result can be published as it stands.
    try {
      elections.vet(
        electionId,
        declared ? 'corrected' : 'declared',
        seat,
        declared ? { ...figures, reason: 'wire revision' } : { ...figures, seat },
      );
    } catch (error) {
      if (error instanceof RefusedError) refuse(error.message);
      throw error;
    }
    supersedeHolds(electionId, seat, WIRE_EDITOR);
    const publish = repo.readPublish(db, electionId);
    if (declared) {
      const fromWire = current.declaration!.source === 'wire';
      if (sameFigures(current.declaration!.candidates, figures.candidates)) {
        n.rushes.delete(seat);
        return settle(
          electionId,
          file,
          seat,
          'skipped',
          fromWire ? 'no change from the figures on screen' : "agrees with the desk's figures",
          stored,
        );
      }
      if (!fromWire)
        return settle(
          electionId,
          file,
          seat,
          'held',
          `the desk has other figures (version ${current.version}): an editor decides`,
          stored,
          undefined,
          'disagree',
        );
    }
    if (publish === 'confirm')
      return settle(electionId, file, seat, 'held', 'waits for an editor to publish it', stored, undefined, 'confirm');
    n.rushes.delete(seat);
    const publishes = declared
      ? () =>
          elections.correct(
            electionId,
            seat,
            { ...figures, reason: `PA revision ${file.revision} (${file.name})`, basedOnVersion: current.version },
            WIRE_EDITOR,
          ).seq
      : () => elections.declare(electionId, { ...figures, seat }, WIRE_EDITOR).seq;
    return settle(electionId, file, seat, 'applied', declared ? `corrected to revision ${file.revision}` : 'declared', stored, publishes);
  }

  function applyRush(electionId: string, n: WireNight, file: PaFileName, message: Extract<PaMessage, { kind: 'rush' }>): WireOutcome {
    const seat = seatOf(electionId, n, file, message);
    const stored: Stored = { message };
    if (repo.highestRevision(db, electionId, 'result', seat) > 0)
      return settle(electionId, file, seat, 'skipped', 'the full result is already in', stored);
    if (elections.seat(electionId, seat).status === 'declared')
      return settle(electionId, file, seat, 'skipped', 'the seat is already declared', stored);
    const highest = repo.highestRevision(db, electionId, 'rush', seat);
    if (highest >= file.revision)
      return settle(electionId, file, seat, 'skipped', `revision ${file.revision} is not newer than revision ${highest}`, stored);
    n.rushes.set(seat, rushOf(electionId, file.name, seat, message, at()));
    // ADR 0024: published at once on every screen, awaiting figures; an election that waits for an editor shows it on the desk only.
    if (repo.readPublish(db, electionId) === 'confirm')
      return settle(electionId, file, seat, 'applied', 'awaiting figures (on the desk only: the election waits for an editor)', stored);
    const rush: RushInput = {
      party: partyFromPa(message.winningParty),
      sitting: message.sittingParty ? partyFromPa(message.sittingParty) : null,
      gainOrHold: message.gainOrHold,
      ...(message.text !== undefined && { text: message.text }),
      source: 'wire',
      wire: { file: file.name, revision: file.revision },
    };
    return settle(
      electionId,
      file,
      seat,
      'applied',
      'awaiting figures',
      stored,
      () => elections.rush(electionId, seat, rush, WIRE_EDITOR).seq,
    );
  }

  function applyRecount(electionId: string, n: WireNight, file: PaFileName, message: Extract<PaMessage, { kind: 'recount' }>): WireOutcome {
    const seat = seatOf(electionId, n, file, message);
    const stored: Stored = { message };
    const highest = repo.highestRevision(db, electionId, 'recount', seat);
    if (highest >= file.revision)
      return settle(electionId, file, seat, 'skipped', `revision ${file.revision} is not newer than revision ${highest}`, stored);
    if (elections.seat(electionId, seat).status === 'recount')
      return settle(electionId, file, seat, 'skipped', 'the seat is already in recount', stored);
    n.rushes.delete(seat);
    return settle(
      electionId,
      file,
      seat,
      'applied',
      'recount',
      stored,
      () => elections.recount(electionId, seat, { reason: `PA: recount (${file.name})` }, WIRE_EDITOR).seq,
    );
  }

  /** PA's nominations set the seat's candidate list the desk offers: a new version when it differs, none deleted. */
  function applyNominations(
    electionId: string,
    n: WireNight,
    file: PaFileName,
    message: Extract<PaMessage, { kind: 'nominations' }>,
  ): WireOutcome {
    const seat = seatOf(electionId, n, file, message);
    const stored: Stored = { message };
    const highest = repo.highestRevision(db, electionId, 'nominations', seat);
    if (highest >= file.revision)
      return settle(electionId, file, seat, 'skipped', `revision ${file.revision} is not newer than revision ${highest}`, stored);
    const list = message.candidates.map((c) => ({ name: c.name, party: partyFromPa(c.party.abbreviation) }));
    if (sameList(candidateLists.currentList(db, electionId, seat), list))
      return settle(electionId, file, seat, 'skipped', `the same ${list.length} candidates as the list held`, stored);
    const outcome = settle(electionId, file, seat, 'applied', `${list.length} candidates: the desk's list for the seat`, stored, () => {
      candidateLists.appendList(db, electionId, seat, list, `PA nominations revision ${file.revision} (${file.name})`, WIRE_EDITOR, at());
      return null;
    });
    n.candidatesChanged = true;
    return outcome;
  }

  function apply(electionId: string, n: WireNight, file: PaFileName, message: PaMessage): WireOutcome {
    if (message.kind !== 'SOP' && message.revision !== undefined && message.revision !== file.revision) {
      refuse(`the file name says revision ${file.revision}, the file ${message.revision}`);
    }
    switch (message.kind) {
      case 'result':
        return applyResult(electionId, n, file, message);
      case 'rush':
        return applyRush(electionId, n, file, message);
      case 'recount':
        return applyRecount(electionId, n, file, message);
      case 'nominations':
        return applyNominations(electionId, n, file, message);
      case 'SOP': {
        const highest = repo.highestRevision(db, electionId, 'SOP', null);
        if (highest >= file.revision)
          return settle(electionId, file, null, 'skipped', `state of parties ${file.revision} is not newer than ${highest}`, { message });
        n.sop = sopCheck(electionId, file.name, message, at());
        const { differences } = n.sop;
        return settle(
          electionId,
          file,
          null,
          'applied',
          differences.length === 0 ? 'agrees with our party table' : `${differences.length} parties differ from our party table`,
          { message },
        );
      }
    }
  }

  function receiveOne(electionId: string, n: WireNight, name: string, xml: string): WireOutcome {
    const settled = settledOf(electionId, n);
    if (settled.has(name)) return { outcome: 'skipped', note: 'already settled' };
    const hash = createHash('sha256').update(xml).digest('hex');
    const before = n.problems.get(name);
    if (before?.hash === hash) return { outcome: 'refused', note: before.reason };
    try {
      const named = readPaFileName(name);
      if (!named.ok) refuse(named.reason);
      const file = (named as { file: PaFileName }).file;
      const read = readPaXml(file.kind, xml);
      if (!read.ok) refuse(read.reason);
      const outcome = apply(electionId, n, file, (read as { message: PaMessage }).message);
      settled.add(name);
      // A good copy or a later revision puts right the problems of the same message.
      for (const [problem] of n.problems) {
        const earlier = readPaFileName(problem);
        if (
          earlier.ok &&
          earlier.file.kind === file.kind &&
          earlier.file.constituency === file.constituency &&
          earlier.file.revision <= file.revision
        )
          n.problems.delete(problem);
      }
      n.problems.delete(name);
      return outcome;
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      n.problems.set(name, { file: name, reason: error.message, at: at(), hash });
      return { outcome: 'refused', note: error.message };
    }
  }

  /**
   * Settles the files of one poll in one transaction (one fsync for the lot, the screens told
   * after it commits), each file still settled whole or not at all: a refusal takes back only
   * its own file. If the commit fails, nothing of the batch is settled and it is read again.
   */
  function receiveMany(electionId: string, files: readonly { name: string; xml: string }[]): WireOutcome[] {
    const n = night(electionId);
    try {
      return elections.inOneTransaction(() =>
        files.map(({ name, xml }) => {
          try {
            // Its own savepoint: a fault of ours on one file takes back that file alone.
            return db.transaction(() => receiveOne(electionId, n, name, xml))();
          } catch (fault) {
            n.settled?.delete(name);
            return { outcome: 'refused', note: 'the server failed on it', fault };
          }
        }),
      );
    } catch (error) {
      // What this night held of the batch is forgotten with it: read again from what is on disk.
      n.settled = undefined;
      n.seats = undefined;
      throw error;
    } finally {
      if (n.candidatesChanged) {
        n.candidatesChanged = false;
        elections.candidatesChanged(electionId);
      }
      changed(electionId);
    }
  }

  function desk(electionId: string): WireDesk {
    const n = night(electionId);
    const state = elections.state(electionId);
    const seats = new Map(state.seatStates.map((s) => [s.code, s]));
    return {
      election: electionId,
      publish: repo.readPublish(db, electionId),
      feed: n.feed,
      held: repo.openHolds(db, electionId).map((row) => {
        const seat = seats.get(row.seat_code!)!;
        return {
          id: row.id,
          file: row.name,
          revision: row.revision,
          seat: seat.code,
          name: seat.name,
          heldFor: row.held_for!,
          wire: (JSON.parse(row.message_json) as Stored).figures!,
          desk: deskFigures(seat),
          deskVersion: seat.version,
          receivedAt: row.received_at,
        };
      }),
      rushes: [...n.rushes.values()],
      recounts: state.seatStates
        .filter((s) => s.status === 'recount')
        .map((s) => ({ seat: s.code, name: s.name, file: s.lastReason ?? '' })),
      problems: [...n.problems.values()].map(({ hash: _hash, ...p }) => p),
      sop: n.sop,
      inexactNames: [...n.inexact],
      counts: repo.counts(db, electionId),
    };
  }

  function report(electionId: string, ok: boolean, detail: string) {
    const n = night(electionId);
    n.lastReportAt = now().getTime();
    const state = ok ? 'up' : 'down';
    if (ok) n.feed = { ...n.feed, lastOkAt: at() };
    if (n.feed.state !== state || n.feed.detail !== detail) {
      n.feed = { ...n.feed, state, detail, since: n.feed.state === state ? n.feed.since : at() };
      changed(electionId);
    }
  }

  // A poller that stops reporting (its process gone, a hung connection) reads as down on the desk.
  const watchdog = setInterval(() => {
    for (const [electionId, n] of nights) {
      if (n.feed.state === 'up' && now().getTime() - n.lastReportAt > FEED_SILENCE_MS) {
        n.feed = {
          ...n.feed,
          state: 'down',
          detail: `no word from the poller for ${Math.round((now().getTime() - n.lastReportAt) / 1000)} s`,
          since: at(),
        };
        changed(electionId);
      }
    }
  }, 1000);
  watchdog.unref();

  return {
    /** Reads and settles one file as fetched from PA; a file already settled is not read again. */
    receive(electionId: string, name: string, xml: string): WireOutcome {
      const [outcome] = receiveMany(electionId, [{ name, xml }]);
      if (outcome.fault) throw outcome.fault;
      return outcome;
    },

    receiveMany,

    settledNames: (electionId: string): string[] => [...settledOf(electionId, night(electionId))],

    /** The poller's word after each poll: the desk shows the feed up or down. */
    report,

    desk,

    setPublish(electionId: string, publish: WirePublish) {
      night(electionId);
      repo.writePublish(db, electionId, publish);
      changed(electionId);
      return { publish };
    },

    /** An editor's call on a held result: publish the wire's figures, or keep the desk's (the wire's stay in the log). */
    decide(electionId: string, id: number, input: WireDecisionInput, by: string) {
      const n = night(electionId);
      const row = repo.findFile(db, electionId, id);
      if (!row || row.outcome !== 'held') throw new RefusedError(404, `wire: no held wire result ${id} in ${electionId}`);
      if (row.resolution)
        throw new RefusedError(409, `wire: ${row.name} is already ${row.resolution}${row.resolved_by ? ` (by ${row.resolved_by})` : ''}`);
      const seat = row.seat_code!;
      let seq: number | null = null;
      if (input.action === 'publish') {
        const figures = (JSON.parse(row.message_json) as Stored).figures!;
        const current = elections.seat(electionId, seat);
        db.transaction(() => {
          seq =
            current.status === 'declared'
              ? elections.correct(
                  electionId,
                  seat,
                  {
                    ...figures,
                    reason: input.reason ?? `PA revision ${row.revision} (${row.name}), published by ${by}`,
                    basedOnVersion: current.version,
                  },
                  WIRE_EDITOR,
                  by,
                ).seq
              : elections.declare(electionId, { ...figures, seat }, WIRE_EDITOR, by).seq;
          repo.resolve(db, row.id, { resolution: 'published', by, at: at(), note: input.reason ?? null, seq });
        })();
        n.rushes.delete(seat);
      } else {
        repo.resolve(db, row.id, { resolution: 'kept-desk', by, at: at(), note: input.reason ?? null });
      }
      changed(electionId);
      return { resolution: input.action === 'publish' ? 'published' : 'kept-desk', seq };
    },

    /** Every file settled, with the wire's figures kept beside whatever the desk decided. */
    log(electionId: string): WireLogEntry[] {
      night(electionId);
      return repo.allFiles(db, electionId).map((r) => ({
        file: r.name,
        kind: r.kind,
        seat: r.seat_code,
        revision: r.revision,
        outcome: r.outcome,
        note: r.note,
        receivedAt: r.received_at,
        publishedSeq: r.published_seq,
        heldFor: r.held_for,
        resolution: r.resolution,
        resolvedBy: r.resolved_by,
        resolutionNote: r.resolution_note,
        wire: (JSON.parse(r.message_json) as Stored).figures ?? null,
      }));
    },

    close() {
      clearInterval(watchdog);
      for (const n of nights.values()) if (n.broadcast) clearTimeout(n.broadcast);
    },
  };
}
