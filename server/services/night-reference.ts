/** A night's reference data with its version: a hash of the content, so any change (an import) gives a new one. */
import { createHash } from 'node:crypto';
import type { NightReference } from '../../shared/protocol/compact-snapshot.ts';

export function nightReference(content: Omit<NightReference, 'referenceVersion'>): NightReference {
  const referenceVersion = createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
  return { referenceVersion, ...content };
}
