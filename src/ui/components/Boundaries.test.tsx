/**
 * @jest-environment jsdom
 */
// The error boundaries with the real React and react-error-boundary in a DOM: a render error shows a
// message with a way back, never a blank view, and the rest of the page stays.

import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../i18n';
import { ItemBoundary, SectionBoundary, SurfaceBoundary } from './Boundaries';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let fail = true;
function Odd({ label }: { label: string }) {
  if (fail) throw new RangeError(`Invalid time zone specified: ${label}`);
  return <span>{label}</span>;
}

function render(ui: React.ReactNode) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  act(() => root.render(<I18nProvider language="sv">{ui}</I18nProvider>));
  return container;
}

beforeEach(() => {
  fail = true;
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

it('a view that fails to render says so, with "try again" that renders it anew', () => {
  const view = render(
    <SurfaceBoundary>
      <Odd label="constructor" />
    </SurfaceBoundary>,
  );
  expect(view.querySelector('[role="alert"]')?.textContent).toContain('Den här vyn kunde inte visas');
  expect(view.textContent).toContain('RangeError: Invalid time zone specified: constructor');
  const buttons = [...view.querySelectorAll('button')].map((b) => b.textContent);
  expect(buttons).toEqual(['Försök igen', 'Ladda om fliken']);
  fail = false;
  act(() => view.querySelector('button')!.click());
  expect(view.textContent).toBe('constructor');
});

it('inside a meeting the view also offers the way back to "Mina möten"', () => {
  location.hash = 'meeting=abc';
  const view = render(
    <SurfaceBoundary>
      <Odd label="x" />
    </SurfaceBoundary>,
  );
  expect([...view.querySelectorAll('button')].map((b) => b.textContent)).toContain('Tillbaka till Mina möten');
  fail = false;
  act(() => [...view.querySelectorAll('button')].find((b) => b.textContent === 'Tillbaka till Mina möten')!.click());
  expect(location.hash).toBe('');
});

it('a section that fails leaves the rest of the page', () => {
  const view = render(
    <>
      <h1>Mötet</h1>
      <SectionBoundary>
        <Odd label="x" />
      </SectionBoundary>
      <p>Närvaro</p>
    </>,
  );
  expect(view.querySelector('h1')?.textContent).toBe('Mötet');
  expect(view.textContent).toContain('Den här delen av sidan kunde inte visas');
  expect(view.textContent).toContain('Närvaro');
});

it('one row that fails costs that row only', () => {
  const view = render(
    <ul>
      <ItemBoundary>
        <li>Anna Berg</li>
      </ItemBoundary>
      <ItemBoundary>
        <li>
          <Odd label="x" />
        </li>
      </ItemBoundary>
      <ItemBoundary>
        <li>Peter Sjö</li>
      </ItemBoundary>
    </ul>,
  );
  expect([...view.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Anna Berg', 'Den här raden kunde inte visas.', 'Peter Sjö']);
});
