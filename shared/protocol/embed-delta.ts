/**
 * What changed in an embed's reply between two versions, and how a reader's embed applies it
 * (issue 11, ADR 0031). After a declaration an embed was sent its whole reply again (1-3 KB);
 * the server now answers `?since=VERSION` with the few values that moved. Pure and generic over
 * JSON: one differ for every embed's reply, one applier in the reader's page.
 */
import type { DeltaOp } from './embed-replies.ts';

type Json = unknown;
type Path = (string | number)[];

const isRecord = (x: Json): x is Record<string, Json> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** JSON equality: same primitives, same arrays in order, same keys and values. */
export function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

/** What a list's element is, across versions: a seat by its code, a party table's row by its party. */
function identity(x: Json): string | null {
  if (!isRecord(x)) return null;
  if (typeof x.code === 'string') return `code:${x.code}`;
  if (typeof x.party === 'string') return `party:${x.party}`;
  return null;
}

function diffArray(a: Json[], b: Json[], path: Path, ops: DeltaOp[]) {
  const wasAt = new Map<string, number>();
  a.forEach((x, j) => {
    const id = identity(x);
    if (id !== null && !wasAt.has(id)) wasAt.set(id, j);
  });
  for (let i = 0; i < b.length; i++) {
    if (i < a.length && sameJson(a[i], b[i])) continue;
    const here = [...path, i];
    const id = identity(b[i]);
    const j = id === null ? undefined : wasAt.get(id);
    if (j !== undefined && j !== i) {
      // The same seat or party, moved: take it from where it was, then change what changed in it.
      ops.push(['m', here, j]);
      diff(a[j], b[i], here, ops);
    } else if (i < a.length && identity(a[i]) === id) diff(a[i], b[i], here, ops);
    else ops.push(['s', here, b[i]]);
  }
  if (b.length < a.length) ops.push(['s', [...path, 'length'], b.length]);
}

function diff(a: Json, b: Json, path: Path, ops: DeltaOp[]) {
  if (a === b) return;
  if (isRecord(a) && isRecord(b)) {
    for (const key of Object.keys(b)) {
      if (Object.hasOwn(a, key)) diff(a[key], b[key], [...path, key], ops);
      else ops.push(['s', [...path, key], b[key]]);
    }
    for (const key of Object.keys(a)) if (!Object.hasOwn(b, key)) ops.push(['d', [...path, key]]);
  } else if (Array.isArray(a) && Array.isArray(b)) diffArray(a, b, path, ops);
  else if (!sameJson(a, b)) ops.push(['s', path, b]);
}

/** The changes that turn `before` into `after`, in the order they are applied. */
export function diffReply(before: Json, after: Json): DeltaOp[] {
  const ops: DeltaOp[] = [];
  diff(before, after, [], ops);
  return ops;
}

// A delta names keys; none of these may be one (a changed prototype would change every object on the page).
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * `held` with the changes made, as a new value: `held` itself is left as it was (the page may still
 * be drawing it), and what did not change is shared with it. Throws on a path the reply does not have.
 */
export function applyDelta<T>(held: T, ops: readonly DeltaOp[]): T {
  const root: Record<string, Json> = { value: held };
  // Each container copied for this delta, and what it was before: where an `m` takes its element from.
  const before = new Map<Json, Json>([[root, root]]);
  for (const op of ops) {
    const path: Path = ['value', ...op[1]];
    if (path.some((key) => typeof key === 'string' && FORBIDDEN_KEYS.has(key))) throw new Error(`delta: may not change ${op[1].join('.')}`);
    let node = root as Record<string | number, Json>;
    for (const key of path.slice(0, -1)) {
      let child = node[key];
      if (typeof child !== 'object' || child === null) throw new Error(`delta: the reply has nothing at ${op[1].join('.')}`);
      if (!before.has(child)) {
        const original = child;
        child = Array.isArray(child) ? [...(child as Json[])] : { ...(child as Record<string, Json>) };
        node[key] = child;
        before.set(child, original);
      }
      node = child as Record<string | number, Json>;
    }
    const last = path[path.length - 1];
    if (op[0] === 's') node[last] = op[2];
    else if (op[0] === 'd') delete node[last];
    else {
      const was = before.get(node);
      if (!Array.isArray(was) || op[2] >= was.length) throw new Error(`delta: no element ${op[2]} to move to ${op[1].join('.')}`);
      node[last] = was[op[2]] as Json;
    }
  }
  return root.value as T;
}
