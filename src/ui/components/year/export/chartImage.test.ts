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

  describe('on a canvas (a recording stand-in for the browser’s: the pixels are checked in Chromium)', () => {
    type Call = { op: string; args: unknown[]; fillStyle: string };
    let calls: Call[];
    beforeEach(() => {
      calls = [];
      class RecordingCanvas {
        constructor(
          public width: number,
          public height: number,
        ) {}
        getContext() {
          const ctx = {
            fillStyle: '',
            font: '',
            measureText: (t: string) => ({ width: t.length * 7 }),
          } as Record<string, unknown>;
          for (const op of ['scale', 'fillRect', 'fillText', 'beginPath', 'moveTo', 'lineTo', 'stroke'])
            ctx[op] = (...args: unknown[]) => calls.push({ op, args, fillStyle: String(ctx.fillStyle) });
          return ctx;
        }
        convertToBlob() {
          return Promise.resolve(new Blob([Uint8Array.from([0x89, 0x50, 0x4e, 0x47])], { type: 'image/png' }));
        }
      }
      (globalThis as Record<string, unknown>).OffscreenCanvas = RecordingCanvas;
    });
    afterEach(() => {
      delete (globalThis as Record<string, unknown>).OffscreenCanvas;
    });

    it('writes each label and its value at its bar’s end, bars in proportion to the meetings counted', async () => {
      const image = await chartPng(
        [
          { label: 'Region Östmark', value: 10 },
          { label: 'Ekby kommun', value: 5 },
          { label: 'Norrby kommun', value: 0 },
        ],
        { title: 'T', alt: 'A', of: 10 },
      );
      expect(image).toMatchObject({ title: 'T', alt: 'A', width: 600 });
      expect([...image.png]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      const texts = calls.filter((c) => c.op === 'fillText').map((c) => c.args[0]);
      expect(texts).toEqual(['Region Östmark', '10', 'Ekby kommun', '5', 'Norrby kommun', '0', '0', '10']);
      const bars = calls.filter((c) => c.op === 'fillRect' && c.fillStyle === '#1F4E79').map((c) => c.args[2] as number);
      expect(bars[1]! / bars[0]!).toBeCloseTo(0.5);
      expect(bars[2]).toBe(0);
      // Each value is written just past its bar's end.
      const [x0, , length0] = calls.find((c) => c.op === 'fillRect' && c.fillStyle === '#1F4E79')!.args as number[];
      expect(calls.find((c) => c.op === 'fillText' && c.args[0] === '10')!.args[1]).toBe(x0! + length0! + 6);
    });

    it('cuts a label too long for its column with an ellipsis (the full name is in the table and the text alternative)', async () => {
      await chartPng([{ label: 'Region Östmark hälso- och sjukvårdsförvaltningen, primärvårdsenheten Norra', value: 1 }], { title: 'T', alt: 'A' });
      const label = calls.find((c) => c.op === 'fillText')!.args[0] as string;
      expect(label.endsWith('…')).toBe(true);
      expect(label.length * 7).toBeLessThanOrEqual(600 * 0.42 + 7);
    });
  });
});
