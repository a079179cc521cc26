import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { problemsFromZod } from './problems.ts';

describe('problemsFromZod', () => {
  const schema = z.object({ username: z.string().min(2, 'too short'), password: z.string().min(12, 'must be at least 12 characters') });
  const problemsOf = (input: unknown) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? [] : problemsFromZod(parsed.error, input);
  };

  test('names the field and repeats the value it had', () => {
    expect(problemsOf({ username: 'x', password: 'long enough password' })).toEqual([{ path: 'username', message: 'too short (got "x")' }]);
  });

  test('never repeats a password back, as the refusal is shown on screen', () => {
    expect(problemsOf({ username: 'carol', password: 'hunter2' })).toEqual([
      { path: 'password', message: 'must be at least 12 characters' },
    ]);
  });

  test('says a missing field is missing', () => {
    expect(problemsOf({ username: 'carol' })).toEqual([{ path: 'password', message: expect.stringContaining('(missing)') }]);
  });
});
