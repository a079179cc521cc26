/**
 * What a polling embed holds after each answer (ADR 0031): the whole reply when it was sent one,
 * the reply it held with the changes made when it was sent those, or null when the changes were
 * not from the version it holds (it then asks for the whole reply again).
 */
import { applyDelta } from '../../../shared/protocol/embed-delta.ts';
import type { EmbedDelta } from '../../../shared/protocol/embed-replies.ts';

export function nextHeld<R extends { kind: string; version: string }>(held: R | null, answer: R | EmbedDelta): R | null {
  if (answer.kind !== 'delta') return answer as R;
  const delta = answer as EmbedDelta;
  if (held === null || delta.from !== held.version) return null;
  try {
    const next = applyDelta(held, delta.ops);
    return next.version === delta.version ? next : null;
  } catch {
    return null;
  }
}
