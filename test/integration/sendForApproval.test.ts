// Sending minutes for approval against the emulator over HTTP, with the real Graph client and port:
// the exact version is stored once beside the minutes, the round is saved in them, each approver
// gets one mail with the summary, the links and the tag the Outlook add-in reads, and a retry after
// a failure part-way neither stores the version twice nor mails anyone twice.

import type { RunningEmulator } from '../../emulator/src/server';
import { documentVersion } from '../../src/app/documentVersion';
import { openMinutes, type OpenedMinutes } from '../../src/app/openMinutes';
import { JUSTERA_HEADERS } from '../../src/app/mailTag';
import { approverWarnings, sendForApproval, type ApprovalMailWords, type ApprovalRequest, type SendProgress } from '../../src/app/sendForApproval';
import { minutesIdOf, signOffStore } from '../../src/app/signOffStore';
import { listMyMeetings } from '../../src/app/myMeetings';
import { initialWindow } from '../../src/domain/dateWindow';
import { meetingKey } from '../../src/domain/meetingFolder';
import { renderMinutes } from '../../src/domain/render';
import { approversOf } from '../../src/domain/signOff';
import { templateFor } from '../../src/domain/templates';
import { memoryMinutes } from '../../src/store/localStore';
import { DEMO, demoScenario, emulatorWith, graphAs, useCases } from './harness';

const NOW = new Date('2026-11-23T09:00:00Z');
const GROUP = { teamId: DEMO.TEAM, channelId: DEMO.CHANNEL };
const KARIN = { key: 'id:a7ebf369-abe6-4ab5-98ee-ea8c3054427a', displayName: 'Karin Ekström', email: 'karin.ekstrom@regionostmark.se' };
const SARA = { key: 'id:88b6dfbb-222b-46c7-a75e-ce6a5d2ad300', displayName: 'Sara Lind', email: 'sara.lind@ekby.se' };
const NILS = { key: 'id:ddbfbc88-379d-4b5c-af1f-1baa9c12891b', displayName: 'Nils Ahl', email: 'nils.ahl@regionostmark.se' };
const AHMED = { key: 'id:833c93fb-31e7-44fc-b510-de063426e461', displayName: 'Ahmed Yilmaz' };

const words: ApprovalMailWords = {
  subject: 'Justering: Samordningsgrupp <Nära> vård',
  greeting: (name) => `Hej ${name}!`,
  request: 'Ahmed Yilmaz ber dig justera protokollet.',
  openInBrowser: 'Öppna och justera i webbläsaren',
  openInTeams: 'Öppna mötet i Teams',
  decisions: 'Beslut',
  actions: 'Uppdrag',
  version: (v) => `Version ${v}`,
};

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith(demoScenario({ configured: false }), NOW);
});
afterAll(() => emulator.close());

async function openFirst(): Promise<{ opened: OpenedMinutes; iCalUId: string; start: string }> {
  const graph = graphAs(emulator, DEMO.SECRETARY);
  const meeting = (await listMyMeetings(graph, initialWindow(NOW), 'Europe/Stockholm')).find((m) => m.subject === DEMO.SERIES && !m.isCancelled)!;
  const prefill = await useCases(graph, NOW).prefill({ kind: 'event', eventId: meeting.eventId });
  let n = 0;
  const opened = await openMinutes({ graph, now: () => NOW, newId: () => `id-${(n += 1)}`, local: () => memoryMinutes(), timeZone: 'Europe/Stockholm' }, GROUP, { prefill, language: 'sv' });
  return { opened, iCalUId: prefill.meeting.iCalUId!, start: prefill.meeting.start };
}

async function requestFor(opened: OpenedMinutes, meeting: { iCalUId: string; start: string }): Promise<ApprovalRequest> {
  opened.sync.update((m) => ({
    ...m,
    header: { ...m.header, chairKey: KARIN.key, adjusters: [SARA] },
    agenda: m.agenda.map((item, i) => (i === 0 ? { ...item, decisions: [{ id: 'd1', text: 'Budgeten <b>fastställs</b> & läggs till handlingarna.' }], actions: [{ id: 'a1', what: 'Skicka underlaget', owner: SARA, due: '2026-12-11' }] } : item)),
  }));
  const m = opened.sync.minutes;
  const document = renderMinutes(m, templateFor(m.templateId, [], m.language), { present: [], guests: [], excused: [], absent: [] });
  return { document, version: await documentVersion(document), approvers: approversOf(KARIN, [SARA]), meeting: { key: meetingKey(meeting.iCalUId), ...meeting }, sentBy: AHMED, words };
}

type Sent = { subject: string; body: { content: string }; toRecipients: { emailAddress: { address: string } }[]; internetMessageHeaders: { name: string; value: string }[] };
const sentMail = async (): Promise<Sent[]> => ((await (await fetch(`${emulator.url}/_emulator/mail`)).json()) as { value: Sent[] }).value;

describe('sending minutes for approval', () => {
  it('stores the exact version, records the round in the minutes, and mails each approver once with the tag and the links', async () => {
    const { opened, iCalUId, start } = await openFirst();
    const request = await requestFor(opened, { iCalUId, start });
    const graph = graphAs(emulator, DEMO.SECRETARY);
    const steps: string[] = [];
    const round = await sendForApproval(
      { graph, sync: opened.sync, meetingFolder: opened.meetingFolder, now: () => NOW, paneUrl: 'https://localhost:4004/pane.html' },
      request,
      { mailed: [] },
      (s) => steps.push(s.step),
    );
    expect(steps).toEqual(['saving', 'version', 'recording', 'mailing', 'mailing', 'mailing']);

    const folder = (await opened.meetingFolder())!;
    const stored = await signOffStore(graph, folder).readVersion(request.version);
    expect(stored.snapshot).toMatchObject({ version: request.version, meeting: meetingKey(iCalUId), sentBy: AHMED, approvers: round.approvers });
    expect(stored.snapshot.document).toEqual(JSON.parse(JSON.stringify(request.document)));

    // The round is in the minutes as the channel has them: another device reads it.
    const reread = await openFirst();
    expect(reread.opened.sync.minutes.signOff?.rounds).toEqual([round]);

    const mails = (await sentMail()).filter((m) => m.subject === words.subject);
    expect(mails.map((m) => m.toRecipients[0]!.emailAddress.address).sort()).toEqual([KARIN.email, SARA.email]);
    for (const mail of mails) {
      expect(mail.internetMessageHeaders).toEqual(
        expect.arrayContaining([
          { name: JUSTERA_HEADERS.minutes, value: minutesIdOf(folder) },
          { name: JUSTERA_HEADERS.version, value: request.version },
        ]),
      );
      const html = mail.body.content;
      // Outside text escaped, never markup.
      expect(html).toContain('Budgeten &lt;b&gt;fastställs&lt;/b&gt; &amp; läggs till handlingarna.');
      expect(html).not.toContain('<b>fastställs');
      expect(html).toContain('Skicka underlaget (Sara Lind, senast 2026-12-11)');
      expect(html).toContain(`href="https://localhost:4004/pane.html?minutes=${encodeURIComponent(minutesIdOf(folder)).replace(/&/g, '&amp;')}&amp;version=${request.version}"`);
      expect(html).toContain('href="https://teams.microsoft.com/l/entity/');
    }
  });

  it('after a mail fails part-way, sending again stores nothing twice and mails only who was not mailed', async () => {
    const { opened, iCalUId, start } = await openFirst();
    const request = { ...(await requestFor(opened, { iCalUId, start })), words: { ...words, subject: 'Justering: andra försöket' } };
    const graph = graphAs(emulator, DEMO.SECRETARY);
    const deps = { graph, sync: opened.sync, meetingFolder: opened.meetingFolder, now: () => NOW };
    const progress: SendProgress = { mailed: [] };
    // The second sendMail fails (after the first went).
    let mails = 0;
    const failing = { ...deps, graph: new Proxy(graph, { get: (g, p) => (p === 'send' ? (w: { path: string }) => (w.path === '/me/sendMail' && (mails += 1) === 2 ? Promise.reject(new Error('dropped')) : g.send(w as never)) : Reflect.get(g, p)) }) };
    await expect(sendForApproval(failing, request, progress)).rejects.toThrow('dropped');
    expect(progress.mailed).toEqual([KARIN.key]);
    const again = await sendForApproval(deps, request, progress);
    expect(again).toEqual(progress.round);
    const sent = (await sentMail()).filter((m) => m.subject === 'Justering: andra försöket');
    expect(sent.map((m) => m.toRecipients[0]!.emailAddress.address).sort()).toEqual([KARIN.email, SARA.email]);
    expect(opened.sync.minutes.signOff?.rounds.filter((r) => r.version === request.version && r.sentAt === again.sentAt)).toHaveLength(1);
    expect((await signOffStore(graph, (await opened.meetingFolder())!).listVersions()).filter((v) => v.version === request.version)).toHaveLength(1);
  });

  it('warns about an approver outside the team and one with a guest account', async () => {
    const warnings = await approverWarnings(graphAs(emulator, DEMO.SECRETARY), DEMO.TEAM, approversOf(KARIN, [SARA, NILS]));
    expect(warnings.map((w) => [w.approver.displayName, w.reason])).toEqual([
      ['Sara Lind', 'guest'],
      ['Nils Ahl', 'not-member'],
    ]);
  });
});
