import { describe, expect, test } from 'vitest';
import { faultsReported } from '../process/faults.ts';
import { guarded } from './guarded.ts';

describe('guarded socket handlers', () => {
  test('a handler that throws is reported and its ack told nothing changed, and the throw goes no further', () => {
    const before = faultsReported();
    const replies: unknown[] = [];
    const handler = guarded('test:event', (..._args: unknown[]) => {
      throw new URIError('URI malformed');
    });
    expect(() => handler.call({}, 'ge2017', (reply: unknown) => replies.push(reply))).not.toThrow();
    expect(replies).toEqual([{ ok: false, error: expect.stringMatching(/^server:/) }]);
    expect(faultsReported()).toBe(before + 1);
  });

  test('a handler whose promise rejects is reported the same way', async () => {
    const before = faultsReported();
    const replies: unknown[] = [];
    guarded('test:async', async (..._args: unknown[]) => {
      throw new Error('later');
    }).call({}, (reply: unknown) => replies.push(reply));
    await new Promise((resolve) => setImmediate(resolve));
    expect(replies).toHaveLength(1);
    expect(faultsReported()).toBe(before + 1);
  });

  test('a handler that works is called with its socket as this and its arguments', () => {
    const seen: unknown[] = [];
    guarded('test:ok', function (this: { id: string }, a: number, b: string) {
      seen.push(this.id, a, b);
    }).call({ id: 's1' }, 1, 'two');
    expect(seen).toEqual(['s1', 1, 'two']);
  });
});
