/**
 * The one fetch module: every call the pages make to the HTTP API goes
 * through `request`, which sends the session's CSRF token with changes and
 * reads the reply into `Reply<T>`: the value, or a refusal with its status,
 * message, failing fields and (on a conflict) the seat as it now is
 * (shared/protocol/http-replies.ts). Only the light embeds' poller keeps its
 * own fetch, for its ETag and its byte budget. The refusal body is checked
 * by hand, not with zod, so no page carries zod (ADR 0028).
 */
import type { FieldProblem, RefusalBody } from '../../../shared/protocol/http-replies.ts';
import type { SeatState } from '../../../shared/protocol/schemas.ts';

/** A refusal keeps its status (0: the server was not reached), its message and each failing field, so a form can show `path: message`. */
export interface Refusal {
  ok: false;
  status: number;
  error: string;
  problems: FieldProblem[];
  /** On a 409 about a seat: the seat as it is now. */
  seat: SeatState | null;
}
/** `etag`: the reply's version, where it has one (a screen's snapshot: told to the socket on joining). */
export type Reply<T> = { ok: true; status: number; value: T; etag?: string } | Refusal;

let csrfToken: string | null = null;

/** Remembered from the last GET /api/session or sign-in, and sent with every change. */
export function useCsrfToken(token: string | null): void {
  csrfToken = token;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isProblem = (v: unknown): v is FieldProblem => isObject(v) && typeof v.path === 'string' && typeof v.message === 'string';

/** A refusal as the server wrote it (RefusalBody), or as much of one as a proxy's error page allows. */
export function refusalOf(status: number, statusText: string, body: unknown): Refusal {
  const sent: Partial<Record<keyof RefusalBody, unknown>> = isObject(body) ? body : {};
  return {
    ok: false,
    status,
    error: typeof sent.error === 'string' ? sent.error : `${status} ${statusText}`.trim(),
    problems: Array.isArray(sent.problems) ? sent.problems.filter(isProblem) : [],
    // The server's 409 carries the seat as SeatState (RefusalBody); it is read as sent, as socket payloads are.
    seat: isObject(sent.seat) ? (sent.seat as SeatState) : null,
  };
}

/** One call. Never throws: a server out of reach is a refusal with status 0. */
export async function request<T>(
  method: string,
  url: string,
  { body, cache }: { body?: unknown; cache?: RequestCache } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  let parsed: unknown = null;
  try {
    response = await fetch(url, {
      method,
      headers,
      cache,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    try {
      parsed = await response.json();
    } catch {
      // An empty or non-JSON body: the status says enough.
    }
  } catch (err) {
    return {
      ok: false,
      status: 0,
      error: `Could not reach the server: ${err instanceof Error ? err.message : String(err)}`,
      problems: [],
      seat: null,
    };
  }
  if (!response.ok) return refusalOf(response.status, response.statusText, parsed);
  const etag = response.headers.get('etag');
  return { ok: true, status: response.status, value: parsed as T, ...(etag !== null && { etag }) };
}

/** A read a screen cannot do without: its value, or an Error naming the URL and the refusal. */
export async function read<T>(url: string, cache: RequestCache = 'default'): Promise<T> {
  const reply = await request<T>('GET', url, { cache });
  if (!reply.ok) throw new Error(`${url} answered ${reply.status}: ${reply.error}`);
  return reply.value;
}

export const electionUrl = (id: string) => `/api/elections/${encodeURIComponent(id)}`;
