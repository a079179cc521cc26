/** An admin registering webhooks over HTTP, as the admin page does: for child-process servers (tests and benches). */
import type { NewWebhookInput } from '../../shared/protocol/webhooks.ts';

/** Signs in as `username` and registers each endpoint; throws on any refusal. */
export async function registerWebhooks(
  serverUrl: string,
  password: string,
  endpoints: NewWebhookInput[],
  username = 'admin',
): Promise<void> {
  const login = await fetch(`${serverUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`signing in as ${username}: ${login.status} ${await login.text()}`);
  const cookie = String(login.headers.get('set-cookie')).split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  for (const endpoint of endpoints) {
    const made = await fetch(`${serverUrl}/api/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken, origin: serverUrl },
      body: JSON.stringify(endpoint),
    });
    if (made.status !== 201) throw new Error(`registering ${endpoint.url}: ${made.status} ${await made.text()}`);
  }
}
