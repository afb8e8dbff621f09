import { newMinutes } from './minutes';
import { instantOf, nextMeetingWhen, setNextMeetingWhen, wallClockOf } from './nextMeeting';
import { renderMinutes } from './render';
import { BUILT_IN_TEMPLATES } from './templates';

const zone = 'Europe/Stockholm';
const minutes = () =>
  newMinutes({
    meeting: { eventId: 'e1', subject: 'Styrgruppen', start: '2026-03-06T07:00:00Z', end: '2026-03-06T08:00:00Z', timeZone: zone, place: 'Rum 1' },
    templateId: 'minnesanteckningar-sv',
    language: 'sv',
    agenda: [],
    nextMeeting: { start: '2026-04-03T06:00:00.000Z', text: '' },
    newId: () => 'x',
    now: new Date('2026-03-06T09:00:00Z'),
  });

describe('the next meeting', () => {
  it("is set on the meeting's clock, whatever the device's zone, across summer time", () => {
    expect(instantOf({ date: '2026-03-20', time: '08:00' }, zone)).toBe('2026-03-20T07:00:00.000Z');
    expect(instantOf({ date: '2026-04-03', time: '08:00' }, zone)).toBe('2026-04-03T06:00:00.000Z');
    expect(wallClockOf('2026-04-03T06:00:00.000Z', zone)).toEqual({ date: '2026-04-03', time: '08:00' });
    expect(instantOf({ date: '2026-02-30', time: '08:00' }, zone)).toBeUndefined();
  });

  it('prefilled from the calendar, edited to another day with start and end, printed in the minutes', () => {
    const m = minutes();
    expect(nextMeetingWhen(m.nextMeeting, zone)).toEqual({ date: '2026-04-03', startTime: '08:00', endTime: '' });
    const { minutes: after, problem } = setNextMeetingWhen(m, { date: '2026-04-10', startTime: '09:00', endTime: '10:30' }, zone);
    expect(problem).toBeUndefined();
    expect(after.nextMeeting).toMatchObject({ start: '2026-04-10T07:00:00.000Z', end: '2026-04-10T08:30:00.000Z' });
    const withPlace = { ...after, nextMeeting: { ...after.nextMeeting, place: 'Rum 2', text: 'via Teams' } };
    const doc = renderMinutes(withPlace, BUILT_IN_TEMPLATES[0]!, { present: [], guests: [], excused: [], absent: [] });
    const next = doc.sections.find((s) => s.kind === 'nextMeeting');
    expect(next && 'text' in next ? next.text : '').toBe('2026-04-10 kl. 09:00–10:30, Rum 2, via Teams');
  });

  it('an end before the start is refused with its reason, and nothing changes', () => {
    const m = minutes();
    const result = setNextMeetingWhen(m, { date: '2026-04-10', startTime: '10:00', endTime: '09:00' }, zone);
    expect(result).toEqual({ minutes: m, problem: 'end-before-start' });
    expect(setNextMeetingWhen(m, { date: '2026-04-10', startTime: '25:00', endTime: '' }, zone).problem).toBe('bad-time');
    expect(setNextMeetingWhen(m, { date: '', startTime: '10:00', endTime: '' }, zone).problem).toBe('no-date');
  });

  it('no day clears the time', () => {
    const { minutes: after } = setNextMeetingWhen(minutes(), { date: '', startTime: '', endTime: '' }, zone);
    expect(after.nextMeeting).toEqual({ text: '' });
  });
});
