import type { Person } from './people';
import { listsSeries, seriesICalUId, seriesKeys } from './series';

// As Exchange writes them: the class id, the instance date (2026-11-20 = 07EA 0B 14), then the rest.
const MASTER = '040000008200E00074C5B7101A82E00800000000D0C5A1B2C3D4E5F6000000000000000010000000AABBCCDDEEFF00112233445566778899';
const OCCURRENCE = MASTER.slice(0, 32) + '07EA0B14' + MASTER.slice(40);
const organiser: Person = { displayName: 'Karin Ekström', email: 'Karin.Ekstrom@regionostmark.se' };

describe('the series of a meeting, the same for every attendee', () => {
  it('an occurrence and its series master give the same key: the iCalUId with the date zeroed', () => {
    expect(seriesICalUId(OCCURRENCE)).toBe(MASTER);
    expect(seriesICalUId(MASTER)).toBe(MASTER);
    expect(seriesICalUId(OCCURRENCE.toLowerCase())).toBe(MASTER);
  });

  it('two occurrences of one series in two mailboxes share the key, though their event and master ids differ', () => {
    const mine = seriesKeys({ eventId: 'AAMk-mine-1', seriesId: 'AAMk-mine-master', iCalUId: OCCURRENCE, organiser });
    const next = MASTER.slice(0, 32) + '07EA0B1B' + MASTER.slice(40);
    const theirs = seriesKeys({ eventId: 'AAMk-theirs-2', seriesId: 'AAMk-theirs-master', iCalUId: next, organiser });
    expect(mine.key).toBe(MASTER);
    expect(theirs.key).toBe(mine.key);
    expect(mine).toMatchObject({ recurring: true, shared: true });
    expect(listsSeries([mine.key], theirs)).toBe(true);
  });

  it('an iCalUId in another format falls back to the series master and the organiser, which only this mailbox knows', () => {
    const keys = seriesKeys({ eventId: 'e1', seriesId: 'AAMk-master', iCalUId: 'abc@google.com', organiser });
    expect(keys).toEqual({ key: 'karin.ekstrom@regionostmark.se|AAMk-master', matches: ['karin.ekstrom@regionostmark.se|AAMk-master', 'AAMk-master'], recurring: true, shared: false });
  });

  it('a series listed by its master id (as older settings did) is still found', () => {
    expect(listsSeries(['AAMk-master'], seriesKeys({ eventId: 'e1', seriesId: 'AAMk-master', iCalUId: OCCURRENCE, organiser }))).toBe(true);
  });

  it('a single meeting is its own series, not a recurring one', () => {
    const keys = seriesKeys({ eventId: 'e1', iCalUId: MASTER, organiser });
    expect(keys).toMatchObject({ key: MASTER, recurring: false, shared: true });
  });

  it('another series is not listed', () => {
    expect(listsSeries(['040000008200E00074C5B7101A82E0080000000011111111'], seriesKeys({ eventId: 'e1', seriesId: 's', iCalUId: OCCURRENCE, organiser }))).toBe(false);
  });
});
