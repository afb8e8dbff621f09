import {
  agendaFromLines,
  endsTheDay,
  isAgendaHeading,
  isBreak,
  isTeamsJoinLine,
  leadingTime,
  splitPresenter,
  teamsBlockStart,
  type InvitationLine,
} from './agenda';

const p = (text: string, depth = 0): InvitationLine => ({ text, kind: 'paragraph', depth });
const bold = (text: string): InvitationLine => ({ text, kind: 'paragraph', depth: 0, bold: true });
const h = (text: string): InvitationLine => ({ text, kind: 'heading', depth: 0 });
const li = (text: string, depth = 0, ordered = false): InvitationLine => ({ text, kind: 'list-item', depth, ordered });
const ol = (text: string, depth = 0) => li(text, depth, true);
const row = (...cells: string[]): InvitationLine => ({ text: cells.join(' '), kind: 'table-row', depth: 0, cells });
const blank = (): InvitationLine => p('');

const titles = (lines: InvitationLine[]) => agendaFromLines(lines).map((i) => i.title);

describe('where the agenda is', () => {
  it('the lines after "Dagordning" are the agenda, and the prose after it is not', () => {
    const lines = [
      p('Välkomna till samordningsgruppens möte.'),
      bold('Dagordning'),
      row('08.00', 'Inledning'),
      row('08.10', 'Ekonomi'),
      p('Underlag finns i kanalens filer.'),
    ];
    expect(titles(lines)).toEqual(['Inledning', 'Ekonomi']);
  });

  it.each(['Dagordning', 'Dagordning:', 'Agenda', 'Föredragningslista', 'Program', 'Förslag till dagordning', 'Preliminär agenda', 'Dagordning för mötet 3/10'])(
    'a line "%s" announces the agenda',
    (heading) => {
      expect(isAgendaHeading(heading)).toBe(true);
      expect(titles([p(heading), p('Val av justerare'), p('Övriga frågor')])).toEqual(['Val av justerare', 'Övriga frågor']);
    },
  );

  it('a sentence that mentions the agenda is not a heading', () => {
    expect(isAgendaHeading('Dagordningen skickas ut senare i veckan.')).toBe(false);
    expect(isAgendaHeading('Programområdet har möte')).toBe(false);
    expect(titles([p('Dagordningen skickas ut senare i veckan.'), p('Välkomna!')])).toEqual([]);
  });

  it('without a heading, the longest run of timed, numbered or bulleted lines is the agenda', () => {
    const lines = [
      p('Hej!'),
      li('Ta med dator'),
      li('Fika serveras'),
      p('Vi går igenom:'),
      p('1. Val av justerare'),
      p('2. Ekonomi'),
      p('3. Övriga frågor'),
      p('Hälsningar Karin'),
    ];
    expect(titles(lines)).toEqual(['Val av justerare', 'Ekonomi', 'Övriga frågor']);
  });

  it('a heading wins over a longer list elsewhere in the invitation', () => {
    const lines = [li('Parkering finns'), li('Lunch ingår'), li('Ta med dator'), bold('Agenda'), ol('Val'), ol('Ekonomi')];
    expect(titles(lines)).toEqual(['Val', 'Ekonomi']);
  });

  it('an ordinary welcome text gives no agenda', () => {
    const lines = [
      p('Hej alla,'),
      p('Välkomna till höstens första möte i samordningsgruppen. Vi ses i sal Linnéa kl. 13.00.'),
      p('Tid: fredag 3/10 kl. 08.00–09.00'),
      p('Hälsningar'),
      p('Karin'),
    ];
    expect(agendaFromLines(lines)).toEqual([]);
  });

  it('a single timed or numbered line is not an agenda', () => {
    expect(agendaFromLines([p('Hej!'), p('kl. 13.00–15.30 i Regionens hus'), p('Välkomna.')])).toEqual([]);
    expect(agendaFromLines([p('1. Anmäl dig senast fredag.')])).toEqual([]);
  });

  it('the meeting\'s details ("Tid:", "Plats:", "Deltagare:") are never items, even as a list', () => {
    expect(agendaFromLines([li('Tid: kl. 13.00–15.30'), li('Plats: sal Linnéa'), li('Deltagare: styrgruppen')])).toEqual([]);
    expect(titles([bold('Dagordning'), p('Plats: sal Linnéa'), p('1. Val'), p('2. Ekonomi'), p('Tid: 13.00')])).toEqual(['Val', 'Ekonomi']);
  });

  it('a heading followed only by prose gives no agenda', () => {
    expect(agendaFromLines([bold('Dagordning'), p('Dagordningen finns i kanalens filer.'), p('Välkomna till mötet i morgon.')])).toEqual([]);
  });

  it('no lines, no agenda', () => {
    expect(agendaFromLines([])).toEqual([]);
  });
});

describe('items', () => {
  it('a table with a time column gives one item per row, with its time', () => {
    const items = agendaFromLines([bold('Dagordning'), row('08.00', 'Inledning'), row('08.10', 'Länskonferensen 2026'), row('08.45', 'Ekonomi')]);
    expect(items).toEqual([
      { time: '08:00', title: 'Inledning', subPoints: [] },
      { time: '08:10', title: 'Länskonferensen 2026', subPoints: [] },
      { time: '08:45', title: 'Ekonomi', subPoints: [] },
    ]);
  });

  it('a table with a time column is an agenda even without a heading', () => {
    expect(titles([p('Välkomna!'), row('08.00', 'Inledning'), row('08.10', 'Ekonomi'), p('Hälsningar')])).toEqual(['Inledning', 'Ekonomi']);
  });

  it('a table header row ("Tid | Punkt | Föredragande") is not an item, and its presenter column names the presenter', () => {
    const items = agendaFromLines([
      bold('Program'),
      row('Tid', 'Punkt', 'Föredragande'),
      row('09.00', 'Välkommen', 'Anna Berg'),
      row('09.15', 'Ekonomi', 'Peter Sjö'),
    ]);
    expect(items).toEqual([
      { time: '09:00', title: 'Välkommen', presenter: 'Anna Berg', subPoints: [] },
      { time: '09:15', title: 'Ekonomi', presenter: 'Peter Sjö', subPoints: [] },
    ]);
  });

  it('under a heading, a table without times gives one item per row, and a heading row inside the table is the heading', () => {
    const items = agendaFromLines([row('Dagordning'), row('Inledning', 'Anna Berg'), row('Ekonomi', 'Peter Sjö'), row('Övriga frågor', '')]);
    expect(items).toEqual([
      { title: 'Inledning', presenter: 'Anna Berg', subPoints: [] },
      { title: 'Ekonomi', presenter: 'Peter Sjö', subPoints: [] },
      { title: 'Övriga frågor', subPoints: [] },
    ]);
    expect(agendaFromLines([row('Inledning', 'Anna Berg'), row('Ekonomi', 'Peter Sjö')])).toEqual([]);
  });

  it('a last table cell that is only a name is the presenter; other cells are sub-points', () => {
    const items = agendaFromLines([row('1', 'Ekonomi', 'Utfall och budget 2026', 'Karin E'), row('2', 'Övrigt', '')]);
    expect(items).toEqual([
      { title: 'Ekonomi', presenter: 'Karin E', subPoints: ['Utfall och budget 2026'] },
      { title: 'Övrigt', subPoints: [] },
    ]);
  });

  it('a table row whose time cell is empty continues the item above', () => {
    const items = agendaFromLines([row('08.00', 'Ekonomi'), row('', 'Budget 2026'), row('08.30', 'Övrigt')]);
    expect(items.map((i) => [i.title, i.subPoints])).toEqual([
      ['Ekonomi', ['Budget 2026']],
      ['Övrigt', []],
    ]);
  });

  it('extra lines inside a table cell are sub-points', () => {
    expect(agendaFromLines([row('08.00', 'Ekonomi\nBudget 2026\nUtfall'), row('08.30', 'Övrigt')])[0]).toEqual({
      time: '08:00',
      title: 'Ekonomi',
      subPoints: ['Budget 2026', 'Utfall'],
    });
  });

  it.each([
    ['08.00 Välkommen', '08:00'],
    ['8.00 Välkommen', '08:00'],
    ['9:15 Välkommen', '09:15'],
    ['kl. 9 Välkommen', '09:00'],
    ['Kl 13.30 Välkommen', '13:30'],
    ['kl.9.05: Välkommen', '09:05'],
  ])('a time is normalised to HH:MM: "%s" starts at %s', (text, time) => {
    expect(agendaFromLines([p('Agenda'), p(text)])).toEqual([{ time, title: 'Välkommen', subPoints: [] }]);
  });

  it('a time range keeps the start and the end', () => {
    expect(leadingTime('kl. 9.15–9.45 Fika')).toEqual({ time: '09:15', endTime: '09:45', rest: 'Fika' });
    expect(leadingTime('09:00 - 09:30: Inledning')).toEqual({ time: '09:00', endTime: '09:30', rest: 'Inledning' });
    expect(leadingTime('kl. 9–10 Workshop')).toEqual({ time: '09:00', endTime: '10:00', rest: 'Workshop' });
  });

  it('years, dates, amounts and impossible times are not times', () => {
    for (const text of ['2026 års budget', '3/10 Möte', '1.5 mnkr', '12.500 kr', '25.00 Sent', '10.75 Fel', '2025-10-03 Möte']) {
      expect(leadingTime(text)).toBeUndefined();
    }
  });

  it('numbered lines are items without their number: "1. …", "§ 3 …", "1) …", "(4) …"', () => {
    expect(titles([p('1. Val av justerare'), p('§ 3 Ekonomi'), p('4) Övriga frågor'), p('(5) Nästa möte')])).toEqual([
      'Val av justerare',
      'Ekonomi',
      'Övriga frågor',
      'Nästa möte',
    ]);
  });

  it('a numbered and timed line keeps its time: "1. 09.00 Välkommen"', () => {
    expect(agendaFromLines([p('1. 09.00 Välkommen'), p('2. 09.10 Ekonomi')])[0]).toEqual({ time: '09:00', title: 'Välkommen', subPoints: [] });
  });

  it('a bulleted list gives one item per list item', () => {
    expect(titles([bold('Dagordning'), li('Val av justerare'), li('Ekonomi'), li('Övrigt')])).toEqual(['Val av justerare', 'Ekonomi', 'Övrigt']);
  });

  it('a numbered list gives one item per list item, sub-lists are sub-points', () => {
    const items = agendaFromLines([ol('Val av justerare'), ol('Ekonomi'), li('Budget 2026', 1), li('Utfall', 1), ol('Övrigt')]);
    expect(items.map((i) => [i.title, i.subPoints])).toEqual([
      ['Val av justerare', []],
      ['Ekonomi', ['Budget 2026', 'Utfall']],
      ['Övrigt', []],
    ]);
  });

  it('under a heading, short unmarked lines are items until a sentence or a blank line', () => {
    expect(titles([bold('Dagordning'), p('Välkommen'), p('Ekonomi'), p('Övriga frågor'), p('Underlag finns i kanalens filer.')])).toEqual([
      'Välkommen',
      'Ekonomi',
      'Övriga frågor',
    ]);
    expect(titles([bold('Dagordning'), p('Välkommen'), p('Ekonomi'), blank(), p('Hälsningar'), p('Karin')])).toEqual(['Välkommen', 'Ekonomi']);
  });

  it('a short introduction between the heading and the first item is skipped', () => {
    expect(titles([bold('Dagordning'), p('(preliminär)'), p('1. Val av justerare'), p('2. Ekonomi')])).toEqual(['Val av justerare', 'Ekonomi']);
  });

  it('a time alone on its line starts the item on the next line', () => {
    const items = agendaFromLines([p('Program'), p('09.00'), p('Välkommen'), p('09.15–10.00'), p('Workshop')]);
    expect(items).toEqual([
      { time: '09:00', title: 'Välkommen', subPoints: [] },
      { time: '09:15', endTime: '10:00', title: 'Workshop', subPoints: [] },
    ]);
  });

  it('bold inside a line is just text: a bold numbered line is an item, a bold label between items is neither item nor sub-point', () => {
    const items = agendaFromLines([
      bold('Program'),
      bold('Förmiddag'),
      p('09.00 Välkommen'),
      { ...p('09.15 Ekonomi'), bold: true },
      bold('Eftermiddag'),
      p('13.00 Workshop'),
    ]);
    expect(items.map((i) => [i.title, i.subPoints])).toEqual([
      ['Välkommen', []],
      ['Ekonomi', []],
      ['Workshop', []],
    ]);
  });

  it('a heading element ends the agenda when no item follows it', () => {
    expect(titles([p('1. Val'), p('2. Ekonomi'), h('Praktisk information'), p('Parkering finns vid entrén.')])).toEqual(['Val', 'Ekonomi']);
  });

  it('titles are trimmed, whitespace collapsed, control characters dropped, and cut at 300 characters', () => {
    const [first, second] = agendaFromLines([p('1.   Val \t av\u00a0\u00a0justerare\u200b  :'), p(`2. ${'Lång rubrik '.repeat(40)}`)]);
    expect(first!.title).toBe('Val av justerare');
    expect(second!.title.length).toBeLessThanOrEqual(300);
    expect(second!.title.endsWith('…')).toBe(true);
  });

  it('a 10,000-character line is cut and still gives one bounded item', () => {
    const items = agendaFromLines([p('1. ' + 'x'.repeat(200_000)), p('2. Övrigt')]);
    expect(items).toHaveLength(2);
    expect(items[0]!.title.length).toBeLessThanOrEqual(300);
  });

  it('at most 100 items', () => {
    const lines = Array.from({ length: 150 }, (_, k) => p(`${k + 1}. Punkt ${k + 1}`));
    const items = agendaFromLines(lines);
    expect(items).toHaveLength(100);
    expect(items[99]!.title).toBe('Punkt 100');
  });
});

describe('presenters', () => {
  it('a name in parentheses at the end is the presenter', () => {
    expect(splitPresenter('Länskonferensen 2026 (Karin E)')).toEqual({ title: 'Länskonferensen 2026', presenter: 'Karin E' });
    expect(splitPresenter('Ekonomi (Karin)')).toEqual({ title: 'Ekonomi', presenter: 'Karin' });
    expect(splitPresenter('Plan (föredragande: Lisa Tran)')).toEqual({ title: 'Plan', presenter: 'Lisa Tran' });
  });

  it('a full name after a dash at the end is the presenter', () => {
    expect(splitPresenter('Länskonferensen – Karin Ekström')).toEqual({ title: 'Länskonferensen', presenter: 'Karin Ekström' });
    expect(splitPresenter('Ekonomi - Karin E')).toEqual({ title: 'Ekonomi', presenter: 'Karin E' });
  });

  it('several presenters are kept as written', () => {
    expect(splitPresenter('Färdplanen (Sara L, Karin E)').presenter).toBe('Sara L, Karin E');
    expect(splitPresenter('Färdplanen (Anna Berg och Peter Sjö)').presenter).toBe('Anna Berg och Peter Sjö');
  });

  it.each([
    'Uppföljning av färdplanen – hur mäter vi förflyttningar?',
    'Ekonomi – Budget',
    'Ekonomi (se bilaga)',
    'Ekonomi (Beslut)',
    'Ekonomi (ca 20 min)',
    'Ekonomi (KS)',
    '(Karin E)',
  ])('"%s" has no presenter: what is not clearly a name stays in the title', (text) => {
    expect(splitPresenter(text)).toEqual({ title: text });
  });
});

describe('sub-points', () => {
  it('deeper list items are sub-points of the item above', () => {
    const items = agendaFromLines([li('Ekonomi'), li('Budget', 1), li('Prognos', 2), li('Övrigt')]);
    expect(items.map((i) => [i.title, i.subPoints])).toEqual([
      ['Ekonomi', ['Budget', 'Prognos']],
      ['Övrigt', []],
    ]);
  });

  it('indented lines under an item are its sub-points', () => {
    const items = agendaFromLines([p('08.00 Ekonomi'), p('Utfall hittills', 1), p('Budget 2026', 1), p('08.30 Övrigt')]);
    expect(items[0]!.subPoints).toEqual(['Utfall hittills', 'Budget 2026']);
  });

  it('bullets under a numbered or timed line are its sub-points', () => {
    const items = agendaFromLines([p('1. Ekonomi'), li('Budget'), li('Utfall'), p('2. Övrigt')]);
    expect(items.map((i) => [i.title, i.subPoints])).toEqual([
      ['Ekonomi', ['Budget', 'Utfall']],
      ['Övrigt', []],
    ]);
  });

  it('"a)" and "1.1" lines are sub-points', () => {
    const items = agendaFromLines([p('1. Ekonomi'), p('a) Budget'), p('1.2 Utfall'), p('2. Övrigt')]);
    expect(items[0]!.subPoints).toEqual(['Budget', 'Utfall']);
  });

  it('a plain line between two items is a sub-point of the first; after the last item it ends the agenda', () => {
    const items = agendaFromLines([p('1. Ekonomi'), p('Budgeten presenteras av ekonomichefen.'), p('2. Övrigt'), p('Välkomna!')]);
    expect(items.map((i) => [i.title, i.subPoints])).toEqual([
      ['Ekonomi', ['Budgeten presenteras av ekonomichefen.']],
      ['Övrigt', []],
    ]);
  });
});

describe('the end of the day and breaks', () => {
  it('"Slut" ends the agenda and is not an item; its time is the last item\'s end', () => {
    const items = agendaFromLines([p('08.00 Inledning'), p('08.30 Övrigt'), p('09.00 Slut'), p('10.00 Nästa grupp börjar')]);
    expect(items).toEqual([
      { time: '08:00', title: 'Inledning', subPoints: [] },
      { time: '08:30', endTime: '09:00', title: 'Övrigt', subPoints: [] },
    ]);
  });

  it.each(['Slut', 'Mötet slutar', 'Mötet avslutas', 'Slut på mötet', 'End of meeting', 'End'])('"%s" only ends the day', (text) => {
    expect(endsTheDay(`15.00 ${text}`)).toBe(true);
    expect(titles([li('Inledning'), li('Ekonomi'), li(text)])).toEqual(['Inledning', 'Ekonomi']);
  });

  it('a closing activity ("Avslutning", "Mötets avslutande") takes a slot and is an item', () => {
    expect(endsTheDay('Avslutning')).toBe(false);
    expect(titles([p('1. Val av justerare'), p('2. Ekonomi'), p('3. Mötets avslutande')])).toEqual(['Val av justerare', 'Ekonomi', 'Mötets avslutande']);
    expect(titles([p('08.00 Inledning'), p('08.50 Avslutning'), p('09.00 Slut')])).toEqual(['Inledning', 'Avslutning']);
  });

  it('breaks ("Fika", "Lunch") are items with their slot, marked as breaks', () => {
    const items = agendaFromLines([p('09.00 Välkommen'), p('kl. 10.00–10.20 Fika'), p('10.20 Workshop'), p('12.00 Lunch')]);
    expect(items.filter((i) => i.isBreak).map((i) => [i.time, i.endTime, i.title])).toEqual([
      ['10:00', '10:20', 'Fika'],
      ['12:00', undefined, 'Lunch'],
    ]);
    expect(items.find((i) => i.title === 'Workshop')!.isBreak).toBeUndefined();
    expect(isBreak('Fika och mingel')).toBe(false);
  });
});

describe('the Teams join block', () => {
  it('nothing in the Teams join block is an item, nor anything after it', () => {
    const lines = [
      p('1. Val av justerare'),
      p('2. Ekonomi'),
      p('________________________________________________________________________________'),
      bold('Microsoft Teams-möte'),
      p('Delta i mötet nu'),
      p('Mötes-ID: 349 123 456'),
      p('Lösenord: x7Y9'),
      p('3. Punkt efter blocket'),
      p('4. Till'),
    ];
    expect(teamsBlockStart(lines)).toBe(2);
    expect(titles(lines)).toEqual(['Val av justerare', 'Ekonomi']);
  });

  it('a list after the Teams block is not an agenda', () => {
    expect(agendaFromLines([p('Välkomna!'), p('Microsoft Teams Need help?'), li('Join the meeting now'), li('Meeting ID: 1'), li('Passcode: 2')])).toEqual([]);
  });

  it.each([
    'Microsoft Teams',
    'Microsoft Teams-möte',
    'Microsoft Teams meeting',
    'Microsoft Teams Delta i mötet nu',
    'Microsoft Teams Behöver du hjälp?',
    'Delta i mötet nu',
    'Anslut till mötet nu',
    'Join the meeting now',
    'Klicka här för att ansluta till mötet',
    'Mötes-ID: 349 123 456',
    'Meeting ID: 349 123 456',
    'Lösenord: abc',
    'Lösenkod: abc',
    'Passcode: abc',
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0',
  ])('"%s" is a line of the Teams join block', (text) => {
    expect(isTeamsJoinLine(text)).toBe(true);
  });

  it('a sentence about Teams is not the join block, and a line of underscores alone is only a separator', () => {
    expect(isTeamsJoinLine('Microsoft Teams används för mötet, länk nedan.')).toBe(false);
    const lines = [p('Välkomna!'), p('__________'), p('1. Val'), p('2. Ekonomi')];
    expect(teamsBlockStart(lines)).toBe(lines.length);
    expect(titles(lines)).toEqual(['Val', 'Ekonomi']);
  });
});
