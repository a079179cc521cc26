/**
 * What editors set for the whole night rather than for one seat: the mode,
 * the big screens' settings, the exit poll, the seats to watch and the
 * expected declaration times. Each change reaches every screen at once.
 */
import { exitPollProblems } from '../../shared/domain/exit-poll.ts';
import type {
  Election,
  ElectionMode,
  ExitPoll,
  ExitPollInput,
  ExpectedTimesInput,
  ScreenSettings,
  SeatsToWatchInput,
  SeatsToWatchVersion,
} from '../../shared/protocol/schemas.ts';
import * as baselines from '../db/baselines-repo.ts';
import type { Db } from '../db/connection.ts';
import * as nightInputs from '../db/night-inputs-repo.ts';
import { RefusedError } from './errors.ts';
import { asExitPoll, asSeatsToWatch, latestExitPoll } from './night-inputs.ts';
import type { Nights } from './nights.ts';

/** What every screen follows at once: the mode, the big-screen settings, and the exit poll when it changed. */
export interface SettingsChange {
  election: Election;
  screen: ScreenSettings;
  exitPoll?: ExitPoll | null;
}

export interface NightSettingsDeps {
  db: Db;
  nights: Nights;
  now: () => Date;
  onSettings: (settings: SettingsChange) => void;
  /** The reference changed (the expected times): every screen watching must be sent the state again. */
  onReferenceChanged: (electionId: string) => void;
}

export function createNightSettings({ db, nights, now, onSettings, onReferenceChanged }: NightSettingsDeps) {
  return {
    /** The candidate lists changed (PA's nominations): every screen is sent the state again. */
    candidatesChanged(electionId: string) {
      const night = nights.get(electionId);
      night.reference = undefined;
      night.known = undefined;
      onReferenceChanged(electionId);
    },

    configureScreen(electionId: string, screen: ScreenSettings) {
      const night = nights.get(electionId);
      baselines.writeScreen(db, electionId, screen);
      night.screen = screen;
      onSettings({ election: night.election, screen });
      return screen;
    },

    /** The broadcasters' exit poll, as an editor typed it: a new version each time, every screen follows. */
    recordExitPoll(electionId: string, input: ExitPollInput, enteredBy: string): ExitPoll {
      const night = nights.get(electionId);
      const problems = exitPollProblems(input, night.election.totalSeats);
      if (problems.length > 0) throw RefusedError.forProblems(problems);
      const exitPoll = asExitPoll(nightInputs.appendInput(db, electionId, 'exit-poll', input, enteredBy, now().toISOString()));
      onSettings({ election: night.election, screen: night.screen, exitPoll });
      return exitPoll;
    },

    exitPoll(electionId: string): ExitPoll | null {
      nights.get(electionId);
      return latestExitPoll(db, electionId);
    },

    exitPollVersions(electionId: string): ExitPoll[] {
      nights.get(electionId);
      return nightInputs.inputVersions(db, electionId, 'exit-poll').map(asExitPoll);
    },

    /**
     * When each seat is expected to declare (a newsroom's CSV, or the replay's own schedule): a new
     * version each time. It is part of the reference, so every screen is sent the state again.
     */
    recordExpectedTimes(electionId: string, input: ExpectedTimesInput, enteredBy: string) {
      const night = nights.get(electionId);
      const unknown = input.times.flatMap((t, i) =>
        night.seats.has(t.seat) ? [] : [{ path: `times[${i}].seat`, message: `no seat ${t.seat} in ${electionId}` }],
      );
      if (unknown.length > 0) throw RefusedError.forProblems(unknown);
      const saved = nightInputs.appendInput(db, electionId, 'expected-times', input, enteredBy, now().toISOString());
      night.reference = undefined;
      onReferenceChanged(electionId);
      return { version: saved.version, seats: input.times.length };
    },

    /**
     * The seats editors flag to watch: the whole list, a new version each time. It is part of the
     * reference, like the expected times, so every screen is sent the state again.
     */
    recordSeatsToWatch(electionId: string, input: SeatsToWatchInput, enteredBy: string): SeatsToWatchVersion {
      const night = nights.get(electionId);
      const unknown = input.seats.flatMap((seat, i) =>
        night.seats.has(seat) ? [] : [{ path: `seats[${i}]`, message: `no seat ${seat} in ${electionId}` }],
      );
      if (unknown.length > 0) throw RefusedError.forProblems(unknown);
      const saved = nightInputs.appendInput(db, electionId, 'seats-to-watch', input, enteredBy, now().toISOString());
      night.reference = undefined;
      onReferenceChanged(electionId);
      return asSeatsToWatch(saved);
    },

    seatsToWatchVersions(electionId: string): SeatsToWatchVersion[] {
      nights.get(electionId);
      return nightInputs.inputVersions(db, electionId, 'seats-to-watch').map(asSeatsToWatch);
    },

    /** Rehearsal and test modes put a banner on every screen, embed and feed. */
    setMode(electionId: string, mode: ElectionMode) {
      const night = nights.get(electionId);
      baselines.writeMode(db, electionId, mode);
      night.election = { ...night.election, mode };
      onSettings({ election: night.election, screen: night.screen });
      return night.election;
    },
  };
}
