/**
 * @jest-environment jsdom
 */
// Adding a meeting held before the group used Justera, in English: the roster by organisation, each
// person absent until marked, a date in the future refused before anything is sent, the service's
// refusal shown beside the date with everything typed still there, and a saved meeting sent as marked.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { AttendanceOnlyInput, YearService } from '../../../app/yearService';
import { Problem } from '../../../domain/problems';
import { I18nProvider } from '../../i18n';
import { AddAttendanceOnlyForm } from './AddAttendanceOnlyForm';
import { roster } from './yearTestData';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement;

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = undefined;
});

function mount(addAttendanceOnly: YearService['addAttendanceOnly']) {
  const events = { saved: 0, cancelled: 0 };
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root!.render(
      <I18nProvider language="en">
        <AddAttendanceOnlyForm
          service={{ addAttendanceOnly, searchPeople: async () => [] }}
          data={{ groupName: 'Samordningsgrupp Nära vård', roster }}
          today="2026-12-02"
          onSaved={() => events.saved++}
          onCancel={() => events.cancelled++}
        />
      </I18nProvider>,
    ),
  );
  return events;
}

const field = (label: string) => {
  const l = [...container.querySelectorAll('label')].find((e) => e.textContent === label);
  if (!l) throw new Error(`No field "${label}"`);
  // The label is the field's own (its `for` names the input), the date picker's text field included: a click on it goes there.
  return document.getElementById(l.htmlFor) as HTMLInputElement;
};
const radio = (person: string, status: string) => {
  const group = [...container.querySelectorAll('[role="radiogroup"]')].find((g) => document.getElementById(g.getAttribute('aria-labelledby')!)?.textContent === person)!;
  return [...group.querySelectorAll('input[type="radio"]')].find((r) => r.parentElement?.textContent === status) as HTMLInputElement;
};
const save = () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Save the meeting')!;

function type(input: HTMLInputElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  act(() => {
    setter.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
  });
}

test('lists the roster by organisation, everyone absent until marked, and the subject is the group name', () => {
  mount(async () => {});
  const legends = [...container.querySelectorAll('fieldset legend')].map((l) => l.textContent);
  expect(legends).toEqual(['Region Norrland', 'Västby kommun', 'Östby sjukhus']);
  const vastby = [...container.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === 'Västby kommun')!;
  expect(vastby.textContent).toContain('Olle Berg');
  expect(vastby.textContent).toContain('Sara Lind');
  for (const name of ['Karin Ek', 'Sara Lind', 'Olle Berg', 'Lena Öst']) expect(radio(name, 'Absent').checked).toBe(true);
  expect(field('Subject').value).toBe('Samordningsgrupp Nära vård');
});

test('a date in the future is refused beside the date, and nothing is sent', async () => {
  const sent: AttendanceOnlyInput[] = [];
  mount(async (input) => void sent.push(input));
  type(field('Date'), '2026-12-24');
  await act(async () => save().click());
  expect(container.textContent).toContain('The date is in the future.');
  expect(sent).toEqual([]);
});

test("the service's refusal shows beside the date and keeps what was typed and marked", async () => {
  let calls = 0;
  const events = mount(async () => {
    calls++;
    throw new Problem('conflict', 'exists', { code: 'meeting-exists' });
  });
  type(field('Date'), '2026-02-13');
  type(field('Subject'), 'Extra möte');
  act(() => radio('Karin Ek', 'Present').click());
  act(() => radio('Lena Öst', 'Sent apologies').click());
  await act(async () => save().click());
  expect(calls).toBe(1);
  expect(events.saved).toBe(0);
  const dateField = field('Date').closest('.fui-Field')!;
  expect(dateField.textContent).toContain("The group's folder already holds a meeting with that subject on that day.");
  expect(field('Date').value).not.toBe('');
  expect(field('Subject').value).toBe('Extra möte');
  expect(radio('Karin Ek', 'Present').checked).toBe(true);
  expect(radio('Lena Öst', 'Sent apologies').checked).toBe(true);
  expect(container.querySelector('.fui-MessageBar')).toBeNull();
});

test('another failure is shown as a problem with a retry, and nothing typed is lost', async () => {
  let fail = true;
  const sent: AttendanceOnlyInput[] = [];
  const events = mount(async (input) => {
    if (fail) throw new Problem('offline', 'no network');
    sent.push(input);
  });
  type(field('Date'), '2026-02-13');
  act(() => radio('Sara Lind', 'Present').click());
  await act(async () => save().click());
  expect(container.querySelector('.fui-MessageBar[role="alert"]')?.textContent).toContain('Try again');
  expect(radio('Sara Lind', 'Present').checked).toBe(true);
  fail = false;
  await act(async () => [...container.querySelectorAll('button')].find((b) => b.textContent === 'Try again')!.click());
  expect(events.saved).toBe(1);
  expect(sent).toHaveLength(1);
  expect(sent[0]!.date).toBe('2026-02-13');
  expect(sent[0]!.subject).toBe('Samordningsgrupp Nära vård');
  expect(Object.fromEntries(sent[0]!.attendance.map((a) => [a.person.displayName, a.status]))).toEqual({
    'Karin Ek': 'absent',
    'Sara Lind': 'present',
    'Olle Berg': 'absent',
    'Lena Öst': 'absent',
  });
});
