/** Writes a planned PA night to a folder or an FTP server at a chosen speed, touching .timestamp after each file as PA does. */
import type { Drop } from './pa-night.ts';
import type { WireSource } from './wire-source.ts';

export interface DropOptions {
  /** How many times faster than the real night; Infinity for as fast as the target takes them. */
  speed: number;
  onDrop?: (drop: Drop, done: number, total: number) => void;
  stopped?: () => boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Epoch seconds; never the same twice from one writer, so every file moves it on. */
function timestamps() {
  let last = 0;
  return () => (last = Math.max(last + 1, Math.floor(Date.now() / 1000)));
}

export async function dropNight(
  drops: readonly Drop[],
  target: WireSource,
  { speed, onDrop, stopped = () => false }: DropOptions,
): Promise<number> {
  const stamp = timestamps();
  let clock = drops[0]?.at ?? 0;
  let done = 0;
  for (const drop of drops) {
    if (stopped()) break;
    if (Number.isFinite(speed) && drop.at > clock) {
      await sleep(((drop.at - clock) * 1000) / speed);
      clock = drop.at;
    }
    await target.write(drop.folder, drop.name, drop.xml);
    await target.write(drop.folder, '.timestamp', `${stamp()}\n`);
    onDrop?.(drop, ++done, drops.length);
  }
  return done;
}
