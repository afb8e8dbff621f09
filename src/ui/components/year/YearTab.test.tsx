/**
 * @jest-environment jsdom
 */
// The way into the year, in English: in the personal tab the groups with Justera are listed (name,
// team › channel) to pick one, whose year then opens with a way back; in a channel tab the year of the
// channel's group opens at once; a year service that cannot be made shows as a problem.

import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { MeetingGroup } from '../../../app/meetingGroup';
import type { Services } from '../../../app/services';
import { Problem } from '../../../domain/problems';
import { I18nProvider } from '../../i18n';
import { controlledService, yearData } from './yearTestData';
import YearTab from './YearTab';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement;
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = undefined;
});

const group = (name: string, teamName: string, channelName: string): MeetingGroup => ({ teamId: `t-${name}`, channelId: `c-${name}`, teamName, channelName, name });
const groups = [group('Samordningsgrupp Nära vård', 'Nära vård Norrland', 'Samordning'), group('Länsgruppen', 'Länets samverkan', 'Allmänt')];

/** Services with what the year tab uses: the groups, a year per group, and the clock. */
function services(over: { groupsWithJustera?: Services['groupsWithJustera']; year?: Services['year'] } = {}) {
  const asked: Parameters<Services['year']>[0][] = [];
  const controlled = controlledService();
  const s = {
    now: () => new Date('2026-12-02T09:00:00.000Z'),
    groupsWithJustera: over.groupsWithJustera ?? (async () => ({ groups, warnings: [new Problem('forbidden', 'one team')] })),
    year:
      over.year ??
      ((g: Parameters<Services['year']>[0]) => {
        asked.push(g);
        return controlled.service;
      }),
  } as Partial<Services> as Services;
  return { services: s, asked, reads: controlled.reads };
}

async function mount(props: Parameters<typeof YearTab>[0]) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () =>
    root!.render(
      <I18nProvider language="en">
        <YearTab {...props} />
      </I18nProvider>,
    ),
  );
}

const button = (name: string) => [...container.querySelectorAll('button')].find((b) => b.textContent?.includes(name))!;

test('the personal tab lists the groups to pick one, opens its year, and goes back to the list', async () => {
  const { services: s, asked, reads } = services();
  await mount({ services: s });
  expect(container.querySelector('h1')?.textContent).toBe('The year');
  const items = [...container.querySelectorAll('li')].map((li) => li.textContent);
  expect(items).toEqual(['Samordningsgrupp Nära vårdNära vård Norrland › Samordning', 'LänsgruppenLänets samverkan › Allmänt']);
  expect(container.textContent).toContain('Some teams could not be read (1)');

  await act(async () => button('Länsgruppen').click());
  expect(asked.map((g) => g.channelId)).toEqual(['c-Länsgruppen']);
  await act(async () => reads[0]!.resolve(yearData({ from: '2026-01-01', to: '2026-12-31' }, { groupName: 'Länsgruppen' })));
  expect(container.querySelector('h1')?.textContent).toBe('The year – Länsgruppen');

  act(() => button('All groups').click());
  expect(container.querySelectorAll('li')).toHaveLength(2);
});

test('the personal tab says so when there are no groups, and a failed search can be retried', async () => {
  let fail = true;
  const { services: s } = services({
    groupsWithJustera: async () => {
      if (fail) throw new Problem('offline', 'no network');
      return { groups: [], warnings: [] };
    },
  });
  await mount({ services: s });
  expect(container.querySelector('[role="alert"]')).not.toBeNull();
  fail = false;
  await act(async () => button('Try again').click());
  expect(container.textContent).toContain('You have no groups with Justera that you can read.');
});

test("a channel tab opens its group's year at once", async () => {
  const { services: s, asked, reads } = services();
  await mount({ services: s, group: { teamId: 'team-1', channelId: 'channel-1' } });
  expect(asked).toEqual([{ teamId: 'team-1', channelId: 'channel-1' }]);
  expect(reads).toHaveLength(1);
  expect(container.querySelectorAll('li')).toHaveLength(0);
});

test('a year that cannot be opened shows as a problem, not a broken page', async () => {
  const { services: s } = services({
    year: () => {
      throw new Error('The year view is being wired (issue 13)');
    },
  });
  await mount({ services: s, group: { teamId: 'team-1', channelId: 'channel-1' } });
  expect(container.querySelector('[role="alert"]')?.textContent).toContain('Something went wrong');
});
