/** The audit page: every version of every seat, filtered on the server, for editors and admins. */
import type { AuditRow, NightInputAuditRow } from '../../../../shared/protocol/accounts.ts';
import { chooseElection, fetchElections } from '../api.ts';
import { fetchAudit, fetchNightInputAudit } from '../desk-api.ts';
import { session } from './session.svelte.ts';

/** Rows on one page: a whole night is some 650 versions, too many for one page to read or draw. */
export const PAGE_SIZE = 50;

class AuditTrail {
  electionId = $state('');
  rows = $state.raw<AuditRow[]>([]);
  /** The exit poll's and the seats to watch's versions: not a seat's, so listed apart from the rows. */
  nightInputs = $state.raw<NightInputAuditRow[]>([]);
  seat = $state('');
  editor = $state('');
  kind = $state('');
  error = $state<string | null>(null);
  loading = $state(false);
  /** The page shown, from 0; back to the first with every new load or filter. */
  page = $state(0);

  pages = $derived(Math.max(1, Math.ceil(this.rows.length / PAGE_SIZE)));
  pageRows = $derived(this.rows.slice(this.page * PAGE_SIZE, (this.page + 1) * PAGE_SIZE));
  /** "51-100 of 650" */
  range = $derived(
    this.rows.length === 0
      ? '0'
      : `${this.page * PAGE_SIZE + 1}-${Math.min((this.page + 1) * PAGE_SIZE, this.rows.length)} of ${this.rows.length}`,
  );

  turnTo(page: number): void {
    this.page = Math.min(Math.max(0, page), this.pages - 1);
  }

  filter = $derived({ seat: this.seat, editor: this.editor, kind: this.kind });
  csvUrl = $derived.by(() => {
    const query = new URLSearchParams(Object.entries(this.filter).filter(([, v]) => v.trim() !== '')).toString();
    return `/api/elections/${encodeURIComponent(this.electionId)}/audit.csv${query ? `?${query}` : ''}`;
  });

  async start(asked: string | null): Promise<void> {
    try {
      this.electionId = chooseElection(await fetchElections(), asked) ?? '';
    } catch (err) {
      this.error = `Could not load the elections: ${err instanceof Error ? err.message : String(err)}`;
      return;
    }
    await this.load();
  }

  async load(): Promise<void> {
    if (!session.user || this.electionId === '') return;
    this.loading = true;
    try {
      const [answer, inputs] = await Promise.all([fetchAudit(this.electionId, this.filter), fetchNightInputAudit(this.electionId)]);
      if (inputs.ok) this.nightInputs = inputs.value;
      if (answer.ok) {
        this.rows = answer.value;
        this.page = 0;
        this.error = null;
      } else {
        this.error = answer.error;
      }
    } finally {
      this.loading = false;
    }
  }
}

export const auditTrail = new AuditTrail();
