// Attendance when the secretary is not the organiser, against the emulator's demo tenant: the
// organiser's Justera keeps the report's lists in the meeting's minutes in the channel, the
// secretary's list comes from them, and the secretary can ask the organiser for them by mail.

import type { RunningEmulator } from '../../emulator/src/server';
import { askOrganiser, JUSTERA_APP, meetingDeepLink, meetingLinkId } from '../../src/app/askOrganiser';
import { parseMeetingTarget } from '../../src/domain/meetingLink';
import { openMinutes, type MinutesDeps } from '../../src/app/openMinutes';
import type { Prefill } from '../../src/app/prefill';
import { applyHandMarks, groupAttendance, statusReason } from '../../src/domain/attendance';
import type { MeetingListItem } from '../../src/domain/meeting';
import { attendanceFromOrganiserCopy, organiserCopyFrom, organiserCopyToWrite } from '../../src/domain/organiserCopy';
import { personKey } from '../../src/domain/people';
import { memoryMinutes } from '../../src/store/localStore';
import { DEMO, emulatorWith, graphAs, useCases } from './harness';

const { SECRETARY, CHAIR, SERIES } = DEMO;

const NOW = new Date('2026-11-23T09:00:00Z');
const GROUP = { teamId: '4c536162-c681-4515-a05c-293d7178a85d', channelId: '19:b164be4dc3c64ea1b98f62d22dc3268d@thread.tacv2' };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith('demo', NOW);
});
afterAll(() => emulator.close());

const names = (entries: { person: { displayName: string } }[]) => entries.map((e) => e.person.displayName).sort((a, b) => a.localeCompare(b, 'sv'));

function deps(user: string): MinutesDeps {
  let n = 0;
  return { graph: graphAs(emulator, user), now: () => NOW, newId: () => `${user}-${(n += 1)}`, local: () => memoryMinutes(), timeZone: 'Europe/Stockholm' };
}

async function latestEnded(user: string): Promise<MeetingListItem> {
  const all = await useCases(graphAs(emulator, user), NOW).list();
  const ended = all.filter((m) => m.subject === SERIES && !m.isCancelled && Date.parse(m.end) < NOW.getTime());
  return ended[ended.length - 1]!;
}

async function open(user: string): Promise<{ prefill: Prefill; opened: Awaited<ReturnType<typeof openMinutes>> }> {
  const occurrence = await latestEnded(user);
  const prefill = await useCases(graphAs(emulator, user), NOW).prefill({ kind: 'event', eventId: occurrence.eventId });
  return { prefill, opened: await openMinutes(deps(user), GROUP, { prefill, language: 'sv' }) };
}

/** What the organiser's page does once the minutes are open (MeetingPage.keepOrganiserCopy). */
function keepCopy({ prefill, opened }: Awaited<ReturnType<typeof open>>, at: Date) {
  const me = prefill.secretary;
  const fresh = organiserCopyFrom(prefill.attendance, { key: personKey(me), displayName: me.displayName, email: me.email }, at.toISOString());
  const next = organiserCopyToWrite(opened.sync.minutes.attendance.organiserCopy, fresh);
  if (next) opened.sync.update((m) => ({ ...m, attendance: { ...m.attendance, organiserCopy: next } }));
  return next;
}

describe('the organiser keeps the attendance in the minutes, and the secretary gets the lists', () => {
  it("before the organiser opens the meeting, the secretary's minutes have no copy and her list comes from hidden replies", async () => {
    const { prefill, opened } = await open(SECRETARY);
    await opened.sync.flush();
    expect(prefill.attendance.source).toEqual({ kind: 'rsvp', reason: 'not-organiser' });
    expect(opened.sync.minutes.attendance.organiserCopy).toBeUndefined();
    // The secretary's own mark, made before the organiser's copy arrives.
    const sara = prefill.attendance.entries.find((e) => e.person.displayName === 'Sara Lind')!;
    opened.sync.update((m) => ({ ...m, attendance: { ...m.attendance, marks: [{ key: sara.key, status: 'present' }] } }));
    await opened.sync.flush();
  });

  it("the organiser's Justera stores the report's lists in the minutes in the channel, once", async () => {
    const organiser = await open(CHAIR);
    expect(organiser.prefill.attendance.source.kind).toBe('report');
    const written = keepCopy(organiser, NOW);
    expect(written).toMatchObject({ source: 'report', fetchedBy: { displayName: 'Karin Ekström' }, fetchedAt: NOW.toISOString() });
    await organiser.opened.sync.flush();
    expect(organiser.opened.sync.saveStatus).toEqual({ kind: 'saved' });
    // The secretary's mark made meanwhile is still there.
    expect(organiser.opened.sync.minutes.attendance.marks).toEqual([{ key: expect.stringMatching(/^id:/), status: 'present' }]);

    // Opening again an hour later writes nothing: the lists are the same.
    const again = await open(CHAIR);
    expect(keepCopy(again, new Date(NOW.getTime() + 3600_000))).toBeUndefined();
    expect(again.opened.sync.minutes.attendance.organiserCopy?.fetchedAt).toBe(NOW.toISOString());
  });

  it("the secretary's prefill and minutes give the report's lists, with her hand marks on top", async () => {
    const { prefill, opened } = await open(SECRETARY);
    const copy = opened.sync.minutes.attendance.organiserCopy!;
    expect(copy.fetchedBy.displayName).toBe('Karin Ekström');
    const roles = { secretary: prefill.secretary, chairKey: prefill.chairKey };
    const att = applyHandMarks(attendanceFromOrganiserCopy(copy, prefill.meeting.invitees, roles), opened.sync.minutes.attendance.marks, roles);
    const groups = groupAttendance(att);
    expect(names(groups.excused)).toEqual(['Maja Holm']);
    expect(names(groups.absent)).toEqual(['Lars Öberg']);
    expect(names(groups.guests)).toContain('Emma Nyberg');
    expect(names(groups.optionalAway)).toEqual(['Sofia Wik']);
    expect(names(groups.present)).toEqual(expect.arrayContaining(['Karin Ekström', 'Ahmed Yilmaz', 'Olof Bergström', 'Sara Lind']));
    expect(statusReason(att.entries.find((e) => e.person.displayName === 'Olof Bergström')!)).toBe('organiser-report');
    expect(statusReason(att.entries.find((e) => e.person.displayName === 'Sara Lind')!)).toBe('manual');
    expect(att.entries.find((e) => e.person.displayName === 'Karin Ekström')?.role).toBe('chair');
  });
});

describe('asking the organiser', () => {
  it('sends one mail to the organiser with a link that opens the meeting in Justera', async () => {
    const { prefill } = await open(SECRETARY);
    await askOrganiser(graphAs(emulator, SECRETARY), {
      meeting: prefill.meeting,
      words: { subject: 'Närvaron på Samordningsgrupp <Nära vård>', paragraphs: ['Hej Karin!', 'Bara organisatören kan läsa närvarorapporten.'], link: 'Öppna mötet i Justera' },
    });
    const sent = ((await (await fetch(`${emulator.url}/_emulator/mail`)).json()) as { value: { subject: string; toRecipients: unknown[]; body: { content: string }; saveToSentItems: boolean }[] }).value;
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toBe('Närvaron på Samordningsgrupp <Nära vård>');
    expect(sent[0]!.toRecipients).toEqual([{ emailAddress: { address: CHAIR, name: 'Karin Ekström' } }]);
    expect(sent[0]!.saveToSentItems).toBe(true);
    const link = meetingDeepLink(meetingLinkId(prefill.meeting));
    expect(link).toMatch(new RegExp(`^https://teams\\.microsoft\\.com/l/entity/${JUSTERA_APP.appId}/my-meetings\\?context=`));
    const { subEntityId } = JSON.parse(new URL(link).searchParams.get('context')!) as { subEntityId: string };
    expect(parseMeetingTarget(subEntityId)).toEqual({ iCalUId: prefill.meeting.iCalUId, start: new Date(prefill.meeting.start).toISOString() });
    expect(sent[0]!.body.content).toContain(`href="${link.replace(/&/g, '&amp;')}"`);
    expect(sent[0]!.body.content).toContain('<p>Bara organisatören kan läsa närvarorapporten.</p>');

    // The organiser finds it in her inbox.
    const inbox = (await graphAs(emulator, CHAIR).get({ path: '/me/messages', parse: (b) => (b as { value: { subject: string }[] }).value }));
    expect(inbox.map((m) => m.subject)).toEqual(['Närvaron på Samordningsgrupp <Nära vård>']);
  });
});

describe('the link in the mail', () => {
  it("opens the same occurrence in the organiser's own calendar, though her copy has another event id", async () => {
    const { prefill } = await open(SECRETARY);
    const { subEntityId } = JSON.parse(new URL(meetingDeepLink(meetingLinkId(prefill.meeting))).searchParams.get('context')!) as { subEntityId: string };
    const target = parseMeetingTarget(subEntityId)!;
    const organisers = await useCases(graphAs(emulator, CHAIR), NOW).prefill({ kind: 'link', ...target });
    expect(organisers.meeting.eventId).not.toBe(prefill.meeting.eventId);
    expect(organisers.meeting.iCalUId).toBe(prefill.meeting.iCalUId);
    expect(organisers.meeting.start).toBe(prefill.meeting.start);
    // Opened by the organiser, the report decides.
    expect(organisers.attendance.source.kind).toBe('report');
  });

  it('says the meeting is not found when it is not in the reader\'s calendar at that time (moved, or not invited)', async () => {
    const { prefill } = await open(SECRETARY);
    const moved = { iCalUId: prefill.meeting.iCalUId!, start: new Date(Date.parse(prefill.meeting.start) + 86_400_000).toISOString() };
    await expect(useCases(graphAs(emulator, CHAIR), NOW).prefill({ kind: 'link', ...moved })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(useCases(graphAs(emulator, DEMO.OUTSIDER), NOW).prefill({ kind: 'link', iCalUId: prefill.meeting.iCalUId!, start: prefill.meeting.start })).rejects.toMatchObject({ kind: 'not-found' });
  });
});
