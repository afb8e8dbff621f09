import { meetingTargetText, parseMeetingTarget } from './meetingLink';

const ICAL = '040000008200E00074C5B7101A82E00807EA0B1B00000000000000000000000000000000000000000D1000000';

describe('the meeting a link names', () => {
  it('reads back what it wrote, with characters a URL would mangle', () => {
    const target = { iCalUId: `${ICAL}+/=&?`, start: '2026-11-27T07:00:00.000Z' };
    expect(parseMeetingTarget(meetingTargetText(target))).toEqual(target);
  });

  it('takes any ISO start and gives it in UTC', () => {
    expect(parseMeetingTarget(`meeting?ical=${ICAL}&start=2026-11-27T08:00:00%2B01:00`)).toEqual({ iCalUId: ICAL, start: '2026-11-27T07:00:00.000Z' });
  });

  it.each([
    ['nothing', undefined],
    ['an empty subEntityId', ''],
    ['another kind of link', 'settings'],
    ['a bare iCalUId (no start to search around)', ICAL],
    ['no id', 'meeting?start=2026-11-27T07:00:00Z'],
    ['a blank id', 'meeting?ical=%20&start=2026-11-27T07:00:00Z'],
    ['no start', `meeting?ical=${ICAL}`],
    ['a start that is no date', `meeting?ical=${ICAL}&start=2026-13-45T99:00:00Z`],
    ['a start that is not ISO', `meeting?ical=${ICAL}&start=tomorrow`],
    ['an absurdly long id', `meeting?ical=${'A'.repeat(600)}&start=2026-11-27T07:00:00Z`],
  ])('names no meeting for %s', (_, text) => {
    expect(parseMeetingTarget(text)).toBeUndefined();
  });
});
