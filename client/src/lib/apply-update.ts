/** Moved to shared/protocol so a fan-out server process applies updates exactly as a screen does. */
export { applyUpdate, type ApplyResult } from '../../../shared/protocol/apply-update.ts';
