import { describe, expect, test } from 'vitest';
import { exitPollText, readExitPollText } from './exit-poll-text.ts';

describe('readExitPollText', () => {
  test('reads the 2019 exit poll as typed off the broadcast', () => {
    expect(readExitPollText('Con 368, Lab 191, SNP 55, LD 13, PC 3, Green 1, Brexit 0, Others 19')).toEqual({
      kind: 'read',
      poll: { seats: { Con: 368, Lab: 191, SNP: 55, LD: 13, PC: 3, Green: 1, Brexit: 0, Others: 19 } },
      total: 650,
    });
  });

  test('reads shares where given', () => {
    expect(readExitPollText('Con 368 43.6%; Lab 191')).toMatchObject({ poll: { seats: { Con: 368, Lab: 191 }, shares: { Con: 43.6 } } });
  });

  test('names the item it cannot read, and a party listed twice', () => {
    expect(readExitPollText('Con 368, Labour')).toMatchObject({ kind: 'unreadable', error: expect.stringContaining('"Labour"') });
    expect(readExitPollText('Con 1, Con 2')).toEqual({ kind: 'unreadable', error: 'Con is listed twice' });
  });

  test('gives back a stored poll as the editor would type it', () => {
    expect(exitPollText({ seats: { Con: 368, Lab: 191 }, shares: { Con: 43.6 } })).toBe('Con 368 43.6%, Lab 191');
  });
});
