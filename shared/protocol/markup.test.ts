import { describe, expect, test } from 'vitest';
import { escapeMarkup } from './markup.ts';

describe('escapeMarkup', () => {
  test('escapes what would end an attribute or start a tag', () => {
    expect(escapeMarkup(`"Tom's" <b>&</b>`)).toBe('&quot;Tom&apos;s&quot; &lt;b&gt;&amp;&lt;/b&gt;');
  });

  test('replaces characters XML does not allow anywhere', () => {
    expect(escapeMarkup('a\u0000b\uFFFEc')).toBe('a\uFFFDb\uFFFDc');
  });
});
