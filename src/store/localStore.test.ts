import { expiredKeys } from './indexedDbStore';
import { restoreMarks } from './localStore';

const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('what the device keeps, and for how long', () => {
  it('forgets the full attendance an earlier version kept', () => {
    const old = { attendance: { entries: [{ person: { displayName: 'Anna Berg', email: 'anna@region.se' } }] }, savedAt: daysAgo(1) };
    expect(expiredKeys([['attendance:e1', old]], now)).toEqual(['attendance:e1']);
  });

  it('keeps marks for 60 days after their last change', () => {
    const marks = (d: number) => ({ marks: [{ key: 'id:1', status: 'present' }], savedAt: daysAgo(d) });
    expect(expiredKeys([['marks:new', marks(59)], ['marks:old', marks(61)]], now)).toEqual(['marks:old']);
  });

  it('keeps a chosen chair for a year, and reads the bare key earlier versions wrote', () => {
    const all: [IDBValidKey, unknown][] = [
      ['chair:a', { chairKey: 'id:1', savedAt: daysAgo(300) }],
      ['chair:b', { chairKey: 'id:1', savedAt: daysAgo(400) }],
      ['chair:c', 'id:1'],
    ];
    expect(expiredKeys(all, now)).toEqual(['chair:b']);
  });

  it("keeps the group of a series for a year after it was last found, and forgets one it cannot read", () => {
    const group = (d: number) => ({ teamId: 't', channelId: 'c', teamName: 'Nära vård', channelName: 'Samordningsgrupp', name: 'Nära vård', savedAt: daysAgo(d) });
    expect(expiredKeys([['group:a', group(300)], ['group:b', group(400)], ['group:c', { teamId: 't' }]], now)).toEqual(['group:b', 'group:c']);
  });

  it('forgets what it cannot read', () => {
    expect(expiredKeys([['marks:x', 'garbage'], ['something-else', 1]], now)).toEqual(['marks:x', 'something-else']);
  });
});

describe('marks read back from the device', () => {
  it('keeps only well-formed marks', () => {
    const raw = {
      marks: [
        { key: 'id:1', status: 'present' },
        { key: 'id:2', status: 'constructor' },
        { key: 3, status: 'absent' },
        { key: 'name:olle', status: 'present', added: { displayName: 'Olle', email: 42 } },
      ],
      chairKey: 'id:9',
      savedAt: daysAgo(1),
    };
    expect(restoreMarks(raw)).toEqual({
      marks: [
        { key: 'id:1', status: 'present' },
        { key: 'name:olle', status: 'present', added: { displayName: 'Olle', directoryId: undefined, email: undefined, organisation: undefined } },
      ],
      chairKey: 'id:9',
      savedAt: daysAgo(1),
    });
  });

  it('reads nothing from something that is not marks', () => {
    expect(restoreMarks({ attendance: {} })).toBeUndefined();
    expect(restoreMarks(null)).toBeUndefined();
  });
});
