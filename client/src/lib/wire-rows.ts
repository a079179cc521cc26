/** A held wire result beside the desk's figures, candidate by candidate (matched by party, then by order), differences marked. */
import type { Candidate } from '../../../shared/protocol/schemas.ts';

export interface SideBySideRow {
  party: string;
  wire: Candidate | null;
  desk: Candidate | null;
  differs: boolean;
}

export function sideBySide(wire: readonly Candidate[], desk: readonly Candidate[] | null): SideBySideRow[] {
  const left = [...(desk ?? [])];
  const rows: SideBySideRow[] = wire.map((w) => {
    const at = left.findIndex((d) => d.party === w.party);
    const d = at < 0 ? null : left.splice(at, 1)[0];
    return { party: w.party, wire: w, desk: d, differs: desk !== null && d?.votes !== w.votes };
  });
  for (const d of left) rows.push({ party: d.party, wire: null, desk: d, differs: true });
  return rows;
}
