/**
 * A seeded generator of malformed requests: each case says what it breaks
 * and which words the refusal must contain, so a failure names its case and
 * repeats with the same seed.
 */
import { seededRandom } from '../../server/cli/replay-night.ts';

export interface HttpCase {
  what: string;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The status range expected: always a 4xx. */
  status: number[];
  /** The refusal's `error` must match this. */
  names: RegExp;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Seats of the article baseline's ge2017: left undeclared, and declared before the fuzz starts. */
const UNDECLARED = ['E14000654', 'E14000691', 'E14000732'];
export const DECLARED_IN_FUZZ = ['E14000674', 'E14000593'];

export function createFuzz(seed: number, token: string) {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const auth = { authorization: `Bearer ${token}` };
  const json = { ...auth, 'content-type': 'application/json' };

  const validDeclaration = (): { [key: string]: Json } => ({
    seat: pick(UNDECLARED),
    candidates: [
      { name: 'Alex Example', party: 'Lab', votes: 20_000 + int(1000) },
      { name: 'Sam Sample', party: 'Con', votes: 18_000 + int(1000) },
      { name: 'Jo Placeholder', party: 'LD', votes: 1_500 },
    ],
    electorate: 60_000,
  });
  const wrongValue = (): Json =>
    pick<() => Json>([
      () => null,
      () => true,
      () => int(1e6),
      () => -1,
      () => 'x'.repeat(int(300)),
      () => [],
      () => ({}),
      () => [1, 'two'],
    ])();
  const badVotes = (): Json =>
    pick<() => Json>([
      () => -1 - int(1e6),
      () => int(1e5) + 0.5,
      () => 1e20,
      () => Number.MAX_SAFE_INTEGER + 2,
      () => 1e308,
      () => -0.0001,
      () => String(int(1e5)),
      () => null,
      () => [int(10)],
      () => ({ votes: 1 }),
    ])();

  /** Declarations broken in one field; the refusal must name that field. */
  const brokenDeclarations: Array<() => { body: Json; names: RegExp; status?: number[]; election?: string }> = [
    () => {
      const d = validDeclaration();
      delete d.seat;
      return { body: d, names: /seat/ };
    },
    () => ({ body: { ...validDeclaration(), seat: wrongValue() }, names: /seat/ }),
    () => ({ body: { ...validDeclaration(), seat: `E14${String(900000 + int(99999)).padStart(6, '0')}` }, names: /seat/, status: [404] }),
    () => {
      const d = validDeclaration();
      delete d.candidates;
      return { body: d, names: /candidates/ };
    },
    () => ({ body: { ...validDeclaration(), candidates: pick<Json>(['Lab 20000', 3, {}, null, []]) }, names: /candidates/ }),
    () => {
      const d = validDeclaration();
      const i = int(3);
      (d.candidates as Array<{ [k: string]: Json }>)[i].votes = badVotes();
      return { body: d, names: new RegExp(`candidates\\[${i}\\]\\.votes`) };
    },
    () => {
      const d = validDeclaration();
      const i = int(3);
      delete (d.candidates as Array<{ [k: string]: Json }>)[i].name;
      return { body: d, names: new RegExp(`candidates\\[${i}\\]\\.name`) };
    },
    () => {
      const d = validDeclaration();
      const i = int(3);
      (d.candidates as Array<{ [k: string]: Json }>)[i].party = pick<Json>(['', '   ', 'P'.repeat(101), 7, null]);
      return { body: d, names: new RegExp(`candidates\\[${i}\\]\\.party`) };
    },
    () => {
      const d = validDeclaration();
      const c = d.candidates as Json[];
      c.push({ ...(c[int(3)] as { [k: string]: Json }), name: 'Another Name' });
      return { body: d, names: /listed twice/ };
    },
    () => ({
      body: {
        ...validDeclaration(),
        candidates: Array.from({ length: 61 + int(500) }, (_, i) => ({ name: `C${i}`, party: 'Ind', votes: i })),
      },
      names: /candidates/,
    }),
    () => ({ body: { ...validDeclaration(), validVotes: 1 + int(1000) }, names: /validVotes/ }),
    () => ({ body: { ...validDeclaration(), electorate: badVotes() }, names: /electorate/ }),
    () => ({ body: { ...validDeclaration(), declaredAt: pick<Json>(['yesterday', '2019-13-45', 12, '']) }, names: /declaredAt/ }),
    () => ({ body: { ...validDeclaration(), source: pick<Json>(['twitter', 3, '', null]) }, names: /source/ }),
    () => ({ body: { ...validDeclaration(), seat: pick(DECLARED_IN_FUZZ) }, names: /already declared/, status: [409] }),
    () => ({ body: pick<Json>([[], 'declaration', 42, null, true, [validDeclaration()]]), names: /body|seat/ }),
    () => ({ body: validDeclaration(), names: /election/, status: [404], election: pick(['ge1066', 'nope', 'x'.repeat(40)]) }),
    () => {
      // Deep nesting under the depth limit: refused by the schema, and the refusal must not echo the whole structure.
      let deep: Json = 1;
      for (let i = 0; i < 25; i++) deep = [deep];
      return { body: { ...validDeclaration(), candidates: [deep] }, names: /candidates\[0\]/ };
    },
  ];

  const rawBodies: Array<() => { body: string | Buffer; contentType?: string; names: RegExp; status?: number[] }> = [
    () => ({
      body: pick(['{', '{"seat":', "{'seat':'E14000654'}", '{"seat":"E14000654",}', 'nul', '[1,2', '"\\u12"', '{"a":1}{"b":2}']),
      names: /JSON/,
    }),
    () => ({ body: '', names: /JSON|empty/ }),
    () => ({ body: '['.repeat(100 + int(100_000)) + ']'.repeat(50), names: /nested/ }),
    () => ({ body: '{"a":'.repeat(40 + int(5_000)) + '1' + '}'.repeat(40), names: /nested/ }),
    () => {
      const bad = Buffer.from(JSON.stringify({ ...validDeclaration(), seat: 'E14000654' }));
      bad[10 + int(bad.length - 20)] = pick([0xff, 0xfe, 0xc0, 0x80, 0xed]);
      return { body: bad, names: /UTF-8|JSON/ };
    },
    () => ({
      body: JSON.stringify(validDeclaration()),
      contentType: pick(['application/xml', 'image/png', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded']),
      names: /media type|Media Type/i,
      status: [415],
    }),
    () => ({ body: 'seat=E14000654&votes=1', contentType: 'text/plain', names: /body/ }),
  ];

  function declarationCase(): HttpCase {
    const made = pick(brokenDeclarations)();
    return {
      what: `declaration ${JSON.stringify(made.body).slice(0, 120)}`,
      method: 'POST',
      path: `/api/elections/${made.election ?? 'ge2017'}/declarations`,
      headers: json,
      body: JSON.stringify(made.body),
      status: made.status ?? [400],
      names: made.names,
    };
  }

  function rawCase(): HttpCase {
    const made = rawBodies[int(rawBodies.length)]();
    return {
      what: `raw body ${String(made.body.slice(0, 60))} as ${made.contentType ?? 'application/json'}`,
      method: 'POST',
      path: '/api/elections/ge2017/declarations',
      headers: { ...auth, 'content-type': made.contentType ?? 'application/json' },
      body: made.body,
      status: made.status ?? [400],
      names: made.names,
    };
  }

  function seatActionCase(): HttpCase {
    const seat = pick([...DECLARED_IN_FUZZ, ...UNDECLARED]);
    const action = pick(['correction', 'recount', 'withdrawal']);
    const body = pick<{ body: Json; names: RegExp; status?: number[] }>([
      { body: {}, names: /reason/ },
      { body: { reason: pick<Json>(['', 'x', 3, null]) }, names: /reason/ },
      { body: { reason: 'a proper reason', basedOnVersion: pick<Json>([0, -1, 1.5, 'one']) }, names: /basedOnVersion/ },
    ]);
    return {
      what: `${action} of ${seat} ${JSON.stringify(body.body)}`,
      method: 'POST',
      path: `/api/elections/ge2017/seats/${seat}/${action}`,
      headers: json,
      body: JSON.stringify(body.body),
      status: body.status ?? [400],
      names: body.names,
    };
  }

  function authCase(): HttpCase {
    const header = pick<Record<string, string>>([
      {},
      { authorization: 'Bearer wrong-token-0000000000' },
      { authorization: `Basic ${token}` },
      { authorization: 'Bearer ' },
    ]);
    return {
      what: `declaration with authorization ${JSON.stringify(header)}`,
      method: 'POST',
      path: '/api/elections/ge2017/declarations',
      headers: { ...header, 'content-type': 'application/json' },
      body: JSON.stringify(validDeclaration()),
      status: [401, 403],
      names: /authori|token|sign/i,
    };
  }

  function readCase(): HttpCase {
    return pick<() => HttpCase>([
      () => ({
        what: 'feed with a bad since',
        method: 'GET',
        path: `/api/elections/ge2017/feed.json?since=${pick(['abc', '-1', '1.5', '1e400', '0x', 'NaN', '1,2'])}`,
        headers: {},
        status: [400],
        names: /since/,
      }),
      () => ({
        what: 'state of an unknown election',
        method: 'GET',
        path: `/api/elections/${pick(['ge1066', 'nope', 'a-b-c'])}/state`,
        headers: {},
        status: [404],
        names: /election/,
      }),
      () => ({
        what: 'versions of an unknown seat',
        method: 'GET',
        path: `/api/elections/ge2017/seats/${pick(['X', 'E99999999', 'e14000654'])}/versions`,
        headers: {},
        status: [404],
        names: /seat/,
      }),
      () => ({
        what: 'an unknown route',
        method: 'GET',
        path: `/api/${pick(['nothing', 'elections/ge2017/nothing', 'admin'])}`,
        headers: {},
        status: [404],
        names: /not found/i,
      }),
      () => ({
        what: 'a screen setting of the wrong shape',
        method: 'PUT',
        path: '/api/elections/ge2017/screen',
        headers: json,
        body: JSON.stringify(pick<Json>([{}, { rotation: 'fast' }, []])),
        status: [400],
        names: /panels|gainSpotlightSeconds|body/,
      }),
      () => ({
        what: 'an unknown mode',
        method: 'PUT',
        path: '/api/elections/ge2017/mode',
        headers: json,
        body: JSON.stringify({ mode: pick(['party', 'off', 3]) }),
        status: [400],
        names: /mode/,
      }),
    ])();
  }

  return {
    random,
    int,
    pick,
    validDeclaration,
    wrongValue,
    /** One malformed HTTP request, of a kind chosen by the seed. */
    httpCase(): HttpCase {
      return pick([declarationCase, declarationCase, declarationCase, rawCase, rawCase, seatActionCase, authCase, readCase])();
    },
    /** A 10 MB body (sent a few times, not thousands: each is refused by its length before it is read). */
    hugeCase(): HttpCase {
      return {
        what: '10 MB body',
        method: 'POST',
        path: '/api/elections/ge2017/declarations',
        headers: json,
        body: Buffer.alloc(10 * 1024 * 1024, 0x20),
        status: [413],
        names: /too large/i,
      };
    },
  };
}
