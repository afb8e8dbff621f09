import { translator } from '../../i18n';
import { localeDates } from './LocaleDateTime';

const dates = (locale: string) => localeDates(locale, translator(locale.startsWith('en') ? 'en' : 'sv', locale).t);

describe("dates and times in Teams' locale, whatever the browser's", () => {
  it('Swedish: ISO dates, Swedish month and day names, weeks from Monday, 24-hour times', () => {
    const sv = dates('sv-SE');
    expect(sv.formatDate(new Date(2026, 11, 24))).toBe('2026-12-24');
    expect(sv.strings.months[0]).toBe('januari');
    expect(sv.strings.days[1]).toBe('måndag');
    expect(sv.firstDayOfWeek).toBe(1);
    expect(sv.strings.goToToday).toBe('Gå till i dag');
    expect(sv.formatTime(new Date(2000, 0, 1, 9, 30))).toBe('09:30');
    expect(sv.parseDate('2026-12-24')).toEqual(new Date(2026, 11, 24));
    expect(sv.parseTime('9.30')).toEqual(new Date(2000, 0, 1, 9, 30));
  });

  it('American English: month first, weeks from Sunday, 12-hour times', () => {
    const us = dates('en-US');
    expect(us.formatDate(new Date(2026, 11, 24))).toBe('12/24/2026');
    expect(us.parseDate('12/24/2026')).toEqual(new Date(2026, 11, 24));
    expect(us.firstDayOfWeek).toBe(0);
    expect(us.hourCycle).toBe('h12');
    expect(us.parseTime('2:15 PM')).toEqual(new Date(2000, 0, 1, 14, 15));
  });

  it('British English reads day first; ISO is understood everywhere; nonsense is no date', () => {
    const gb = dates('en-GB');
    expect(gb.parseDate('24/12/2026')).toEqual(new Date(2026, 11, 24));
    expect(gb.parseDate('2026-12-24')).toEqual(new Date(2026, 11, 24));
    expect(gb.parseDate('31/02/2026')).toBeNull();
    expect(gb.parseDate('24.24.2026')).toBeNull();
    expect(gb.parseTime('25:00')).toBeNull();
    expect(gb.parseTime('13:00 pm')).toBeNull();
  });
});
