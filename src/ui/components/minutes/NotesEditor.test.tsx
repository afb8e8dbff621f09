/**
 * @jest-environment jsdom
 */
// Notes in a DOM: the plain box holds the notes until the rich text editor (Lexical) has loaded,
// the editor takes in only the formatting it knows, notes changed elsewhere reach an open editor,
// and notes shown read-only are sanitized. Typing and the toolbar are checked in Chromium.

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

// Lexical is compiled for jest on first load, which takes seconds on a fresh machine: once here.
// The editor still replaces the plain box only after a render, so the plain box is seen first.
beforeAll(() => loadRichTextEditor(), 60_000);

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

describe('the rich text editor', () => {
  async function richEditor(html: string) {
    const view = render(<NotesEditor html={html} label="Anteckningar: Ekonomi" onChange={jest.fn()} />);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await act(async () => {
      await loadRichTextEditor();
      await new Promise((r) => setTimeout(r, 0));
    });
    warn.mockRestore();
    const editable = view.container.querySelector<HTMLElement>('[contenteditable="true"]');
    if (!editable) throw new Error('the rich text editor did not replace the plain box');
    return { ...view, editable };
  }

  it('replaces the plain box, with a named toolbar', async () => {
    const { container, editable } = await richEditor('<p>Ca 2,4 mnkr.</p>');
    expect(container.querySelector('textarea')).toBeNull();
    expect(editable.getAttribute('role')).toBe('textbox');
    expect(editable.getAttribute('aria-label')).toBe('Anteckningar: Ekonomi');
    expect(container.querySelector('[role="toolbar"]')?.getAttribute('aria-label')).toBe('Formatering, Anteckningar: Ekonomi');
    expect([...container.querySelectorAll('[role="toolbar"] button')].map((b) => b.getAttribute('aria-label'))).toEqual(['Fetstil', 'Kursiv', 'Punktlista', 'Numrerad lista', 'Lägg till länk']);
  });

  it('takes in stored notes as text with bold, lists and safe links only; nothing runs', async () => {
    const { editable } = await richEditor(`${HOSTILE}<ul><li>ett</li></ul><p><a href="https://example.se/underlag">underlag</a></p>`);
    expect(editable.textContent).toBe('Budget 2026länkettunderlag');
    expect(editable.querySelector('strong')?.textContent).toBe('2026');
    expect(editable.querySelector('ul li')?.textContent).toBe('ett');
    expect(editable.querySelector('script, img, style, [onerror]')).toBeNull();
    // Lexical replaces an address it does not trust with about:blank; the link's text stays.
    expect([...editable.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['about:blank', 'https://example.se/underlag']);
    expect((window as { __ran?: number }).__ran).toBeUndefined();
  });

  it('shows notes that changed elsewhere (another writer, a merge) in the open editor', async () => {
    const { root, editable } = await richEditor('<p>Första versionen.</p>');
    await act(async () => {
      root.render(
        <I18nProvider language="sv">
          <NotesEditor html="<p>Efter sammanslagning: <b>båda</b> versionerna.</p>" label="Anteckningar: Ekonomi" onChange={jest.fn()} />
        </I18nProvider>,
      );
      await new Promise((r) => setTimeout(r, 0));
    });
    expect(editable.textContent).toBe('Efter sammanslagning: båda versionerna.');
    expect(editable.querySelector('strong')?.textContent).toBe('båda');
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
