/**
 * @jest-environment jsdom
 */
// The publishing panel as the secretary meets it, in English: what one press does, the step running,
// a refusal said as such (nothing to retry), a failure with "Publish again" and that it is safe, and
// afterwards what was created and whose task could not be assigned. The port records what it was
// asked; the integration and end-to-end tests publish for real.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { PublishResult, PublishStep } from '../../../app/publish';
import type { SignOffService } from '../../../app/services';
import { Problem } from '../../../domain/problems';
import type { Publication } from '../../../domain/minutes';
import { BUILT_IN_TEMPLATES } from '../../../domain/templates';
import { I18nProvider } from '../../i18n';
import { PublishPanel } from './PublishPanel';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const publication: Publication = {
  version: 'a'.repeat(64),
  publishedAt: '2026-12-02T09:30:00Z',
  publishedBy: { key: 'id:ahmed', displayName: 'Ahmed Yilmaz' },
  document: { id: 'd', name: '2026-11-27 Samordningsgrupp.docx', webUrl: 'https://x/d.docx' },
  message: { id: 'm', webUrl: 'https://teams/m' },
  bucket: { id: 'b', name: '2026-11-27 Samordningsgrupp' },
  tasks: [
    { actionId: 'a1', taskId: 't1', title: 'Send the papers', assigneeIds: ['olof'] },
    { actionId: 'a2', taskId: 't2', title: 'Book a room', assigneeIds: [], unassigned: 'guest' },
  ],
};

function port(outcome: (onStep: (s: PublishStep) => void) => Promise<PublishResult>) {
  const calls: unknown[] = [];
  const service: SignOffService = {
    warnings: async () => [],
    send: () => Promise.reject(new Error('not here')),
    watchAnswers: () => () => undefined,
    hasPlan: true,
    publish: (input, onStep) => {
      calls.push(input);
      return outcome(onStep);
    },
  };
  return { calls, service };
}

let root: Root;
let container: HTMLElement;
async function render(service: SignOffService, props: { approved: boolean; publication?: Publication }) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root.render(
      <I18nProvider language="en">
        <PublishPanel
          service={service}
          publisher={{ key: 'id:ahmed', displayName: 'Ahmed Yilmaz' }}
          template={BUILT_IN_TEMPLATES.find((t) => t.id === 'protokoll-en')!}
          meeting={{ key: 'm', start: '2026-11-27T07:00:00Z' }}
          when={(iso) => iso.slice(0, 16).replace('T', ' ')}
          actions={2}
          {...props}
        />
      </I18nProvider>,
    );
  });
}
const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent === name);
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('publishing, as the secretary sees it', () => {
  it('is offered only once approved, and says what one press does', async () => {
    const { service } = port(() => new Promise(() => undefined));
    await render(service, { approved: false });
    expect(container.textContent).toContain('The minutes can be published once everyone has approved them.');
    expect(button('Publish')).toBeUndefined();
    act(() => root.unmount());
    await render(service, { approved: true });
    expect(container.textContent).toContain('makes the actions (2) tasks');
    expect(button('Publish')).toBeDefined();
  });

  it('shows the step running, as the publisher and with the template and meeting', async () => {
    let step: (s: PublishStep) => void = () => undefined;
    const { calls, service } = port((onStep) => {
      step = onStep;
      return new Promise(() => undefined);
    });
    await render(service, { approved: true });
    await act(async () => button('Publish')!.click());
    await act(async () => step({ step: 'tasks', done: 3, of: 6 }));
    expect(container.querySelector('[role="status"]')?.textContent).toContain('Creating tasks in Planner (3 of 6)…');
    expect(button('Publish')!.disabled).toBe(true);
    expect(calls).toEqual([expect.objectContaining({ publisher: expect.objectContaining({ userId: 'ahmed' }), meeting: { key: 'm', start: '2026-11-27T07:00:00Z' } })]);
  });

  it('says why it would not start, and offers a failure to run again, safely', async () => {
    const refused = port(() => Promise.reject(new Problem('bad-data', 'changed', { code: 'changed' })));
    await render(refused.service, { approved: true });
    await act(async () => button('Publish')!.click());
    expect(container.textContent).toContain('The minutes changed after they were approved. Send them for approval again before publishing.');
    expect(container.textContent).not.toContain('Nothing already created is created again');
    act(() => root.unmount());

    const failed = port(() => Promise.reject(new Problem('server', 'boom', { status: 500 })));
    await render(failed.service, { approved: true });
    await act(async () => button('Publish')!.click());
    expect(button('Publish again')).toBeDefined();
    expect(container.textContent).toContain('Nothing already created is created again: publish again and the rest is done.');
  });

  it('afterwards lists what was created, with links, and whose task could not be assigned', async () => {
    const { service } = port(() => new Promise(() => undefined));
    await render(service, { approved: true, publication });
    expect(container.textContent).toContain('Published 2026-12-02 09:30 by');
    const links = [...container.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['The message in the channel', 'https://teams/m'],
      [expect.stringContaining('The Word file'), 'https://x/d.docx'],
    ]);
    expect(container.textContent).toContain('Book a room – guest account outside the group');
    expect(button('Publish')).toBeUndefined();
  });
});
