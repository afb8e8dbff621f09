/**
 * @jest-environment jsdom
 */
// Notes in a DOM: the plain box holds the notes until the rich text editor has loaded, and notes
// shown read-only are sanitized. (Lexical 0.52 ships only ES modules, which this jest setup does not
// load, so the rich editor itself is checked in Chromium.)

import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../i18n';
import { loadRichTextEditor, NotesEditor } from './NotesEditor';
import { loadSanitizer, NotesPreview } from './NotesPreview';
import { htmlToText, textToHtml } from './notesText';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function render(ui: React.ReactNode) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<I18nProvider language="sv">{ui}</I18nProvider>));
  return { container, root };
}

/** Types into a React-controlled field the way a browser does. */
function type(el: HTMLTextAreaElement | HTMLInputElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

const HOSTILE = '<p>Budget <b>2026</b><script>window.__ran = 1</script><img src=x onerror="window.__ran = 2"><a href="javascript:window.__ran=3">länk</a></p><style>p{display:none}</style>';

/** Lets the editor's chunk load (or fail to, as it does under jest) inside act. */
async function settleEditorChunk() {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  await act(async () => {
    await loadRichTextEditor().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
  });
  warn.mockRestore();
}

afterEach(() => {
  document.body.innerHTML = '';
  jest.useRealTimers();
});

describe('notes as plain text, for the box shown while the editor loads', () => {
  it('reads only the text of stored HTML, lists as lines', () => {
    expect(htmlToText(HOSTILE)).toBe('Budget 2026länk');
    expect(htmlToText('<p>Inledning</p><ul><li>ett</li><li>två</li></ul><ol><li>tre</li></ol>')).toBe('Inledning\n• ett\n• två\n1. tre');
    expect((window as { __ran?: number }).__ran).toBeUndefined();
  });

  it('writes typed text back as escaped paragraphs', () => {
    expect(textToHtml('<b>inte fet</b>\n\nrad två')).toBe('<p>&lt;b&gt;inte fet&lt;/b&gt;</p><p><br></p><p>rad två</p>');
    expect(textToHtml('  ')).toBe('');
  });
});

describe('the notes editor', () => {
  it('shows a plain box at once; what is typed there is kept', async () => {
    const onChange = jest.fn();
    const { container } = render(<NotesEditor html="<p>Ca 2,4 mnkr.</p>" label="Anteckningar: Ekonomi" onChange={onChange} />);
    const box = container.querySelector('textarea')!;
    expect(box.value).toBe('Ca 2,4 mnkr.');
    expect(container.textContent).toContain('Textredigeraren laddas');
    act(() => type(box, 'Ca 2,4 mnkr finns.'));
    expect(onChange).toHaveBeenLastCalledWith('<p>Ca 2,4 mnkr finns.</p>', '<p>Ca 2,4 mnkr.</p>');
    await settleEditorChunk();
  });


});

describe('notes shown read-only', () => {
  it('are sanitized: text and formatting stay, nothing runs', async () => {
    await loadSanitizer();
    const { container } = render(<NotesPreview html={HOSTILE} />);
    await act(async () => {
      await loadSanitizer();
    });
    expect(container.textContent).toContain('Budget 2026');
    expect(container.querySelector('b')?.textContent).toBe('2026');
    expect(container.querySelector('script, img, style, [onerror]')).toBeNull();
    expect(container.querySelector('a')?.getAttribute('href')).toBeNull();
    expect((window as { __ran?: number }).__ran).toBeUndefined();
  });
});
