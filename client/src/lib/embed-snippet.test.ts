import { describe, expect, test } from 'vitest';
import { pollInterval } from './embed-poll-interval.ts';
import { embedSnippet } from './embed-snippet.ts';
import { embedMode } from './embed-widget.ts';

describe('the embed snippet', () => {
  const seat = embedSnippet({
    origin: 'https://results.example.com',
    widget: 'seat',
    election: 'ge2019',
    seat: 'E14000654',
    title: 'GE 2019: "one" seat',
  });

  test('frames the embed, escaped, and says how it stays current', () => {
    expect(seat).toContain(
      '<iframe src="https://results.example.com/embed/seat?election=ge2019&amp;seat=E14000654" title="GE 2019: &quot;one&quot; seat"',
    );
    expect(seat).toMatch(/^<!-- .*every 5 s.*&live=push holds a socket instead\. -->/);
    expect(embedSnippet({ origin: 'https://r.example', widget: 'map', election: 'ge2019', title: 'Map' })).toContain('Live over a socket');
  });

  test('listens only to this site, and sizes only the frame that spoke', () => {
    expect(seat).toContain('e.origin!=="https://results.example.com"');
    expect(seat).toContain('d.type!=="election-embed:height"');
    expect(seat).toContain('f.contentWindow===e.source');
  });
});

describe('how an embed stays current', () => {
  test('polls by default, holds a socket for the map or when asked with live=push', () => {
    expect(embedMode('seat', new URLSearchParams())).toEqual({ kind: 'poll', widget: 'seat' });
    expect(embedMode('map', new URLSearchParams())).toEqual({ kind: 'push' });
    expect(embedMode('party-table', new URLSearchParams('live=push'))).toEqual({ kind: 'push' });
  });

  test('the mayoral race always polls its reply, even asked to push: its reply is all it draws', () => {
    expect(embedMode('race', new URLSearchParams('live=push'))).toEqual({ kind: 'poll', widget: 'race' });
  });

  test('asks every 5 s unless told, never more often than every 2 s nor less than every 2 minutes', () => {
    expect(pollInterval(null)).toBe(5);
    expect(pollInterval('')).toBe(5);
    expect(pollInterval('abc')).toBe(5);
    expect(pollInterval('0.1')).toBe(2);
    expect(pollInterval('10')).toBe(10);
    expect(pollInterval('99999')).toBe(120);
  });
});
