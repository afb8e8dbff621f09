import JSZip from 'jszip';
import mammoth from 'mammoth';
import { chartAlt } from './chartImage';
import { writeAppendixDocx, type AppendixInput } from './appendixDocx';
import { TINY_PNG, yearInput } from './yearFixture';

async function read(input: AppendixInput, language: 'sv' | 'en') {
  const blob = await writeAppendixDocx(input, language);
  const buffer = Buffer.from(await blob.arrayBuffer());
  const zip = await JSZip.loadAsync(buffer);
  const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return {
    buffer,
    zip,
    text: (await mammoth.extractRawText({ buffer })).value,
    html: (await mammoth.convertToHtml({ buffer })).value,
    document: await part('word/document.xml'),
    styles: await part('word/styles.xml'),
    core: await part('docProps/core.xml'),
  };
}

const headings = (html: string) => [...html.matchAll(/<(h[1-3])>(.*?)<\/h[1-3]>/g)].map((m) => `${m[1]} ${m[2]}`);
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

describe('the annual report appendix (.docx), in Swedish', () => {
  let doc: Awaited<ReturnType<typeof read>>;
  beforeAll(async () => {
    doc = await read(yearInput(), 'sv');
  });

  it('is a Word document in Swedish, titled with the group, with its parts as real headings', () => {
    expect(doc.styles).toContain('<w:lang w:val="sv-SE"');
    expect(doc.core).toContain('<dc:title>Bilaga till årsrapporten: Samordningsgrupp Nära vård</dc:title>');
    expect(headings(doc.html)).toEqual([
      'h1 Bilaga till årsrapporten: Samordningsgrupp Nära vård',
      'h2 Möten',
      'h2 Närvaro',
      'h3 Närvaro per organisation',
      'h3 Närvaro per län',
      'h3 Organisationer som aldrig var representerade',
      'h2 Beslutsregister',
      'h2 Uppdragsregister',
    ]);
    expect(doc.text).toContain('Period: 2026-01-01 – 2026-12-31');
  });

  it('every table has a header row that repeats on each page', () => {
    const tables = doc.document.match(/<w:tbl>/g) ?? [];
    const headerRows = doc.document.match(/<w:tblHeader\/>|<w:tblHeader w:val="(true|1|on)"\/>/g) ?? [];
    // Meetings, organisations, counties, decisions, actions.
    expect(tables).toHaveLength(5);
    expect(headerRows).toHaveLength(5);
    expect(doc.html.match(/<th>/g)?.length).toBeGreaterThanOrEqual(5);
  });

  it('lists the meetings with their state, and the unreadable one as not counted', () => {
    const text = lines(doc.text);
    const row = (date: string) => text.slice(text.indexOf(date), text.indexOf(date) + 3);
    expect(row('2026-01-16')).toEqual(['2026-01-16', 'Samordningsgrupp Nära vård', 'Endast närvaro (inget protokoll i Justera)']);
    expect(row('2026-03-06')).toEqual(['2026-03-06', 'Samordningsgrupp Nära vård', 'Skickat för justering']);
    expect(row('2026-09-04')).toEqual(['2026-09-04', 'Samordningsgrupp Nära vård', 'Publicerat']);
    expect(row('2026-10-02')).toEqual(['2026-10-02', 'Samordningsgrupp Nära vård', 'Räknas inte. Filen är skriven av en nyare version av Justera.']);
    expect(doc.text).toContain('Möten som räknas: 3.');
    expect(doc.text).toContain('Följande möten kunde inte läsas och räknas inte:');
    expect(doc.text).toContain('2026-10-02 Samordningsgrupp Nära vård (mappen 2026-10-02 Samordningsgrupp Nära vård (ccccccc)). Filen är skriven av en nyare version av Justera.');
  });

  it('says per organisation at how many of the meetings counted it was represented, and by whom', () => {
    const html = doc.html;
    expect(html).toContain('<tr><td><p>Region Östmark</p></td><td><p>Östmarks län</p></td><td><p>3 av 3</p></td><td><p>3 av 3</p></td><td><p>Karin Ek, ordinarie: 3</p></td></tr>');
    expect(html).toContain('<tr><td><p>Ekby kommun</p></td><td><p>Östmarks län</p></td><td><p>1 av 3</p></td><td><p>1 av 3</p></td><td><p>Olle Berg, ersättare: 1</p></td></tr>');
    expect(html).toContain('<tr><td><p>Norrby kommun</p></td><td><p>Norrlands län</p></td><td><p>0 av 3</p></td><td><p>0 av 3</p></td><td></td></tr>');
  });

  it('per county, with the organisations of each never represented, and those never represented named', () => {
    expect(doc.html).toContain('<tr><td><p>Norrlands län</p></td><td><p>1 av 3</p></td><td><p>Norrby kommun</p><p>Norrby sjukhus</p></td><td><p>Norrby kommun</p></td></tr>');
    const text = lines(doc.text);
    expect(text[text.indexOf('Organisationer som aldrig var representerade') + 1]).toBe('Norrby kommun');
  });

  it('holds the decisions register with date, meeting, § and item, and decision', () => {
    expect(doc.html).toContain('<tr><td><p>2026-03-06</p></td><td><p>Samordningsgrupp Nära vård</p></td><td><p>§ 6 Ekonomisk uppföljning</p></td><td><p>Underlaget från Östersund skickas till regionen.</p></td></tr>');
    // Informal minutes number no paragraphs: the item alone.
    expect(doc.html).toContain('<tr><td><p>2026-09-04</p></td><td><p>Samordningsgrupp Nära vård</p></td><td><p>Inledning</p></td><td><p>Dagordningen godkänns.</p></td></tr>');
  });

  it('holds the actions register: overdue said in words, completed on time or late', () => {
    const row = (what: string) => {
      const m = new RegExp(`<tr><td><p>${what}</p>.*?</tr>`).exec(doc.html);
      return [...(m?.[0] ?? '').matchAll(/<td>(.*?)<\/td>/g)].map((c) => c[1]!.replace(/<\/?(p|strong)>/g, ' ').replace(/\s+/g, ' ').trim());
    };
    expect(row('Sammanställ remissvaren')).toEqual(['Sammanställ remissvaren 2026-03-06 Samordningsgrupp Nära vård, § 6 Ekonomisk uppföljning', 'Sara Lind', '2026-04-01', 'Inte publicerad, öppen – försenad', '']);
    expect(row('Ta fram statistik')).toEqual(['Ta fram statistik 2026-09-04 Samordningsgrupp Nära vård, Ekonomisk uppföljning', 'Sara Lind', '2026-10-01', 'Inte påbörjad – försenad', '']);
    expect(row('Skicka budgeten')).toEqual(['Skicka budgeten 2026-09-04 Samordningsgrupp Nära vård, Ekonomisk uppföljning', 'Sara Lind', '2026-09-18', 'Klar', 'För sent']);
    expect(row('Boka lokal')).toEqual(['Boka lokal 2026-09-04 Samordningsgrupp Nära vård, Ekonomisk uppföljning', 'Sara Lind', '2026-09-18', 'Klar', 'I tid']);
    expect(row('Skicka underlaget')[3]).toBe('Inte publicerad, markerad klar vid ett senare möte');
    expect(row('Planera länskonferensen')[3]).toBe('Pågår');
  });

  it('has no charts part when no chart is given', () => {
    expect(doc.text).not.toContain('Diagram');
    expect(Object.keys(doc.zip.files).filter((f) => f.startsWith('word/media/'))).toEqual([]);
  });
});

describe('the appendix with a chart', () => {
  it('holds the image with its text alternative, and its title as caption under it', async () => {
    const input = yearInput();
    const data = input.attendance.organisations.map((o) => ({ label: o.organisation, value: o.meetings }));
    const alt = chartAlt('Möten där varje organisation var representerad', data, input.attendance.counted, 'sv');
    const doc = await read({ ...input, charts: [{ title: 'Möten där varje organisation var representerad', alt, png: TINY_PNG, width: 600, height: 200 }] }, 'sv');
    expect(doc.document).toContain(`descr="${alt}"`);
    expect(doc.document).toContain('title="Möten där varje organisation var representerad"');
    expect(Object.keys(doc.zip.files).filter((f) => f.startsWith('word/media/'))).toHaveLength(1);
    expect(headings(doc.html)).toContain('h3 Diagram');
    expect(doc.html).toContain(`alt="${alt}"`);
    const text = lines(doc.text);
    expect(text[text.indexOf('Diagram') + 1]).toBe('Figur 1. Möten där varje organisation var representerad');
    expect(doc.document).toContain('<w:pStyle w:val="Caption"/>');
  });

  it('scales a chart wider than the page down to the text width, keeping its proportions', async () => {
    const doc = await read({ ...yearInput(), charts: [{ title: 'T', alt: 'A', png: TINY_PNG, width: 1200, height: 400 }] }, 'en');
    // 600 × 200 CSS pixels at 9525 EMU each.
    expect(doc.document).toContain('<wp:extent cx="5715000" cy="1905000"/>');
  });
});

describe('the appendix in English', () => {
  it('is in English throughout, dates as English minutes print them', async () => {
    const doc = await read(yearInput(), 'en');
    expect(doc.styles).toContain('<w:lang w:val="en-GB"');
    expect(headings(doc.html)).toEqual([
      'h1 Appendix to the annual report: Samordningsgrupp Nära vård',
      'h2 Meetings',
      'h2 Attendance',
      'h3 Attendance per organisation',
      'h3 Attendance per county',
      'h3 Organisations never represented',
      'h2 Register of decisions',
      'h2 Register of actions',
    ]);
    expect(doc.text).toContain('Period: 1 January 2026 to 31 December 2026');
    expect(doc.html).toContain('<td><p>3 of 3</p></td>');
    expect(doc.html).toContain('<p>Karin Ek, member: 3</p>');
    expect(doc.html).toContain('<p>Olle Berg, substitute: 1</p>');
    expect(doc.text).toContain('Not published, open – overdue');
    expect(doc.text).toContain('Not counted. The file was written by a newer version of Justera.');
    expect(doc.text).not.toMatch(/Möten|Närvaro|försenad/);
  });
});

describe('a period with no meetings', () => {
  it('still opens, saying there were none rather than leaving empty tables', async () => {
    const empty = yearInput({ meetings: [], decisions: [], actions: [], attendance: { meetings: [], counted: 0, people: [], organisations: [], counties: [], neverRepresented: [] } });
    const doc = await read(empty, 'sv');
    expect(doc.text).toContain('Inga möten under perioden.');
    expect(doc.text).toContain('Inga beslut under perioden.');
    expect(doc.text).toContain('Inga uppdrag under perioden.');
    expect(doc.document).not.toContain('<w:tbl>');
  });
});

describe('text from outside', () => {
  it('a control character XML forbids in a group name or decision is dropped, and the file still opens', async () => {
    const input = yearInput();
    const doc = await read({ ...input, groupName: 'Grupp\u0007 A', decisions: input.decisions.map((d) => ({ ...d, text: `${d.text}\u0001` })) }, 'sv');
    expect(doc.text).toContain('Bilaga till årsrapporten: Grupp A');
    expect(doc.text).toContain('Underlaget från Östersund skickas till regionen.');
  });
});
