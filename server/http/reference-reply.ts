/**
 * How the night's reference is answered, by the writer and a fan-out
 * process alike: a strong ETag that is its version, so a screen's browser
 * revalidates it for a 304 instead of fetching it again.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NightReference } from '../../shared/protocol/compact-snapshot.ts';
import { leanReference } from '../../shared/protocol/lean-night.ts';
import { EncodedBody } from './encoded-body.ts';
import { alreadyHeld, REVALIDATE_EACH_TIME, sendTagged } from './etag.ts';

/** The version, and the lean form's names (a lean reference has its full one's version, and other bytes). */
export function referenceTag(reference: NightReference): string {
  return `"${reference.referenceVersion}${reference.names ? `-${reference.names}` : ''}"`;
}

/** The JSON, encoded (and compressed) once per reference: a 650-seat reference is a few hundred KB. */
const encoded = new WeakMap<NightReference, EncodedBody>();
export function referenceJson(reference: NightReference): EncodedBody {
  let body = encoded.get(reference);
  if (body === undefined) {
    body = EncodedBody.of(JSON.stringify(reference), { lasting: true });
    encoded.set(reference, body);
  }
  return body;
}

/**
 * Starts the Brotli-11 forms of a new reference and its lean form at once (the reference changed mid-night: every
 * screen is about to ask), so its first reader waits for what is left, not the whole.
 */
export function warmReference(reference: NightReference): void {
  void referenceJson(reference).ready('br');
  void referenceJson(leanReference(reference)).ready('br');
}

/**
 * The first reader waits for the Brotli form at quality 11 (a second or so, once a night), as every later one gets:
 * a cache in front keeps the first copy it is sent as long as the ETag holds (each revalidation is a 304), so a
 * quality-5 first copy would be what its readers got all night.
 */
export async function sendReference(request: FastifyRequest, reply: FastifyReply, reference: NightReference) {
  const etag = referenceTag(reference);
  if (!alreadyHeld(request.headers['if-none-match'], etag)) await referenceJson(reference).ready(request.headers['accept-encoding']);
  return sendTagged(request, reply, {
    etag,
    cacheControl: REVALIDATE_EACH_TIME,
    type: 'application/json; charset=utf-8',
    body: () => referenceJson(reference),
  });
}
