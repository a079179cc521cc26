/** What `npm start` prints: where each election's pages are, so nobody has to guess the ?election= of a bare "/". */
export function startBanner(origin: string, elections: readonly { id: string; name: string; mode: string }[]): string[] {
  const lines = [`Election night: ${origin}`];
  for (const e of elections) {
    const q = `?election=${encodeURIComponent(e.id)}`;
    lines.push(`  ${e.name}${e.mode === 'live' ? '' : ` [${e.mode.toUpperCase()}]`}`);
    lines.push(`    dashboard ${origin}/${q}   entry ${origin}/entry${q}   screens ${origin}/screens${q}`);
  }
  if (elections.length === 0) lines.push('  no elections yet: npm run import -- preset ge2019');
  return lines;
}
