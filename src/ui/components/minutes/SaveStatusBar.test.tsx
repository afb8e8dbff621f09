/**
 * @jest-environment jsdom
 */
// The save status as the secretary reads it, in Swedish and English: where the minutes are safe,
// the wait before the next try counting down, what to do when the channel refuses, and a device
// that cannot keep a copy. A polite live region that does not chatter every second.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { SaveStatus } from '../../../app/minutesSync';
import { Problem } from '../../../domain/problems';
import { I18nProvider, type Language } from '../../i18n';
import { SaveStatusBar } from './SaveStatusBar';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const roots: Root[] = [];
function render(status: SaveStatus, extra: { notKeptOnDevice?: boolean; onSaveNow?: () => void; language?: Language } = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  act(() => {
    const root = createRoot(container);
    roots.push(root);
    root.render(
      <I18nProvider language={extra.language ?? 'sv'}>
        <SaveStatusBar status={status} notKeptOnDevice={extra.notKeptOnDevice} onSaveNow={extra.onSaveNow} />
      </I18nProvider>,
    );
  });
  return container;
}

/** What a sighted person reads: the screen-reader copy of the countdown (a bare number, not aria-hidden) left out. */
const visible = (el: Element) => {
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('span:not([aria-hidden])').forEach((s) => /^\d+$/.test(s.textContent ?? '') && s.remove());
  return copy.textContent;
};

afterEach(() => {
  act(() => roots.splice(0).forEach((r) => r.unmount()));
  document.body.innerHTML = '';
  jest.useRealTimers();
});

it.each<[SaveStatus['kind'], string, string]>([
  ['saved', 'Sparat', 'Saved'],
  ['saving', 'Sparar…', 'Saving…'],
  ['pending', 'Ändringar väntar', 'Changes waiting'],
  ['merging', 'Någon annan sparade samtidigt – lägger ihop ändringarna…', 'Someone else saved at the same time – putting the changes together…'],
])('says %s in words, in a polite status region', (kind, sv, en) => {
  const bar = render({ kind } as SaveStatus);
  const region = bar.querySelector('[role="status"]')!;
  expect(region.getAttribute('aria-live')).toBe('polite');
  expect(region.textContent).toBe(sv);
  expect(render({ kind } as SaveStatus, { language: 'en' }).querySelector('[role="status"]')!.textContent).toBe(en);
});

it('offline: kept on this device, with the seconds to the next try counting down', () => {
  jest.useFakeTimers();
  const onSaveNow = jest.fn();
  const bar = render({ kind: 'offline', problem: new Problem('offline', 'Failed to fetch'), retryInMs: 8000 }, { onSaveNow });
  const region = bar.querySelector('[role="status"]')!;
  expect(visible(region)).toBe('Offline – sparat på den här enheten, försöker igen om 8 s');
  act(() => jest.advanceTimersByTime(3000));
  expect(visible(region)).toBe('Offline – sparat på den här enheten, försöker igen om 5 s');
  // A screen reader keeps the sentence as it was announced: no announcement every second.
  expect(region.querySelector('[aria-hidden="true"]')?.textContent).toBe('5');
  expect([...region.querySelectorAll('span')].filter((s) => !s.hasAttribute('aria-hidden')).map((s) => s.textContent)).toContain('8');
  act(() => bar.querySelector('button')!.click());
  expect(bar.querySelector('button')!.textContent).toBe('Försök nu');
  expect(onSaveNow).toHaveBeenCalledTimes(1);
});

it.each<[string, Problem, string, string]>([
  ['Microsoft 365 asks to wait (429)', new Problem('throttled', 'Too many requests', { status: 429, retryAfterMs: 30_000 }), 'Microsoft 365 ber oss vänta – sparat på den här enheten, försöker igen om 30 s', 'Microsoft 365 asks us to wait – saved on this device, trying again in 30 s'],
  ['the channel does not answer (503)', new Problem('server', 'Service unavailable', { status: 503 }), 'Kanalen svarar inte just nu – sparat på den här enheten, försöker igen om 30 s', 'The channel is not answering right now – saved on this device, trying again in 30 s'],
])('waiting because %s: says so in its own words, with the wait', (_, problem, sv, en) => {
  const status: SaveStatus = { kind: 'offline', problem, retryInMs: 30_000 };
  expect(visible(render(status).querySelector('[role="status"]')!)).toBe(sv);
  expect(visible(render(status, { language: 'en' }).querySelector('[role="status"]')!)).toBe(en);
});

it('failed: says why it could not be saved in the channel and what to do', () => {
  const bar = render({ kind: 'failed', problem: new Problem('forbidden', 'Access denied', { status: 403 }) }, { onSaveNow: () => undefined });
  const text = bar.querySelector('[role="status"]')!.textContent!;
  expect(text).toContain('Kunde inte sparas i kanalen: du saknar rätt att skriva i kanalens filer');
  expect(text).toContain('Be teamets ägare om rätt att redigera kanalens filer');
  expect(text).toContain('Allt du skrivit finns kvar på den här enheten.');
  expect(bar.querySelector('button')?.textContent).toBe('Försök igen');

  const expired = render({ kind: 'failed', problem: new Problem('signed-out', 'token expired', { status: 401 }) }, { language: 'en' });
  expect(expired.querySelector('[role="status"]')!.textContent).toContain('Could not be saved in the channel: your sign-in has expired');
  expect(expired.querySelector('[role="status"]')!.textContent).toContain('Sign in to Teams again');
});

it('warns when this device cannot keep a copy either', () => {
  const bar = render({ kind: 'pending' }, { notKeptOnDevice: true });
  expect(bar.querySelector('[role="status"]')!.textContent).toContain('Den här enheten kan inte spara en kopia');
});

it('offers "Spara nu" while changes wait, and nothing to press once saved', () => {
  const onSaveNow = jest.fn();
  expect(render({ kind: 'pending' }, { onSaveNow }).querySelector('button')?.textContent).toBe('Spara nu');
  expect(render({ kind: 'saved' }, { onSaveNow }).querySelector('button')).toBeNull();
});
