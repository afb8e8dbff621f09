// How many of the period's counted meetings each organisation (or county) was represented at: the
// figures the attendance charts draw, and that the annual report's .docx draws as chart images.
// Pure: no React, so the export can use it without the view.

import type { YearAttendance } from '../../../../domain/year';

export interface RepresentationPoint {
  /** The organisation as the roster spells it, or the county. */
  label: string;
  /** Meetings at which someone from it was present. */
  value: number;
  /** Meetings counted in the period (the unreadable ones are not). */
  of: number;
}

/**
 * One point per organisation (every one the year knows: the roster's, and those people outside it
 * came from) or per county, in the attendance's own order (by name), each out of the meetings counted.
 */
export function representationSeries(attendance: YearAttendance, level: 'organisation' | 'county'): RepresentationPoint[] {
  const of = attendance.counted;
  return level === 'organisation'
    ? attendance.organisations.map((o) => ({ label: o.organisation, value: o.meetings, of }))
    : attendance.counties.map((c) => ({ label: c.county, value: c.meetings, of }));
}
