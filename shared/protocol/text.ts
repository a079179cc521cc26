/**
 * Text that comes in (names, reasons, labels) is one line of ordinary characters.
 * A control character, a Unicode non-character (U+FFFE, U+FDD0...) or half of a
 * surrogate pair breaks XML (the Atom feed), CSV and some screens, and cannot be
 * taken back once published: such text is refused at the door with a 400 naming the field.
 */
import type { z } from 'zod';

/** Control characters (C0, DEL, C1), non-characters, lone surrogates, and the line and paragraph separators. */
const NOT_TEXT = /[\p{Cc}\p{Noncharacter_Code_Point}\p{Cs}\u2028\u2029]/u;

/** "U+0001" for the first character a line of text may not hold, or null. */
export function firstBadCharacter(text: string): string | null {
  const found = NOT_TEXT.exec(text);
  if (!found) return null;
  return `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The schema, refusing any value that is not one line of plain text: every name, reason and label that comes in. */
export function oneLine<S extends z.ZodString>(schema: S): S {
  return schema.superRefine((text, context) => {
    const bad = firstBadCharacter(text);
    if (bad)
      context.addIssue({
        code: 'custom',
        message: `must be one line of plain text (it holds ${bad}, a control character or non-character)`,
      });
  }) as S;
}
