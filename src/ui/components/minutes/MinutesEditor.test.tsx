/**
 * @jest-environment jsdom
 */
// The minutes editor in a DOM, driven as a person drives it: each click or keystroke calls `update`
// with one edit, and the edit does what the person meant to the minutes. Text from outside (titles,
// decisions) shows as text, and a change both sides made shows both versions until one is kept.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { mergeMinutes } from '../../../domain/merge';
import type { Minutes } from '../../../domain/minutes';
import { sampleMinutes } from '../../../domain/minutesFixtures';
import { setAgendaItemTitle, setDecisionText } from '../../../domain/minutesEdits';
import { BUILT_IN_TEMPLATES, type Template } from '../../../domain/templates';
import { I18nProvider } from '../../i18n';
import { MinutesEditor } from './MinutesEditor';
import { loadRichTextEditor } from './NotesEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const template = (id: string): Template => BUILT_IN_TEMPLATES.find((t) => t.id === id)!;
const people = [
  { key: 'id:sara', displayName: 'Sara Lind' },
  { key: 'id:olof', displayName: 'Olof Berg', organisation: 'Region Norr' },
];

/** The editor over minutes held the way MinutesSync holds them: each change applied at once, and recorded. */
async function mount(initial: Minutes, tpl = template('minnesanteckningar-sv')) {
  const container = document.createElement('div');
  document.body.append(container);
  let root!: Root;
  act(() => {
    root = createRoot(container);
  });
  const state = { minutes: initial, changes: [] as ((m: Minutes) => Minutes)[] };
  let n = 0;
  const draw = () =>
    root.render(
      <I18nProvider language="sv">
        <MinutesEditor
          minutes={state.minutes}
          template={tpl}
          status={{ kind: 'saved' }}
          people={people}
          update={(change) => {
            state.changes.push(change);
            state.minutes = change(state.minutes);
            draw();
          }}
          newId={() => `new-${++n}`}
        />
      </I18nProvider>,
    );
  act(draw);
  await settle();
  return { container, state };
}

/** Lets the notes editor's chunk settle before the test goes on, so every part is in its final state. */
async function settle() {
  await act(async () => {
    await loadRichTextEditor().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 0));
  });
}

/** Presses a button by its accessible name, then lets whatever it mounted settle. */
async function press(container: HTMLElement, name: string) {
  act(() => button(container, name).click());
  await settle();
}

const button = (container: HTMLElement, name: string) => {
  const found = [...container.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  if (!found) throw new Error(`no button named ${JSON.stringify(name)}: ${[...container.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent).join(' | ')}`);
  return found;
};

function type(el: HTMLTextAreaElement | HTMLInputElement, value: string) {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

// The notes editor's chunk (Lexical) is compiled for jest on first load, which takes seconds on a
// fresh machine: once here, not inside the first test's time.
beforeAll(() => loadRichTextEditor(), 60_000);

beforeEach(() => {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => {
  document.body.innerHTML = '';
  jest.restoreAllMocks();
});

describe('writing the minutes', () => {
  it('shows the template\'s sections in its order, with its words', async () => {
    const { container } = await mount(sampleMinutes());
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Dagordning', 'Uppföljning från föregående möte', 'Nästa möte']);
    expect([...container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Inledning', 'Ekonomisk uppföljning']);
    // The agenda list is named by its heading.
    const list = container.querySelector('ol')!;
    expect(document.getElementById(list.getAttribute('aria-labelledby')!)?.textContent).toBe('Dagordning');
  });

  it('numbers items "§ N" in formal minutes, continuing from the first paragraph', async () => {
    const { container } = await mount(sampleMinutes({ firstParagraph: 45 }), template('protokoll-sv'));
    expect([...container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['§ 45 Inledning', '§ 46 Ekonomisk uppföljning']);
    expect([...container.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(['Ärenden', 'Uppföljning av uppdrag', 'Nästa sammanträde']);
  });

  it('adding an item calls update with an edit that adds one empty item at the end, opened for its title', async () => {
    const { container, state } = await mount(sampleMinutes());
    await press(container, 'Lägg till punkt');
    expect(state.changes).toHaveLength(1);
    const after = state.changes[0]!(sampleMinutes());
    expect(after.agenda.map((i) => i.id)).toEqual(['i1', 'i2', 'new-1']);
    expect(after.agenda[2]).toMatchObject({ title: '', decisions: [], actions: [], notes: [] });
    // The new item opens with its title field focused.
    const title = document.activeElement as HTMLInputElement;
    expect(title.tagName).toBe('INPUT');
    act(() => type(title, 'Övriga frågor'));
    expect(state.minutes.agenda[2]!.title).toBe('Övriga frågor');
  });

  it('adding a decision calls update with an edit that adds it to that item only, and typing fills it in', async () => {
    const { container, state } = await mount(sampleMinutes());
    await press(container, 'Lägg till beslut i \u2068Ekonomisk uppföljning\u2069');
    expect(state.changes).toHaveLength(1);
    const after = state.changes[0]!(sampleMinutes());
    expect(after.agenda[1]!.decisions).toEqual([{ id: 'new-1', text: '' }]);
    expect(after.agenda[0]!.decisions).toEqual(sampleMinutes().agenda[0]!.decisions);
    const box = document.activeElement as HTMLTextAreaElement;
    expect(box.tagName).toBe('TEXTAREA');
    act(() => type(box, 'Budgeten fastställs.'));
    expect(state.minutes.agenda[1]!.decisions).toEqual([{ id: 'new-1', text: 'Budgeten fastställs.' }]);
  });

  it('adds an action with owner picked from the people and a due date in the past, marked as such', async () => {
    const { container, state } = await mount(sampleMinutes());
    await press(container, 'Lägg till uppdrag i \u2068Inledning\u2069');
    const action = container.querySelector('[role="group"][aria-label^="Uppdrag 1, "]')!;
    // The date picker reads what is typed in the page's locale (here Swedish, ISO) when it is left.
    const due = [...action.querySelectorAll('input')].find((i) => i.getAttribute('placeholder') === '2026-12-11')!;
    act(() => type(due, '2020-01-31'));
    act(() => {
      due.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    });
    expect(state.minutes.agenda[0]!.actions[0]).toEqual({ id: 'new-1', what: '', due: '2020-01-31' });
    expect(action.textContent).toContain('Datumet har redan passerat.');
  });

  it('removing an item can be undone', async () => {
    const { container, state } = await mount(sampleMinutes());
    await press(container, 'Ta bort punkten \u2068Inledning\u2069');
    expect(state.minutes.agenda.map((i) => i.id)).toEqual(['i2']);
    expect(container.textContent).toContain('Punkten \u2068Inledning\u2069 togs bort.');
    await press(container, 'Ångra');
    expect(state.minutes.agenda.map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(state.minutes.agenda[0]).toEqual(sampleMinutes().agenda[0]);
  });
});

describe('reordering the agenda by keyboard', () => {
  it('Alt+Arrow down moves the item, keeps the focus where it was and says where the item went', async () => {
    const { container, state } = await mount(sampleMinutes());
    const down = button(container, 'Flytta ned: \u2068Inledning\u2069');
    act(() => down.focus());
    act(() => {
      down.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    });
    expect(state.minutes.agenda.map((i) => i.id)).toEqual(['i2', 'i1']);
    expect([...container.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Ekonomisk uppföljning', 'Inledning']);
    expect(document.activeElement).toBe(down);
    expect([...container.querySelectorAll('[role="status"]')].map((s) => s.textContent)).toContain('\u2068Inledning\u2069 flyttad till plats 2 av 2.');
    // At the bottom now: moving further down does nothing; the button says it cannot.
    expect(down.getAttribute('aria-disabled')).toBe('true');
    act(() => {
      down.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', altKey: true, bubbles: true }));
    });
    expect(state.minutes.agenda.map((i) => i.id)).toEqual(['i2', 'i1']);
  });

  it('the "Flytta upp" button moves the item it names', async () => {
    const { container, state } = await mount(sampleMinutes());
    await press(container, 'Flytta upp: \u2068Ekonomisk uppföljning\u2069');
    expect(state.minutes.agenda.map((i) => i.id)).toEqual(['i2', 'i1']);
  });
});

describe('two versions of the same text', () => {
  const base = sampleMinutes();
  const ours = setDecisionText(base, 'i1', 'd1', 'Dagordningen godkänns med tillägg.');
  const theirs = setDecisionText(base, 'i1', 'd1', 'Dagordningen godkänns utan ändringar.');
  const merged = mergeMinutes(base, ours, theirs);

  it('shows both versions beside the decision, each with "Behåll denna"', async () => {
    const { container } = await mount(merged);
    const group = container.querySelector('[role="group"][aria-label^="Två versioner av Beslut 1"]')!;
    expect(group).not.toBeNull();
    expect(group.textContent).toContain('Dagordningen godkänns med tillägg.');
    expect(group.textContent).toContain('Dagordningen godkänns utan ändringar.');
    expect([...group.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Behåll denna', 'Behåll denna']);
    // It sits in the decision's row, beside its field.
    expect(group.closest('li')?.querySelector('textarea')?.value).toBe('Dagordningen godkänns med tillägg.');
  });

  it('keeping the other version calls update with that text and the conflict settled', async () => {
    const { container, state } = await mount(merged);
    await press(container, 'Behåll denna: den andra versionen av Beslut 1, \u2068Inledning\u2069');
    expect(state.changes).toHaveLength(1);
    const settled = state.changes[0]!(merged);
    expect(settled.agenda[0]!.decisions[0]!.text).toBe('Dagordningen godkänns utan ändringar.');
    expect(settled.conflicts).toEqual([]);
    expect(container.querySelector('[data-conflict]')).toBeNull();
  });

  it('a conflict about a part no field shows is listed at the top, never dropped', async () => {
    const m = { ...sampleMinutes(), conflicts: [{ path: '/header/chairKey', ours: 'id:karin', theirs: 'id:anna' }] };
    const { container } = await mount(m);
    expect(container.querySelector('h2')?.textContent).toBe('Fler ändringar som krockade');
    expect(container.textContent).toContain('id:anna');
  });

  it('a title changed on both sides shows both titles beside the item', async () => {
    const m = mergeMinutes(base, setAgendaItemTitle(base, 'i2', 'Ekonomi'), setAgendaItemTitle(base, 'i2', 'Budget 2026'));
    const { container } = await mount(m);
    const group = container.querySelector('[role="group"][aria-label="Två versioner av Rubrik"]')!;
    expect(group.closest('li')?.getAttribute('data-item-id')).toBe('i2');
    expect(group.textContent).toContain('Budget 2026');
  });
});

describe('text from outside is text', () => {
  const hostile = '<img src=x onerror="window.__ran=1"><script>window.__ran=2</script>\u202Eevil';

  it('titles and decisions with markup and a bidi override show as text, isolated, and nothing runs', async () => {
    const m = sampleMinutes();
    const withHostile: Minutes = {
      ...m,
      agenda: [{ ...m.agenda[0]!, title: hostile, presenter: hostile, decisions: [{ id: 'd1', text: hostile }] }, m.agenda[1]!],
      followUp: [{ id: 'f1', sourceActionId: 'a0', sourceMeeting: 'e0', what: hostile, owner: { key: 'x', displayName: hostile }, state: 'open' }],
    };
    const { container } = await mount(withHostile);
    expect(container.querySelector('img, script')).toBeNull();
    expect((window as { __ran?: number }).__ran).toBeUndefined();
    const heading = container.querySelector('h3')!;
    expect(heading.textContent).toBe(hostile);
    // Isolated: the override cannot turn our words around it.
    expect(heading.querySelector('bdi')?.textContent).toBe(hostile);
    const decision = container.querySelector('textarea[id]') as HTMLTextAreaElement;
    expect([...container.querySelectorAll('textarea')].map((t) => t.value)).toContain(hostile);
    expect(decision).not.toBeNull();
    // In labels it sits between isolates.
    expect(button(container, `Flytta ned: \u2068${hostile}\u2069`)).toBeTruthy();
    expect(container.textContent).toContain(`Ansvarig: ${hostile}`);
  });
});
