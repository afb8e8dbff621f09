import { isValidElement } from 'react';
import { isolate, translator } from '.';

describe('translation never answers with an inherited member, and formatting never throws', () => {
  const sv = translator('sv');

  it('leaves a placeholder alone when the value is missing, even one named like a prototype member', () => {
    expect(sv.t('myMeetings.organiser', {})).toBe('Organisatör: {name}');
    expect(sv.t('myMeetings.organiser', { constructor: 'x', toString: 'y' } as never)).toBe('Organisatör: {name}');
  });

  it.each(['constructor', '__proto__', 'toString', 'Customized Time Zone', ''])('formats a meeting in zone %j without throwing, in UTC', (zone) => {
    expect(sv.time('2026-11-20T07:00:00Z', zone)).toBe('07:00');
    expect(sv.date('2026-11-20T07:00:00Z', zone)).toBe('fredag 20 november 2026');
    expect(sv.timeRange('2026-11-20T07:00:00Z', '2026-11-20T08:00:00Z', zone)).toMatch(/^07:00–08:00/);
  });

  it('shows an unreadable date as "?" rather than failing the page', () => {
    expect(sv.date('not a date', 'Europe/Stockholm')).toBe('?');
    expect(sv.timeRange('garbage', 'garbage', 'Europe/Stockholm')).toBe('?–?');
  });
});

describe('text from outside sits isolated inside our sentences', () => {
  it('wraps each value of a sentence in its own <bdi>', () => {
    const parts = translator('en').tx('attendance.change.kept', { name: '\u202eevil', kept: 'Present', report: 'Absent' }) as unknown[];
    const bdis = parts.filter((p) => isValidElement(p) && p.type === 'bdi');
    expect(bdis).toHaveLength(3);
    expect(parts.filter((p) => typeof p === 'string').join('')).toBe(': your mark “” was kept (the report says “”)');
  });

  it('isolates a value with Unicode isolates where only a string can go', () => {
    expect(isolate('\u202eevil')).toBe('\u2068\u202eevil\u2069');
  });
});
