import { pickReport, suggestChair } from './meeting';
import { personKey, type Person } from './people';

const occurrence = { start: '2026-11-20T07:00:00.000Z', end: '2026-11-20T08:00:00.000Z' };
const report = (id: string, start: string, end: string) => ({ id, meetingStart: start, meetingEnd: end });
const now = new Date('2026-11-23T10:00:00Z');

describe('which attendance report belongs to an occurrence', () => {
  const weekly = [
    report('nov-13', '2026-11-13T06:58:00Z', '2026-11-13T08:01:00Z'),
    report('nov-20', '2026-11-20T06:59:00Z', '2026-11-20T08:05:00Z'),
    report('nov-06', '2026-11-06T07:00:00Z', '2026-11-06T08:00:00Z'),
  ];

  it("picks this occurrence's report out of a series' reports", () => {
    expect(pickReport(weekly, occurrence, now)).toEqual({ kind: 'found', report: weekly[1], candidates: 1 });
  });

  it('picks the session that started nearest the scheduled start when someone rejoined later', () => {
    const rejoin = report('nov-20-rejoin', '2026-11-20T08:30:00Z', '2026-11-20T08:40:00Z');
    expect(pickReport([rejoin, ...weekly], occurrence, now)).toMatchObject({ kind: 'found', report: { id: 'nov-20' }, candidates: 2 });
  });

  it('says "not ended" before the occurrence is over', () => {
    expect(pickReport([], occurrence, new Date('2026-11-20T07:30:00Z'))).toEqual({ kind: 'not-ended' });
  });

  it('says "none" when the occurrence ended without a report', () => {
    expect(pickReport(weekly.filter((r) => r.id !== 'nov-20'), occurrence, now)).toEqual({ kind: 'none' });
  });
});

describe('the suggested chair', () => {
  const chair: Person = { email: 'karin@region.se', displayName: 'Karin Ekström' };
  const secretary: Person = { email: 'ahmed@region.se', displayName: 'Ahmed Yilmaz' };
  const other: Person = { email: 'sara@region.se', displayName: 'Sara Lind' };
  const meeting = { organiser: chair, invitees: [chair, secretary, other].map((person) => ({ person, rsvp: 'accepted' as const })) };

  it('is the organiser when the secretary did not send the invitation', () => {
    expect(suggestChair(meeting, secretary)).toBe(personKey(chair));
  });

  it('is the one remembered for the series, while still invited', () => {
    expect(suggestChair(meeting, secretary, personKey(other))).toBe(personKey(other));
    expect(suggestChair(meeting, secretary, 'mail:gone@region.se')).toBe(personKey(chair));
  });

  it('is nobody when the secretary organises the meeting', () => {
    expect(suggestChair({ ...meeting, organiser: secretary }, secretary)).toBeUndefined();
  });
});
