/**
 * PA's file names: `{Election}_{nominations|result|rush|recount}_{Constituency}_{Revision}.xml`
 * for a seat, `{Election}_SOP_{Revision}.xml` for the state of parties (PA's own test file is
 * Test_General_Election_SOP_650.xml). The election part has underscores of its own, so the
 * name is read from the right. Anything else is not a PA message and is named as such.
 */
export const PA_KINDS = ['nominations', 'result', 'rush', 'recount', 'SOP'] as const;
export type PaKind = (typeof PA_KINDS)[number];

export interface PaFileName {
  name: string;
  election: string;
  kind: PaKind;
  /** PA's constituency number; null for a state of parties. */
  constituency: number | null;
  revision: number;
}

const SEAT_FILE = /^(.+)_(nominations|result|rush|recount)_(\d+)_(\d+)\.xml$/;
const SOP_FILE = /^(.+)_SOP_(\d+)\.xml$/;

export type FileNameReading = { ok: true; file: PaFileName } | { ok: false; reason: string };

export function readPaFileName(name: string): FileNameReading {
  const seat = SEAT_FILE.exec(name);
  if (seat) {
    return {
      ok: true,
      file: { name, election: seat[1], kind: seat[2] as PaKind, constituency: Number(seat[3]), revision: Number(seat[4]) },
    };
  }
  const sop = SOP_FILE.exec(name);
  if (sop) return { ok: true, file: { name, election: sop[1], kind: 'SOP', constituency: null, revision: Number(sop[2]) } };
  return {
    ok: false,
    reason:
      `not a PA message name: expected {Election}_{nominations|result|rush|recount}_{Constituency}_{Revision}.xml or ` +
      `{Election}_SOP_{Revision}.xml`,
  };
}

export function paFileName(file: Omit<PaFileName, 'name'>): string {
  return file.kind === 'SOP'
    ? `${file.election}_SOP_${file.revision}.xml`
    : `${file.election}_${file.kind}_${file.constituency}_${file.revision}.xml`;
}

/** Where a message lives on PA's server: nominations in nominations/, everything else in results/. */
export const paFolder = (kind: PaKind) => (kind === 'nominations' ? 'nominations' : 'results');
