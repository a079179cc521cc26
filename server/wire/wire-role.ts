/**
 * The wire role of the server: with WIRE_SOURCE and WIRE_ELECTION set (or the app's `wire`
 * option), a poller in this process feeds PA's drop into the wire service, the same one the
 * ingest process reaches over HTTP.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '../config/data-dir.ts';
import { reportFault } from '../process/faults.ts';
import type { WireService } from '../services/wire-service.ts';
import { readPaXref, type XrefRow } from './pa-seats.ts';
import { startWirePoller } from './wire-poller.ts';
import type { WireSource } from './wire-source.ts';

export interface WireFeedOptions {
  election?: string;
  source?: WireSource;
  intervalMs?: number;
  /** How often nominations/.timestamp is polled (10 s by default). */
  nominationsEveryMs?: number;
  log?: (line: string) => void;
  /** PA's cross-reference; by default ../shared/data/pa/ONS-PA-xref.csv where it exists. */
  xref?: () => readonly XrefRow[] | null;
}

/** PA's 2010-boundary numbers from the data folder, read once, or null where the file is absent. */
export function xrefFromDataDir(dir = dataDir()): () => readonly XrefRow[] | null {
  let read: readonly XrefRow[] | null | undefined;
  return () => {
    const file = path.join(dir, 'pa', 'ONS-PA-xref.csv');
    read ??= existsSync(file) ? readPaXref(file) : null;
    return read;
  };
}

export function startWireFeeds(wire: WireService, options: WireFeedOptions | undefined) {
  const off = { stop: async () => {}, requests: () => 0 };
  if (!options?.source || !options.election) return off;
  const election = options.election;
  try {
    wire.settledNames(election);
  } catch (error) {
    // WIRE_ELECTION names no election here: say so once rather than fail every file.
    (options.log ?? console.error)(`not polling ${options.source.describe}: ${(error as Error).message}`);
    return off;
  }
  return startWirePoller({
    source: options.source,
    intervalMs: options.intervalMs,
    nominationsEveryMs: options.nominationsEveryMs,
    log: options.log,
    sink: {
      settled: () => wire.settledNames(election),
      receive(files) {
        try {
          return wire.receiveMany(election, files).map(({ fault, ...outcome }, i) => {
            // A fault of ours, not of the file: reported, and the file is read again at the next change.
            if (fault) reportFault(`the wire file ${files[i].name}`, fault);
            return outcome;
          });
        } catch (error) {
          reportFault(`the wire files ${files.map((f) => f.name).join(', ')}`, error);
          return files.map(() => ({ outcome: 'refused', note: 'the server failed on it' }));
        }
      },
      report: (ok, detail) => wire.report(election, ok, detail),
    },
  });
}
