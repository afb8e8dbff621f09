// The secretary's tab follows the approvers' answers only while someone looks at it: every 20 s in
// sight, at once when shown or focused again, never while hidden; a throttled listing waits as long
// as Microsoft 365 asks. The clock is jest's; the page's visibility is set by hand.

import { Problem } from '../domain/problems';
import type { AnswerFile } from '../domain/signOff';
import { manualVisibility } from '../host/pageVisibility';
import { watchAnswers } from './signOffAnswers';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const file = (name: string): AnswerFile => ({ name, createdDateTime: '2026-12-03T13:02:00Z', content: {} });

/** Lets the listing's promise settle, then moves the clock. */
async function pass(ms: number) {
  await Promise.resolve();
  await jest.advanceTimersByTimeAsync(ms);
}

it('lists at once, every 20 s while in sight, not while hidden, and at once when shown again', async () => {
  const visibility = manualVisibility(true);
  let calls = 0;
  const seen: string[][] = [];
  const stop = watchAnswers(async () => [file(`svar-${(calls += 1)}.json`)], (f) => seen.push(f.map((x) => x.name)), () => undefined, { visibility });
  await pass(0);
  expect(calls).toBe(1);
  await pass(19_000);
  expect(calls).toBe(1);
  await pass(1_000);
  expect(calls).toBe(2);
  visibility.set(false);
  await pass(120_000);
  expect(calls).toBe(2);
  visibility.set(true);
  await pass(0);
  expect(calls).toBe(3);
  expect(seen).toEqual([['svar-1.json'], ['svar-2.json'], ['svar-3.json']]);
  stop();
  await pass(60_000);
  expect(calls).toBe(3);
});

it('after a throttled listing, says so and waits as long as Microsoft 365 asks', async () => {
  const visibility = manualVisibility(true);
  let calls = 0;
  const problems: string[] = [];
  const stop = watchAnswers(
    async () => {
      calls += 1;
      if (calls === 1) throw new Problem('throttled', 'Too many requests', { status: 429, retryAfterMs: 90_000 });
      return [];
    },
    () => undefined,
    (p) => problems.push(p.kind),
    { visibility },
  );
  await pass(0);
  expect(problems).toEqual(['throttled']);
  await pass(60_000);
  // Shown again meanwhile: still the wait asked for.
  visibility.set(false);
  visibility.set(true);
  await pass(0);
  expect(calls).toBe(1);
  await pass(90_000);
  expect(calls).toBe(2);
  stop();
});
