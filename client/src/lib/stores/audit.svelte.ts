/** The audit page: every version of every seat, filtered on the server, for editors and admins. */
import type { AuditRow } from '../../../../shared/protocol/accounts.ts';
import { chooseElection, fetchElections } from '../api.ts';
import { fetchAudit } from '../desk-api.ts';
import { session } from './session.svelte.ts';

class AuditTrail {
  electionId = $state('');
  rows = $state.raw<AuditRow[]>([]);
  seat = $state('');
  editor = $state('');
  kind = $state('');
  error = $state<string | null>(null);
  loading = $state(false);

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
      const answer = await fetchAudit(this.electionId, this.filter);
      if (answer.ok) {
        this.rows = answer.rows;
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
