/**
 * @jest-environment jsdom
 */
// The browser's page visibility as MinutesSync hears it: in sight, hidden, focused again, offline.

import { documentVisibility } from './pageVisibility';

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  document.dispatchEvent(new Event('visibilitychange'));
}

function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
  window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

afterEach(() => {
  setVisibility('visible');
  setOnline(true);
});

it('tells when the tab is hidden and shown again, and when it is focused', () => {
  const visibility = documentVisibility();
  const heard: boolean[] = [];
  const stop = visibility.subscribe((v) => heard.push(v));
  setVisibility('hidden');
  expect(visibility.isVisible()).toBe(false);
  setVisibility('visible');
  window.dispatchEvent(new Event('focus'));
  expect(heard).toEqual([false, true, true]);
  stop();
  setVisibility('hidden');
  expect(heard).toHaveLength(3);
});

it('counts an offline device as out of sight: nothing to ask the server then', () => {
  const visibility = documentVisibility();
  const heard: boolean[] = [];
  visibility.subscribe((v) => heard.push(v));
  setOnline(false);
  expect(visibility.isVisible()).toBe(false);
  setOnline(true);
  expect(heard).toEqual([false, true]);
});
