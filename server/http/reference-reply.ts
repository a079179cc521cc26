/**
 * How the night's reference is answered, by the writer (fastify) and a
 * fan-out process (node:http) alike: a strong ETag that is its version, so
 * a screen's browser revalidates it for a 304 instead of fetching it again.
 */
import type { NightReference } from '../../shared/protocol/compact-snapshot.ts';

export function referenceTag(reference: NightReference): string {
  return `"${reference.referenceVersion}"`;
}

/** The JSON text, encoded once per reference: a 650-seat reference is a few hundred KB. */
const encoded = new WeakMap<NightReference, string>();
export function referenceJson(reference: NightReference): string {
  let text = encoded.get(reference);
  if (text === undefined) {
    text = JSON.stringify(reference);
    encoded.set(reference, text);
  }
  return text;
}
