import { attendanceFromRsvps, type Invitee } from './attendance';
import { agendaItem, type Minutes } from './minutes';
import { sampleMinutes } from './minutesFixtures';
import { approvedDocument, minutesAttendance, renderMinutes, safeFileName, type DocumentAttendance, type MinutesDocument } from './render';
import { BUILT_IN_TEMPLATES, customise, type Template } from './templates';

const template = (id: string): Template => BUILT_IN_TEMPLATES.find((t) => t.id === id)!;
const person = (key: string, displayName: string) => ({ key: `id:${key}`, displayName });

/** The document as the examples in shared/examples write it: "# heading", "Label: value", "- list item". */
function asText(doc: MinutesDocument): string {
  const out: string[] = [`# ${doc.title}`];
  if (doc.subtitle) out.push(doc.subtitle);
  for (const f of doc.header) out.push(`${f.label}: ${f.value}`);
  for (const s of doc.sections) {
    switch (s.kind) {
      case 'agenda':
        for (const item of s.items) {
          out.push(`## ${item.heading}`);
          if (item.time) out.push(item.time);
          for (const n of item.notes) out.push(n.html);
          for (const d of item.decisions) out.push(`${item.decisionsLabel}: ${d}`);
          for (const a of item.actions) out.push(`${item.actionsLabel}: ${a.text}`);
        }
        break;
      case 'actions':
        out.push(`## ${s.label}`, ...s.actions.map((a) => `- ${a.text}`));
        break;
      case 'followUp':
        out.push(`## ${s.label}`, ...s.entries.map((e) => `- ${e.text}`));
        break;
      case 'nextMeeting':
        out.push(`## ${s.label}`, s.text);
        break;
      case 'recordedBy':
        out.push(`${s.label}: ${s.names.join(', ')}`);
        break;
      case 'approvedBy':
        out.push(`${s.label}: ${s.signers.map((p) => [p.name, p.role].filter(Boolean).join(', ')).join(' · ')}`);
        break;
    }
  }
  return out.join('\n');
}

/** The informal minutes of shared/examples/minnesanteckningar.md. */
function notesMinutes(over: Partial<Minutes> = {}): Minutes {
  const sara = person('sara', 'Sara Lind');
  return sampleMinutes({
    meeting: { eventId: 'e1', subject: 'Samordningsgrupp Nära vård', start: '2025-10-03T06:00:00.000Z', end: '2025-10-03T07:00:00.000Z', timeZone: 'Europe/Stockholm', place: 'Via Teams' },
    header: { chairKey: 'id:karin', secretary: person('ahmed', 'Ahmed Yilmaz'), adjusters: [] },
    agenda: [
      { ...agendaItem('i1', { time: '08:00', endTime: '08:20', title: 'Länskonferensen 2026' }), notes: [{ id: 'n1', html: '<p>Dialog om konferensen.</p>' }] },
      {
        ...agendaItem('i2', { time: '08:20', title: 'Uppföljning av färdplanen', presenter: 'Sara Lind' }),
        notes: [{ id: 'n2', html: '<p>Genomgång av skiss på <strong>årshjul</strong>.</p>' }],
        decisions: [{ id: 'd1', text: 'Samordningsgruppen ställer sig bakom att testa årshjulet under hösten.' }],
        actions: [{ id: 'a1', what: 'Uppföljning av färdplan skickas ut för synpunkter', owner: sara, due: '2025-10-17' }],
      },
      {
        ...agendaItem('i3', { title: 'Ekonomisk uppföljning' }),
        actions: [{ id: 'a2', what: 'Enkät om medarbetarnas förutsättningar skickas', owner: person('karin', 'Karin Ekström'), due: '2025-10-08' }],
      },
    ],
    nextMeeting: { text: 'Fredag 10/10 kl. 08–09 via Teams' },
    ...over,
  });
}

const notesAttendance: DocumentAttendance = {
  present: [
    { name: 'Karin Ekström', organisation: 'Region Örebro län', role: 'chair' },
    { name: 'Ahmed Yilmaz', role: 'secretary' },
    { name: 'Olof Bergström', organisation: 'Lindesbergs kommun', role: 'member' },
    { name: 'Sara Lind', role: 'member' },
  ],
  guests: [],
  excused: [{ name: 'Maja Holm', role: 'member' }],
  absent: [{ name: 'Lars Öberg', role: 'member' }],
};

/** The formal minutes of shared/examples/protokoll.md. */
function protocolMinutes(): Minutes {
  const titles = ['Val av justerare', 'Godkännande av dagordning', 'Gemensam plan för primärvården', 'Ekonomisk rapport', 'Nästa sammanträde'];
  const agenda = titles.map((title, i) => agendaItem(`p${i}`, { title }));
  agenda[0]!.notes = [{ id: 'n0', html: '<p>Eva Lundin utses att jämte ordföranden justera protokollet.</p>' }];
  agenda[2]!.decisions = [{ id: 'd', text: 'Styrgruppen ställer sig bakom att avgränsa planen till primärvården.' }];
  agenda[2]!.actions = [{ id: 'a', what: 'Lisa Tran återkommer med tidplan', due: '2026-01-16' }];
  return sampleMinutes({
    meeting: { eventId: 'e2', subject: 'Styrgruppen för regional samverkan', start: '2025-11-14T12:00:00.000Z', end: '2025-11-14T14:30:00.000Z', timeZone: 'Europe/Stockholm', place: 'Regionens hus, sal Linnéa, och via Teams' },
    templateId: 'protokoll-sv',
    header: { chairKey: 'id:anna', secretary: person('jonas', 'Jonas Ek'), adjusters: [person('eva', 'Eva Lundin')] },
    agenda,
    firstParagraph: 45,
    nextMeeting: { start: '2026-01-23T12:00:00.000Z', text: '' },
  });
}

const protocolAttendance: DocumentAttendance = {
  present: ['Anna Berg', 'Peter Sjö', 'Eva Lundin', 'Nils Ahl', 'Sofia Wik'].map((name, i) => ({ name, role: i === 0 ? 'chair' : 'member' })),
  guests: [{ name: 'Lisa Tran', role: 'guest' }],
  excused: [{ name: 'Mats Dahl', role: 'member' }],
  absent: [],
};

describe('the informal minutes ("Minnesanteckningar") read like the groups write them', () => {
  it('in Swedish', () => {
    const doc = renderMinutes(notesMinutes(), template('minnesanteckningar-sv'), notesAttendance);
    expect(asText(doc)).toBe(
      [
        '# Samordningsgrupp Nära vård, minnesanteckningar 2025-10-03',
        'Datum: 2025-10-03',
        'Tid: kl. 08:00–09:00',
        'Plats: Via Teams',
        'Deltagare: Karin Ekström (ordförande, Region Örebro län), Ahmed Yilmaz (sekreterare), Olof Bergström (Lindesbergs kommun), Sara Lind',
        'Övriga närvarande: –',
        'Ej närvarande: Lars Öberg, Maja Holm (anmält förhinder)',
        'Sammanställande: Karin Ekström',
        'Sekreterare: Ahmed Yilmaz',
        '## Länskonferensen 2026',
        'kl. 08:00–08:20',
        '<p>Dialog om konferensen.</p>',
        '## Uppföljning av färdplanen (Sara Lind)',
        'kl. 08:20',
        '<p>Genomgång av skiss på <strong>årshjul</strong>.</p>',
        'Beslut: Samordningsgruppen ställer sig bakom att testa årshjulet under hösten.',
        '## Ekonomisk uppföljning',
        '## Fram till kommande möte',
        '- Uppföljning av färdplan skickas ut för synpunkter (Sara Lind, senast 2025-10-17)',
        '- Enkät om medarbetarnas förutsättningar skickas (Karin Ekström, senast 2025-10-08)',
        '## Nästa möte',
        'Fredag 10/10 kl. 08–09 via Teams',
        'Minnesanteckningar förda av: Ahmed Yilmaz',
        'Justerat av: Karin Ekström, ordförande',
      ].join('\n'),
    );
    expect(doc.properties).toEqual({ title: 'Samordningsgrupp Nära vård, minnesanteckningar 2025-10-03', subject: 'Samordningsgrupp Nära vård', creator: 'Justera' });
    expect(doc.locale).toBe('sv-SE');
    expect(doc.fileName).toBe('2025-10-03 Samordningsgrupp Nära vård.docx');
    // The informal minutes gather actions after the agenda, not under each item.
    const agenda = doc.sections.find((s) => s.kind === 'agenda');
    expect(agenda?.kind === 'agenda' && agenda.items.flatMap((i) => i.actions)).toEqual([]);
  });

  it('in English, with dates in English and the same time zone', () => {
    const doc = renderMinutes(notesMinutes({ language: 'en', templateId: 'minnesanteckningar-en' }), template('minnesanteckningar-en'), notesAttendance);
    const text = asText(doc);
    expect(text).toMatch(/^# Samordningsgrupp Nära vård, meeting notes 3 October 2025\nDate: 3 October 2025\nTime: 08:00–09:00\nPlace: Via Teams\n/);
    expect(text).toContain('Present: Karin Ekström (chair, Region Örebro län), Ahmed Yilmaz (secretary)');
    expect(text).toContain('Absent: Lars Öberg, Maja Holm (sent apologies)');
    expect(text).toContain('Decision: Samordningsgruppen ställer sig bakom');
    expect(text).toContain('## Until the next meeting\n- Uppföljning av färdplan skickas ut för synpunkter (Sara Lind, due 17 October 2025)');
    expect(text).toMatch(/Notes taken by: Ahmed Yilmaz\nApproved by: Karin Ekström, chair$/);
    expect(doc.locale).toBe('en-GB');
    // The file name keeps a sortable date in every language.
    expect(doc.fileName).toBe('2025-10-03 Samordningsgrupp Nära vård.docx');
  });
});

describe('the formal minutes ("Protokoll") number their paragraphs', () => {
  it('in Swedish', () => {
    const doc = renderMinutes(protocolMinutes(), template('protokoll-sv'), protocolAttendance);
    expect(asText(doc)).toBe(
      [
        '# Protokoll',
        'Styrgruppen för regional samverkan',
        'Sammanträdesdatum: 2025-11-14',
        'Tid och plats: kl. 13:00–15:30, Regionens hus, sal Linnéa, och via Teams',
        'Beslutande/ledamöter: Anna Berg (ordförande), Peter Sjö, Eva Lundin, Nils Ahl, Sofia Wik',
        'Övriga närvarande: Lisa Tran',
        'Frånvarande: Mats Dahl (anmält förhinder)',
        'Ordförande: Anna Berg',
        'Sekreterare: Jonas Ek',
        'Utses att justera: Eva Lundin',
        '## § 45 Val av justerare',
        '<p>Eva Lundin utses att jämte ordföranden justera protokollet.</p>',
        '## § 46 Godkännande av dagordning',
        '## § 47 Gemensam plan för primärvården',
        'Beslut: Styrgruppen ställer sig bakom att avgränsa planen till primärvården.',
        'Uppdrag: Lisa Tran återkommer med tidplan (senast 2026-01-16)',
        '## § 48 Ekonomisk rapport',
        '## § 49 Nästa sammanträde',
        '## Nästa sammanträde',
        '2026-01-23 kl. 13:00',
        'Vid protokollet: Jonas Ek',
        'Justeras: Anna Berg, ordförande · Eva Lundin, justerare',
      ].join('\n'),
    );
    expect(doc.properties.title).toBe('Styrgruppen för regional samverkan, protokoll 2025-11-14');
  });

  it('in English', () => {
    const doc = renderMinutes({ ...protocolMinutes(), language: 'en' }, template('protokoll-en'), protocolAttendance);
    const text = asText(doc);
    expect(text).toMatch(/^# Formal minutes\nStyrgruppen för regional samverkan\nDate of meeting: 14 November 2025\nTime and place: 13:00–15:30, Regionens hus/);
    expect(text).toContain('## § 47 Gemensam plan för primärvården\nDecision: Styrgruppen ställer sig bakom');
    expect(text).toContain('Assignments: Lisa Tran återkommer med tidplan (due 16 January 2026)');
    expect(text).toContain('## Next meeting\n23 January 2026 13:00');
    expect(text).toMatch(/Minutes taken by: Jonas Ek\nApproved: Anna Berg, chair · Eva Lundin, adjuster$/);
  });
});

describe('an approved version reads as the minutes rendered with their approvals', () => {
  const approvals = [
    { name: 'Karin Ekström', role: 'chair' as const, at: '2026-12-03T13:02:00Z' },
    { name: 'Olof Berg', role: 'adjuster' as const, at: '2026-12-03T15:40:00Z' },
  ];
  it.each(['protokoll-sv', 'minnesanteckningar-sv', 'protokoll-en'])('in %s, header and closing section alike', (id) => {
    const minutes = id === 'protokoll-en' ? { ...protocolMinutes(), language: 'en' as const } : id.startsWith('protokoll') ? protocolMinutes() : notesMinutes();
    const attendance = id.startsWith('protokoll') ? protocolAttendance : notesAttendance;
    const sent = renderMinutes(minutes, template(id), attendance);
    const approved = approvedDocument(sent, template(id), minutes.meeting.timeZone, approvals);
    expect(approved).toEqual(renderMinutes(minutes, template(id), attendance, { approvals }));
    expect(asText(approved)).toContain('Karin Ekström');
    expect(approvedDocument(sent, template(id), minutes.meeting.timeZone, [])).toBe(sent);
  });
});

describe('the template decides what is shown and what it is called', () => {
  it('leaves out hidden header fields and sections, and uses renamed labels', () => {
    const own = customise(template('minnesanteckningar-sv'), { id: 'own', rename: { present: 'Närvarande', decisions: 'Vi beslutade' }, hide: ['place', 'guests', 'followUp', 'recordedBy'] });
    const doc = renderMinutes(notesMinutes(), own, notesAttendance);
    expect(doc.header.map((f) => f.label)).toEqual(['Datum', 'Tid', 'Närvarande', 'Ej närvarande', 'Sammanställande', 'Sekreterare']);
    // Without its own place field, the time says where too.
    expect(doc.header[1]!.value).toBe('kl. 08:00–09:00, Via Teams');
    expect(asText(doc)).toContain('Vi beslutade: Samordningsgruppen');
    expect(doc.sections.map((s) => s.kind)).toEqual(['agenda', 'actions', 'nextMeeting', 'approvedBy']);
  });

  it('lists the follow-up of earlier actions with their states', () => {
    const doc = renderMinutes(
      notesMinutes({
        followUp: [
          { id: 'f1', sourceActionId: 'a', sourceMeeting: 'e0', what: 'Boka lokal', owner: person('sara', 'Sara Lind'), due: '2025-09-30', state: 'done' },
          { id: 'f2', sourceActionId: 'b', sourceMeeting: 'e0', what: 'Ta fram kriterier', state: 'carried', comment: 'Tas upp i november.' },
        ],
      }),
      template('minnesanteckningar-sv'),
      notesAttendance,
    );
    expect(asText(doc)).toContain('## Uppföljning från föregående möte\n- Boka lokal (Sara Lind, senast 2025-09-30): Klar.\n- Ta fram kriterier: Fortsätter. Tas upp i november.');
  });

  it('leaves a line to sign for the chair and each adjuster, and names nobody it does not know', () => {
    const doc = renderMinutes(notesMinutes({ header: { adjusters: [person('eva', 'Eva Lundin')] } }), template('minnesanteckningar-sv'), { present: [], guests: [], excused: [], absent: [] });
    expect(doc.sections.find((s) => s.kind === 'approvedBy')).toEqual({ kind: 'approvedBy', label: 'Justerat av', signers: [{ name: 'Eva Lundin', role: 'justerare' }] });
    expect(doc.sections.find((s) => s.kind === 'recordedBy')).toEqual({ kind: 'recordedBy', label: 'Minnesanteckningar förda av', names: [] });
    expect(doc.header.find((f) => f.id === 'present')?.value).toBe('–');
    expect(doc.header.some((f) => f.id === 'secretary' || f.id === 'compiledBy')).toBe(false);
  });
});

describe('text from outside stays text', () => {
  it('keeps markup in titles and decisions as it was typed (the writers print it as text)', () => {
    const xss = '<img src=x onerror="window.__pwned=1">';
    const m = notesMinutes();
    m.agenda[0]!.title = xss;
    m.agenda[0]!.decisions = [{ id: 'x', text: `<script>window.__pwned=1</script>` }];
    const doc = renderMinutes(m, template('minnesanteckningar-sv'), notesAttendance);
    const item = doc.sections[0]!.kind === 'agenda' ? doc.sections[0]!.items[0]! : undefined;
    expect(item?.heading).toBe(xss);
    expect(item?.decisions).toEqual(['<script>window.__pwned=1</script>']);
  });

  it('gives a file name without path separators, reserved or bidi characters', () => {
    expect(safeFileName('2025-10-03 ../../etc/passwd: a*b?"<>|', 'docx')).toBe('2025-10-03 .. .. etc passwd a b.docx');
    expect(safeFileName('Protokoll \u202Eexe.fdp', 'docx')).toBe('Protokoll exe.fdp.docx');
    expect(safeFileName(' ... ', 'docx')).toBe('Minnesanteckningar.docx');
    expect(safeFileName('CON', 'docx', 'Minutes')).toBe('Minutes.docx');
    expect(Array.from(safeFileName('Å'.repeat(500), 'docx')).length).toBe(125);
  });

  it('survives a time zone Intl does not know and a meeting without subject or place', () => {
    const m = notesMinutes();
    const doc = renderMinutes({ ...m, meeting: { ...m.meeting, subject: '', place: '', timeZone: 'tzone://Microsoft/Custom' } }, template('minnesanteckningar-sv'), notesAttendance);
    expect(doc.title).toBe('minnesanteckningar 2025-10-03');
    expect(doc.header.find((f) => f.id === 'time')?.value).toBe('kl. 06:00–07:00');
    expect(doc.header.find((f) => f.id === 'place')?.value).toBe('–');
    expect(doc.fileName).toBe('2025-10-03.docx');
  });
});

describe('who was there, as the minutes print it', () => {
  const invitees: Invitee[] = [
    { person: { directoryId: 'karin', displayName: 'Karin Ekström', organisation: 'Region Örebro län' }, rsvp: 'organizer' },
    { person: { directoryId: 'ahmed', displayName: 'Ahmed Yilmaz' }, rsvp: 'accepted' },
    { person: { directoryId: 'olof', displayName: 'Olof Bergström' }, rsvp: 'none' },
    { person: { directoryId: 'maja', displayName: 'Maja Holm' }, rsvp: 'declined' },
  ];
  const prefilled = { attendance: attendanceFromRsvps(invitees, 'not-ended'), chairKey: 'id:olof' };

  it("lays the minutes' own marks and chair over the prefill", () => {
    const m = notesMinutes({ attendance: { marks: [{ key: 'id:olof', status: 'present' }] } });
    const att = minutesAttendance(prefilled, m);
    expect(att.present).toEqual([
      { name: 'Karin Ekström', organisation: 'Region Örebro län', role: 'chair' },
      { name: 'Ahmed Yilmaz', organisation: undefined, role: 'secretary' },
      { name: 'Olof Bergström', organisation: undefined, role: 'member' },
    ]);
    expect(att.excused.map((p) => p.name)).toEqual(['Maja Holm']);
    expect(att.absent).toEqual([]);
  });

  it("takes the prefill's chair when the minutes name none", () => {
    const m = notesMinutes({ header: { secretary: person('ahmed', 'Ahmed Yilmaz'), adjusters: [] } });
    const att = minutesAttendance(prefilled, m);
    expect(att.absent).toEqual([{ name: 'Olof Bergström', organisation: undefined, role: 'chair' }]);
  });
});
