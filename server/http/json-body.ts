/**
 * The JSON body parser, stricter than fastify's default in two ways:
 * bytes that are not UTF-8 are refused (the default turns them into U+FFFD,
 * so a corrupted candidate's name was stored as if it were text: the fuzz
 * test found that), and so is nesting deeper than any real request needs
 * (it bounds the work of anything that later walks the body recursively).
 * Both answer 400 naming the problem; proto poisoning is still refused by
 * fastify's own parser, which does the parsing.
 */
import type { FastifyInstance } from 'fastify';
import { createScanner, type SyntaxKind } from 'jsonc-parser';

// jsonc-parser's SyntaxKind is a const enum, which this project's module settings cannot read at run time: its values, typed by it.
const OPEN_BRACE: SyntaxKind.OpenBraceToken = 1;
const CLOSE_BRACE: SyntaxKind.CloseBraceToken = 2;
const OPEN_BRACKET: SyntaxKind.OpenBracketToken = 3;
const CLOSE_BRACKET: SyntaxKind.CloseBracketToken = 4;
const END: SyntaxKind.EOF = 17;

/** A declaration is 4 levels deep (body, candidates, candidate, field); 32 leaves room. */
export const MAX_JSON_DEPTH = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });

class BodyError extends Error {
  readonly statusCode = 400;
}

/** The deepest nesting of [ and {, read by jsonc-parser's scanner (strings and escapes are its job), stopping once past `limit`. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  let deepest = 0;
  for (let token = scanner.scan(); token !== END; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth--;
  }
  return deepest;
}

export function strictJsonBodies(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = utf8.decode(body as Buffer);
    } catch {
      done(new BodyError('body: must be UTF-8 text; it has bytes that are not'), undefined);
      return;
    }
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(new BodyError(`body: is nested more than ${MAX_JSON_DEPTH} levels deep`), undefined);
      return;
    }
    parse(request, text, (error, value) => {
      if (error) done(new BodyError(`body: is not valid JSON (${error.message})`), undefined);
      else done(null, value);
    });
  });
}
