/** The entry desk's seat search: the seats by name, the matches as the editor types, the one highlighted. */
import { foldText } from '../../../../shared/domain/fold.ts';
import { electionStore } from './election.svelte.ts';

export class SeatSearch {
  query = $state('');
  highlighted = $state(0);

  seats = $derived([...(electionStore.state?.seats ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')));

  /** The seat picked, so its own name in the box is not offered again. */
  readonly #picked: () => { name: string } | null;
  constructor(picked: () => { name: string } | null) {
    this.#picked = picked;
  }

  matches = $derived.by(() => {
    const q = foldText(this.query);
    const seat = this.#picked();
    if (q === '' || (seat && foldText(seat.name) === q)) return [];
    const starts = this.seats.filter((s) => foldText(s.name).startsWith(q));
    const within = this.seats.filter((s) => !foldText(s.name).startsWith(q) && foldText(s.name).includes(q));
    return [...starts, ...within].slice(0, 8);
  });

  moveHighlight(step: number): void {
    const n = this.matches.length;
    if (n > 0) this.highlighted = (this.highlighted + step + n) % n;
  }
}
