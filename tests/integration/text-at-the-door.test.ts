/**
 * Text that breaks formats: a control character, a non-character or half a surrogate pair in any
 * name, reason or label is refused with a 400 naming the field, and changes nothing; text already
 * stored (from before the check, or written straight into the database) cannot break the Atom feed.
 */
import { SaxesParser } from 'saxes';
import { describe, expect, test } from 'vitest';
import { CROYDON_CENTRAL, labourGainIn } from '../fixtures/declarations.ts';
import { api, closedAfterEach, startServer, type RunningServer } from '../support/server.ts';
import { addUser, login, request } from '../support/session.ts';

const opened = closedAfterEach();

/** The first well-formedness error a real XML 1.0 parser finds, or null. */
function xmlError(text: string): string | null {
  let error: string | null = null;
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(text).close();
  return error;
}

const versionsStored = (server: RunningServer) => server.db.prepare('SELECT COUNT(*) FROM declaration_versions').pluck().get();

describe('text at the door', () => {
  test('a candidate name, a winner by lot, a party, a reason or a token name that is not one line of plain text is a 400 naming it', async () => {
    const server = opened(await startServer());
    const declaration = labourGainIn(CROYDON_CENTRAL);
    const withName = (name: string) => ({
      ...declaration,
      candidates: [{ ...declaration.candidates[0], name }, ...declaration.candidates.slice(1)],
    });
    const cases: Array<[string, unknown, string]> = [
      ['/api/elections/ge2017/declarations', withName('Winner\u0001\ufffeName'), 'candidates[0].name'],
      ['/api/elections/ge2017/declarations', withName('Half \ud800 pair'), 'candidates[0].name'],
      ['/api/elections/ge2017/declarations', withName('Two\nlines'), 'candidates[0].name'],
      [
        '/api/elections/ge2017/declarations',
        { ...declaration, candidates: [{ ...declaration.candidates[0], party: 'Lab\u0000' }, ...declaration.candidates.slice(1)] },
        'candidates[0].party',
      ],
      ['/api/elections/ge2017/declarations', { ...declaration, winnerByLot: 'Alex\ufdd0' }, 'winnerByLot'],
    ];
    for (const [route, body, field] of cases) {
      const answer = await api(server, 'POST', route, body);
      expect(answer.status, field).toBe(400);
      expect(answer.body.problems.map((p: { path: string }) => p.path)).toEqual([field]);
      expect(answer.body.error).toMatch(/one line of plain text/);
    }
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', declaration)).status).toBe(201);
    const before = versionsStored(server);
    const recount = await api(server, 'POST', `/api/elections/ge2017/seats/${CROYDON_CENTRAL}/recount`, { reason: 'bundle\u001bmissing' });
    expect(recount.status).toBe(400);
    expect(recount.body.problems[0].path).toBe('reason');
    expect(versionsStored(server)).toBe(before);

    await addUser(server, 'ada', 'admin');
    const admin = await login(server, 'ada');
    const token = await request(server, 'POST', '/api/tokens', { name: 'wire\u2028bridge' }, { session: admin });
    expect(token.status).toBe(400);
    expect(token.body.problems[0].path).toBe('name');
  });

  test('the Atom feed stays well-formed XML whatever is already stored in names and lines', async () => {
    const server = opened(await startServer());
    expect((await api(server, 'POST', '/api/elections/ge2017/declarations', labourGainIn(CROYDON_CENTRAL))).status).toBe(201);
    const bad = 'Alex\u0001\ufffe\uffff\u001bExample';
    // As it would have been stored before the check: raw in the line, JSON-escaped in the figures.
    const inJson = JSON.stringify(bad).slice(1, -1);
    server.db
      .prepare('UPDATE declaration_versions SET line = replace(line, ?, ?), declaration_json = replace(declaration_json, ?, ?)')
      .run('Alex Example', bad, 'Alex Example', inJson);
    server.db.prepare('UPDATE seats SET name = ? WHERE code = ?').run('Croydon\u0008Central', CROYDON_CENTRAL);
    server.db.prepare("UPDATE elections SET name = ? WHERE election_id = 'ge2017'").run('General\u0002election');
    await server.restart();

    const atom = await request(server, 'GET', '/api/elections/ge2017/feed.atom');
    expect(atom.status).toBe(200);
    expect(atom.text).toContain('Alex\ufffd\ufffd\ufffd\ufffdExample');
    expect(xmlError(atom.text)).toBeNull();
    // The JSON reads are not broken either: JSON can carry any of these.
    expect((await request(server, 'GET', '/api/elections/ge2017/feed.json')).body.entries[0].line).toContain(bad);
    expect((await request(server, 'GET', '/api/elections/ge2017/state')).status).toBe(200);
  });

  test('the XML parser used here does refuse such text (so the test above can fail)', () => {
    expect(xmlError('<a>Alex\u0001Example</a>')).toMatch(/disallowed character|invalid/i);
  });
});
