// Opening the minutes of a meeting in its group's channel: new minutes are prefilled from the
// invitation's agenda, the open actions of the previous minutes in the folder and the series' next
// occurrence; minutes already in the folder open as they are. The real Graph client and port,
// the emulator over HTTP.

import type { RunningEmulator } from '../../emulator/src/server';
import { openMinutes, type MinutesDeps } from '../../src/app/openMinutes';
import { initialWindow } from '../../src/domain/dateWindow';
import { listMyMeetings } from '../../src/app/myMeetings';
import { memoryMinutes } from '../../src/store/localStore';
import { DEMO, demoScenario, emulatorWith, graphAs, useCases } from './harness';

const { SECRETARY, SERIES } = DEMO;

const NOW = new Date('2026-11-23T09:00:00Z');
const GROUP = { teamId: '4c536162-c681-4515-a05c-293d7178a85d', channelId: '19:b164be4dc3c64ea1b98f62d22dc3268d@thread.tacv2' };

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith(demoScenario({ configured: false }), NOW);
});
afterAll(() => emulator.close());

function deps(): MinutesDeps {
  let n = 0;
  return { graph: graphAs(emulator, SECRETARY), now: () => NOW, newId: () => `id-${(n += 1)}`, local: () => memoryMinutes(), timeZone: 'Europe/Stockholm' };
}

async function occurrences() {
  const all = await listMyMeetings(graphAs(emulator, SECRETARY), initialWindow(NOW), 'Europe/Stockholm');
  return all.filter((m) => m.subject === SERIES && !m.isCancelled);
}

async function open(eventId: string, language: 'sv' | 'en' = 'sv', templateId?: string) {
  const prefill = await useCases(graphAs(emulator, SECRETARY), NOW).prefill({ kind: 'event', eventId });
  return openMinutes(deps(), GROUP, { prefill, language, templateId });
}

describe('opening the minutes of a meeting', () => {
  it('prefills new minutes with the agenda of the invitation and the next meeting of the series', async () => {
    const [first, second] = await occurrences();
    const { sync } = await open(first!.eventId);
    const m = sync.minutes;
    expect(m.agenda.map((i) => [i.time, i.title])).toEqual([
      ['08:00', 'Inledning och föregående minnesanteckningar'],
      ['08:10', 'Länskonferensen 2026'],
      ['08:25', 'Uppföljning av färdplanen – hur mäter vi förflyttningar?'],
      ['08:45', 'Ekonomisk uppföljning'],
      ['08:55', 'Övriga frågor och nästa möte'],
    ]);
    expect(m.agenda[1]!.presenter).toBe('Karin E');
    // The next occurrence's start, end and place (its room), as it stands in the calendar.
    expect(m.nextMeeting).toEqual({ start: second!.start, end: second!.end, place: 'Regionens hus, sal Linnéa', text: '' });
    expect(m.header.secretary?.displayName).toBe('Ahmed Yilmaz');
    expect(m.followUp).toEqual([]);
    await sync.flush();
    expect(sync.saveStatus).toEqual({ kind: 'saved' });
  });

  it('brings the open actions of the previous minutes into the next, and continues § numbers', async () => {
    const [first, second] = await occurrences();
    const earlier = await open(first!.eventId);
    earlier.sync.update((m) => ({
      ...m,
      firstParagraph: 45,
      agenda: m.agenda.map((i, k) => (k === 3 ? { ...i, actions: [{ id: 'a-budget', what: 'Förslag på fördelning av medel', due: '2026-12-01' }] } : i)),
    }));
    await earlier.sync.flush();
    const next = await open(second!.eventId, 'sv', 'protokoll-sv');
    expect(next.sync.minutes.followUp.map((f) => [f.what, f.state, f.sourceActionId])).toEqual([['Förslag på fördelning av medel', 'open', 'a-budget']]);
    expect(next.sync.minutes.firstParagraph).toBe(50);
  });

  it('opens minutes already in the folder as they are', async () => {
    const [first] = await occurrences();
    const again = await open(first!.eventId);
    expect(again.sync.minutes.firstParagraph).toBe(45);
    expect(again.sync.minutes.agenda[3]!.actions[0]!.what).toBe('Förslag på fördelning av medel');
  });
});

describe('follow-ups of minutes published later', () => {
  it('get the Planner task the earlier minutes were published with, when the later minutes open again', async () => {
    const all = await occurrences();
    const [third, fourth] = all.slice(2, 4);
    const earlier = await open(third!.eventId);
    const action = { id: 'a-lokal', what: 'Boka lokal för länskonferensen', due: '2026-12-18' };
    earlier.sync.update((m) => ({ ...m, agenda: m.agenda.map((i, k) => (k === 0 ? { ...i, actions: [action] } : i)) }));
    await earlier.sync.flush();
    const next = await open(fourth!.eventId);
    // (What earlier tests left open is carried along, without a task: it was never published.)
    const lokal = (m: { followUp: { what: string; taskId?: string }[] }) => m.followUp.filter((f) => f.what === action.what).map((f) => f.taskId);
    expect(lokal(next.sync.minutes)).toEqual([undefined]);
    expect(await next.tasksLinked).toBe(0);
    await next.sync.flush();

    // Publishing the earlier minutes records the task their action became.
    earlier.sync.update((m) => ({
      ...m,
      publication: {
        version: 'c0ffee'.padEnd(64, '0'),
        publishedAt: NOW.toISOString(),
        publishedBy: { key: 'id:ahmed', displayName: 'Ahmed Yilmaz' },
        document: { id: 'doc', name: 'Protokoll.docx', webUrl: 'https://example.test/doc' },
        message: { id: 'msg' },
        tasks: [{ actionId: action.id, taskId: 'task-lokal', title: action.what, assigneeIds: [] }],
      },
    }));
    await earlier.sync.flush();

    const again = await open(fourth!.eventId);
    expect(await again.tasksLinked).toBe(1);
    expect(lokal(again.sync.minutes)).toEqual(['task-lokal']);
    await again.sync.flush();
    expect(lokal((await open(fourth!.eventId)).sync.minutes)).toEqual(['task-lokal']);
  });
});
