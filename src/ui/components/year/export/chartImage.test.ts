import { chartAlt, chartPng } from './chartImage';
import { yearInput } from './yearFixture';

describe('a chart’s text alternative', () => {
  const data = [
    { label: 'Region Östmark', value: 11 },
    { label: 'Ekby kommun', value: 3 },
    { label: 'Norrby kommun', value: 0 },
    { label: 'Västby kommun', value: 0 },
  ];

  it('says each figure as a sentence, and names those never represented instead of "0 of 11"', () => {
    expect(chartAlt('Möten där varje organisation var representerad', data, 11, 'sv')).toBe(
      'Möten där varje organisation var representerad: Region Östmark var representerad vid 11 av 11 möten och Ekby kommun var representerad vid 3 av 11 möten. Aldrig representerade: Norrby kommun och Västby kommun.',
    );
    expect(chartAlt('Meetings at which each organisation was represented', data, 11, 'en')).toBe(
      'Meetings at which each organisation was represented: Region Östmark was represented at 11 of 11 meetings and Ekby kommun was represented at 3 of 11 meetings. Never represented: Norrby kommun and Västby kommun.',
    );
  });

  it('a county "var representerat" (neuter in Swedish), and one meeting is singular', () => {
    expect(chartAlt('Län', [{ label: 'Norrlands län', value: 1 }], 1, 'sv', 'counties')).toBe('Län: Norrlands län var representerat vid 1 av 1 möte.');
    expect(chartAlt('Counties', [{ label: 'Norrlands län', value: 1 }], 1, 'en', 'counties')).toBe('Counties: Norrlands län was represented at 1 of 1 meeting.');
  });

  it('when nobody was represented, only that; with no data, says so', () => {
    expect(chartAlt('T', [{ label: 'A', value: 0 }], 3, 'sv')).toBe('T. Aldrig representerade: A.');
    expect(chartAlt('T', [], 3, 'en')).toBe('T: no data.');
  });

  it('lists three or more as a language writes a list', () => {
    const three = [
      { label: 'A', value: 1 },
      { label: 'B', value: 2 },
      { label: 'C', value: 3 },
    ];
    expect(chartAlt('T', three, 3, 'sv')).toBe('T: A var representerad vid 1 av 3 möten, B var representerad vid 2 av 3 möten och C var representerad vid 3 av 3 möten.');
    expect(chartAlt('T', three, 3, 'en')).toBe('T: A was represented at 1 of 3 meetings, B was represented at 2 of 3 meetings and C was represented at 3 of 3 meetings.');
  });

  it('over the year’s figures from the domain: every organisation of the roster is in it', () => {
    const { attendance } = yearInput();
    const alt = chartAlt('T', attendance.organisations.map((o) => ({ label: o.organisation, value: o.meetings })), attendance.counted, 'sv');
    expect(alt).toContain('Region Östmark var representerad vid 3 av 3 möten');
    expect(alt).toContain('Västby kommun var representerad vid 2 av 3 möten');
    expect(alt).toMatch(/Aldrig representerade: Norrby kommun\.$/);
  });
});

describe('the chart image', () => {
  it('outside a browser (no canvas), fails with a message rather than writing an empty image', async () => {
    await expect(chartPng([{ label: 'A', value: 1 }], { title: 'T', alt: 'A' })).rejects.toThrow('No canvas to draw the chart on');
  });
});
