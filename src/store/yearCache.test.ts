import { expiredKeys, KEEP_DAYS, memoryYearCache } from './yearCache';

const now = new Date('2026-12-02T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

test(`a file kept more than ${KEEP_DAYS} days ago is forgotten; one kept since is not`, () => {
  const kept: [unknown, unknown][] = [
    ['a/minutes.json', { eTag: '"1"', text: '{}', keptAt: daysAgo(KEEP_DAYS - 1) }],
    ['b/minutes.json', { eTag: '"2"', text: '{}', keptAt: daysAgo(KEEP_DAYS + 1) }],
  ];
  expect(expiredKeys(kept, now)).toEqual(['b/minutes.json']);
});

test('what an earlier version kept without a date, or cannot be read as a kept file, is forgotten', () => {
  const kept: [unknown, unknown][] = [
    ['old', { eTag: '"1"', text: '{}' }],
    ['broken', { eTag: 1, text: '{}', keptAt: daysAgo(1) }],
    ['bad-date', { eTag: '"1"', text: '{}', keptAt: 'yesterday' }],
  ];
  expect(expiredKeys(kept, now)).toEqual(['old', 'broken', 'bad-date']);
});

test('the memory copy gives back what was put, by key', async () => {
  const cache = memoryYearCache();
  await cache.put('f/minutes.json', { eTag: '"3"', text: 'x' });
  expect(await cache.get('f/minutes.json')).toEqual({ eTag: '"3"', text: 'x' });
  expect(await cache.get('g/minutes.json')).toBeUndefined();
});
