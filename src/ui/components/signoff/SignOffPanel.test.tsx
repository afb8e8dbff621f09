/**
 * @jest-environment jsdom
 */
// What stops the secretary from sending, said in the dialog before anything is sent: no approvers,
// an approver outside the directory, both versions of a text still kept. The minutes editor runs as
// in the tab, with a sign-off port that records what it was asked (no Graph here; the integration
// and end-to-end tests send for real).

import { TextEncoder } from 'node:util';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { SignOffService } from '../../../app/services';
import type { Minutes } from '../../../domain/minutes';
import { sampleMinutes } from '../../../domain/minutesFixtures';
import { BUILT_IN_TEMPLATES } from '../../../domain/templates';
import { I18nProvider } from '../../i18n';
import { MinutesEditor } from '../minutes/MinutesEditor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
// jsdom has no TextEncoder, which the version's hash uses.
Object.assign(globalThis, { TextEncoder });

const karin = { key: 'id:karin', displayName: 'Karin Ekström', email: 'karin@x.se' };

function recordingPort() {
  const asked = { warnings: 0, sent: 0 };
  const service: SignOffService = {
    warnings: async () => {
      asked.warnings += 1;
      return [];
    },
    send: async () => {
      asked.sent += 1;
      throw new Error('not in this test');
    },
    watchAnswers: () => () => undefined,
    hasPlan: false,
    publish: () => Promise.reject(new Error('not here')),
  };
  return { asked, service };
}

async function openDialog(minutes: Minutes) {
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const container = document.createElement('div');
  document.body.append(container);
  const { asked, service } = recordingPort();
  const root = createRoot(container);
  await act(async () => {
    root.render(
      <I18nProvider language="sv">
        <MinutesEditor
          minutes={minutes}
          template={BUILT_IN_TEMPLATES.find((t) => t.id === 'minnesanteckningar-sv')!}
          status={{ kind: 'saved' }}
          people={[karin]}
          update={() => undefined}
          newId={() => 'x'}
          signOff={{ service, meeting: { key: 'm', start: minutes.meeting.start }, sentBy: { key: 'id:ahmed', displayName: 'Ahmed Yilmaz' } }}
        />
      </I18nProvider>,
    );
  });
  const send = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Skicka för justering')!;
  await act(async () => send.click());
  const dialog = document.body.querySelector('[role="dialog"]') as HTMLElement;
  const buttons = [...dialog.querySelectorAll('button')].map((b) => b.textContent);
  act(() => root.unmount());
  container.remove();
  return { text: dialog.textContent ?? '', buttons, asked };
}

afterEach(() => {
  document.body.innerHTML = '';
  jest.restoreAllMocks();
});

it('refuses minutes that name no chair and no adjuster, and says how to name them', async () => {
  const { text, buttons, asked } = await openDialog(sampleMinutes({ header: { adjusters: [] } }));
  expect(text).toContain('Protokollet namnger ingen ordförande eller justerare.');
  expect(buttons).not.toContain('Skicka');
  expect(asked).toEqual({ warnings: 0, sent: 0 });
});

it('refuses an approver the directory does not know, and one without an address, naming them', async () => {
  const guest = { key: 'mail:olle@ekby.se', displayName: 'Olle Rumsson', email: 'olle@ekby.se' };
  const noMail = { key: 'id:lars', displayName: 'Lars Öberg' };
  const { text, buttons } = await openDialog(sampleMinutes({ header: { chairKey: karin.key, adjusters: [guest, noMail] } }));
  expect(text).toContain('Finns inte i katalogen, så deras svar kan inte kontrolleras: Olle Rumsson. Utse en annan justerare.');
  expect(text).toContain('Saknar e-postadress: Lars Öberg. Utse en annan justerare.');
  expect(buttons).not.toContain('Skicka');
});

it('refuses minutes where both versions of a text are still kept', async () => {
  const { text, buttons } = await openDialog(sampleMinutes({ header: { chairKey: karin.key, adjusters: [] }, conflicts: [{ path: '/agenda/i1/title', ours: 'a', theirs: 'b' }] }));
  expect(text).toContain('Två versioner av någon text finns kvar (1). Välj vilken som gäller innan protokollet skickas.');
  expect(buttons).not.toContain('Skicka');
});

it('lists the approvers and asks who may not be able to answer, before sending anything', async () => {
  const { text, buttons, asked } = await openDialog(sampleMinutes({ header: { chairKey: karin.key, adjusters: [] } }));
  expect(text).toContain('Karin Ekström, ordförande');
  expect(buttons).toContain('Skicka');
  expect(asked).toEqual({ warnings: 1, sent: 0 });
});
