// The figures the attendance charts (and the annual report's chart images) draw: meetings represented
// out of those counted, per organisation and per county, from the real attendanceYear.

import { attendanceYear, groupYear } from '../../../../domain/year';
import { attendance, roster } from './attendanceFixture';
import { representationSeries } from './representationSeries';

test('per organisation: every organisation of the year, the roster’s and a guest’s, out of the meetings counted (not the unreadable one)', () => {
  expect(representationSeries(attendance, 'organisation')).toEqual([
    { label: 'Bergsjö kommun', value: 0, of: 4 },
    { label: 'Ekby kommun', value: 2, of: 4 },
    { label: 'Länsstyrelsen', value: 1, of: 4 },
    { label: 'Nordby sjukhus', value: 1, of: 4 },
    { label: 'Region Östmark', value: 4, of: 4 },
    { label: 'Västby kommun', value: 1, of: 4 },
  ]);
});

test('per county: a meeting counts once for a county however many of its organisations were there', () => {
  expect(representationSeries(attendance, 'county')).toEqual([
    { label: 'Norrlands län', value: 1, of: 4 },
    { label: 'Östmarks län', value: 4, of: 4 },
  ]);
});

test('a year with no meetings: every roster organisation at 0 of 0', () => {
  const empty = attendanceYear([], groupYear('2027-01-01'), roster);
  expect(representationSeries(empty, 'organisation').map((p) => [p.label, p.value, p.of])).toEqual([
    ['Bergsjö kommun', 0, 0],
    ['Ekby kommun', 0, 0],
    ['Nordby sjukhus', 0, 0],
    ['Region Östmark', 0, 0],
    ['Västby kommun', 0, 0],
  ]);
});
