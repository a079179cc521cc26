/** The admin page: accounts, tokens and each election's settings, as one rune class with one instance. */
import type { NewToken, NewUserInput, TokenListing, UserListing } from '../../../../shared/protocol/accounts.ts';
import type { ElectionMode } from '../../../../shared/protocol/schemas.ts';
import * as adminApi from '../admin-api.ts';
import type { Refusal, Reply } from '../http.ts';
import { fetchElections } from '../api.ts';

export interface ElectionSettings {
  id: string;
  name: string;
  mode: ElectionMode;
  requireConfirmation: boolean;
}

/** Which form a refusal belongs to, so it is shown next to that form. */
export type FormKey = 'load' | 'user' | 'token' | `disable:${string}` | `revoke:${number}` | `election:${string}`;

class AdminDesk {
  users = $state.raw<UserListing[]>([]);
  tokens = $state.raw<TokenListing[]>([]);
  elections = $state.raw<ElectionSettings[]>([]);
  loaded = $state(false);
  /** Shown once, straight after creation; never fetched again. */
  newToken = $state.raw<NewToken | null>(null);
  refusals = $state.raw<Partial<Record<FormKey, Refusal>>>({});
  /** The last thing done, read out by screen readers. */
  status = $state('');
  busy = $state(false);

  #settle(key: FormKey, answer: { ok: true } | Refusal, done: string): boolean {
    const next = { ...this.refusals };
    delete next[key];
    if (!answer.ok) next[key] = answer;
    this.refusals = next;
    if (answer.ok) this.status = done;
    return answer.ok;
  }

  async #run<T>(key: FormKey, request: Promise<Reply<T>>, done: (value: T) => string): Promise<T | null> {
    this.busy = true;
    try {
      const answer = await request;
      this.#settle(key, answer, answer.ok ? done(answer.value) : '');
      return answer.ok ? answer.value : null;
    } finally {
      this.busy = false;
    }
  }

  async load(): Promise<void> {
    const [users, tokens] = await Promise.all([adminApi.fetchUsers(), adminApi.fetchTokens()]);
    if (users.ok) this.users = users.value;
    if (tokens.ok) this.tokens = tokens.value;
    const refused = !users.ok ? users : !tokens.ok ? tokens : null;
    if (refused) {
      this.#settle('load', refused, '');
      this.loaded = true;
      return;
    }
    try {
      const listed = await fetchElections();
      this.elections = await Promise.all(
        listed.map(async (e) => {
          const desk = await adminApi.fetchRequireConfirmation(e.id);
          return { id: e.id, name: e.name, mode: e.mode, requireConfirmation: desk.ok && desk.value.requireConfirmation };
        }),
      );
      this.#settle('load', { ok: true }, '');
    } catch (err) {
      const error = `Could not load the elections: ${err instanceof Error ? err.message : String(err)}`;
      this.#settle('load', { ok: false, status: 0, error, problems: [], seat: null }, '');
    }
    this.loaded = true;
  }

  async #reloadUsers() {
    const users = await adminApi.fetchUsers();
    if (users.ok) this.users = users.value;
  }

  async #reloadTokens() {
    const tokens = await adminApi.fetchTokens();
    if (tokens.ok) this.tokens = tokens.value;
  }

  async createUser(input: NewUserInput): Promise<boolean> {
    const made = await this.#run('user', adminApi.createUser(input), (u) => `Created ${u.role} ${u.username}.`);
    if (made) await this.#reloadUsers();
    return made !== null;
  }

  async disableUser(username: string): Promise<void> {
    if (await this.#run(`disable:${username}`, adminApi.disableUser(username), () => `Disabled ${username}; their sessions have ended.`)) {
      await this.#reloadUsers();
    }
  }

  /** `forUser`: the person the token acts for (the admin signed in, if not given). */
  async createToken(name: string, forUser?: string): Promise<boolean> {
    const made = await this.#run('token', adminApi.createToken(name, forUser), (t) => `Created the token "${t.name}". Copy it now.`);
    this.newToken = made;
    if (made) await this.#reloadTokens();
    return made !== null;
  }

  forgetNewToken(): void {
    this.newToken = null;
  }

  async revokeToken(token: TokenListing): Promise<void> {
    if (await this.#run(`revoke:${token.id}`, adminApi.revokeToken(token.id), () => `Revoked the token "${token.name}".`)) {
      if (this.newToken?.id === token.id) this.newToken = null;
      await this.#reloadTokens();
    }
  }

  #update(id: string, change: Partial<ElectionSettings>) {
    this.elections = this.elections.map((e) => (e.id === id ? { ...e, ...change } : e));
  }

  async setRequireConfirmation(id: string, on: boolean): Promise<void> {
    const set = await this.#run(`election:${id}`, adminApi.setRequireConfirmation(id, on), (r) =>
      r.requireConfirmation ? `${id}: a second editor must now confirm every result.` : `${id}: results publish without a second editor.`,
    );
    if (set) this.#update(id, { requireConfirmation: set.requireConfirmation });
  }

  async setMode(id: string, mode: ElectionMode): Promise<void> {
    const set = await this.#run(`election:${id}`, adminApi.setMode(id, mode), (e) => `${id} is now in ${e.mode} mode.`);
    if (set) this.#update(id, { mode: set.mode });
  }
}

export const admin = new AdminDesk();
