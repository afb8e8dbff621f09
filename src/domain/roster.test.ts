import { attendanceFromRsvps, withChair, type Invitee } from './attendance';
import { personKey, type Person } from './people';
import { withRoster } from './roster';
import type { RosterEntry } from './settings';

const anna: Person = { directoryId: 'id-anna', email: 'anna.berg@region.se', displayName: 'Anna Berg', organisation: 'Region Östmark' };
const peter: Person = { directoryId: 'id-peter', email: 'peter.sjo@ekby.se', displayName: 'Peter Sjö' };
const eva: Person = { email: 'Eva.Lundin@Norrvik.se', displayName: 'Eva Lundin' };
const mats: Person = { directoryId: 'id-mats', email: 'mats.dahl@region.se', displayName: 'Mats Dahl' };
const gustav: Person = { directoryId: 'id-gustav', email: 'gustav@konsult.se', displayName: 'Gustav Ström' };

const invitees: Invitee[] = [
  { person: anna, rsvp: 'organizer' },
  { person: peter, rsvp: 'accepted' },
  { person: eva, rsvp: 'accepted' },
  { person: mats, rsvp: 'accepted' },
];

const entry = (p: Person, role: RosterEntry['role'], organisation?: string): RosterEntry => ({
  person: { key: personKey(p), displayName: p.displayName, email: p.email },
  role,
  ...(organisation ? { organisation } : {}),
});

const base = () => attendanceFromRsvps(invitees, 'not-ended');
const roleOf = (att: ReturnType<typeof base>, p: Person) => att.entries.find((e) => e.key === personKey(p))?.role;

describe('roles in the attendance list come from the roster', () => {
  it('a substitute in the roster is listed as substitute, a co-opted member as co-opted', () => {
    const att = withRoster(base(), [entry(peter, 'substitute'), entry(mats, 'coopted'), entry(anna, 'member')]);
    expect(roleOf(att, peter)).toBe('substitute');
    expect(roleOf(att, mats)).toBe('coopted');
    expect(roleOf(att, anna)).toBe('member');
  });

  it('someone outside the roster keeps the role the list gave', () => {
    const att = withRoster(base(), [entry(peter, 'substitute')]);
    expect(roleOf(att, eva)).toBe('member');
  });

  it('the chair and the secretary keep their roles even when the roster names another', () => {
    const chosen = withChair(base(), personKey(peter), mats);
    const att = withRoster(chosen, [entry(peter, 'substitute'), entry(mats, 'coopted')]);
    expect(roleOf(att, peter)).toBe('chair');
    expect(roleOf(att, mats)).toBe('secretary');
  });

  it('finds a person by address when the roster has no directory id for them, whatever the case', () => {
    const byMail: RosterEntry = { person: { key: 'mail:eva.lundin@norrvik.se', displayName: 'Eva Lundin', email: 'eva.lundin@norrvik.se' }, role: 'coopted' };
    expect(roleOf(withRoster(base(), [byMail]), eva)).toBe('coopted');
  });

  it("the roster's organisation wins over the directory's", () => {
    const att = withRoster(base(), [entry(anna, 'member', 'Region Östmark, Hälso- och sjukvård'), entry(peter, 'substitute', 'Ekby kommun')]);
    expect(att.entries.find((e) => e.key === personKey(anna))?.person.organisation).toBe('Region Östmark, Hälso- och sjukvård');
    expect(att.entries.find((e) => e.key === personKey(peter))?.person.organisation).toBe('Ekby kommun');
  });

  it('an uninvited person who is in the roster is not a guest', () => {
    const withGuest = { ...base(), entries: [...base().entries, { key: personKey(gustav), person: gustav, invited: false, role: 'guest' as const, status: 'present' as const, basis: 'manual' as const }] };
    expect(roleOf(withRoster(withGuest, [entry(gustav, 'coopted')]), gustav)).toBe('coopted');
    expect(roleOf(withRoster(withGuest, [entry(peter, 'member')]), gustav)).toBe('guest');
  });

  it('an empty roster changes nothing', () => {
    const att = base();
    expect(withRoster(att, [])).toBe(att);
  });
});
