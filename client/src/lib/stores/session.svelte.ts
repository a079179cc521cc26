/** Who is signed in on this page, as a rune class with one instance (house style, after Immich's auth manager). */
import type { SessionInfo } from '../../../../shared/protocol/accounts.ts';
import { fetchSession, signIn, signOut } from '../desk-api.ts';
import { useCsrfToken } from '../http.ts';
import { socket } from '../socket.ts';

class SessionStore {
  user = $state.raw<SessionInfo['user']>(null);
  checked = $state(false);
  error = $state<string | null>(null);
  busy = $state(false);

  #take(session: SessionInfo) {
    this.user = session.user;
    useCsrfToken(session.csrfToken);
  }

  async load(): Promise<void> {
    const reply = await fetchSession();
    if (reply.ok) this.#take(reply.value);
    else this.error = reply.status === 0 ? reply.error : `Could not check the session: ${reply.error}`;
    this.checked = true;
  }

  async login(username: string, password: string): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      const answer = await signIn(username.trim(), password);
      if (!answer.ok) {
        this.error = answer.error;
        return false;
      }
      this.#take(answer.value);
      // The socket's handshake carried no cookie before: connect again so the desk knows who this is.
      if (socket.connected) {
        socket.disconnect();
        socket.connect();
      }
      return true;
    } finally {
      this.busy = false;
    }
  }

  async logout(): Promise<void> {
    await signOut();
    this.#take({ user: null, csrfToken: null });
    if (socket.connected) {
      socket.disconnect();
      socket.connect();
    }
  }
}

export const session = new SessionStore();
