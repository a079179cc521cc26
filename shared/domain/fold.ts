/** Text compared as people type it: case, accents, spacing and punctuation set aside ("Ynys Môn" = "ynys mon"). */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
