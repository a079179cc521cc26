/** Until accounts exist, every write needs the bearer token; reads are public. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { RefusedError } from '../services/errors.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function bearerCheck(token: string) {
  const expected = digest(token);
  /** Returns who is writing, for the version's entered_by. */
  return (request: FastifyRequest): string => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer (.+)$/.exec(header);
    // Compare digests in constant time so the token cannot be guessed a byte at a time.
    if (!match || !timingSafeEqual(digest(match[1]), expected)) {
      throw new RefusedError(401, 'authorization: a valid bearer token is needed to change results');
    }
    return 'api-token';
  };
}
