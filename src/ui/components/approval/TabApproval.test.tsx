import { sampleMinutes } from '../../../domain/minutesFixtures';
import type { SignOffRound } from '../../../domain/signOff';
import { answersInTab, currentRound } from './TabApproval';

const round = (version: string, ...approvers: string[]): SignOffRound => ({
  version,
  sentAt: '2026-12-04T09:00:00Z',
  sentBy: { key: 'id:ahmed', displayName: 'Ahmed Yilmaz' },
  approvers: approvers.map((id, i) => ({ key: `id:${id}`, displayName: id, role: i === 0 ? 'chair' : 'adjuster' })),
});

describe('who answers in the Teams tab', () => {
  const minutes = { ...sampleMinutes(), signOff: { rounds: [round('v1', 'karin'), round('v2', 'karin', 'sara')] } };

  test('the current round is the last one sent', () => {
    expect(currentRound(minutes)?.version).toBe('v2');
    expect(currentRound(sampleMinutes())).toBeUndefined();
  });

  test("an approver of the current round answers, compared by directory id whatever its case; someone else doesn't", () => {
    expect(answersInTab(minutes, currentRound(minutes), 'KARIN')).toBe(true);
    expect(answersInTab(minutes, currentRound(minutes), 'sara')).toBe(true);
    expect(answersInTab(minutes, currentRound(minutes), 'olof')).toBe(false);
    expect(answersInTab(minutes, undefined, 'karin')).toBe(false);
  });

  test('the secretary of the minutes never answers their own round, even when named in it', () => {
    expect(answersInTab(minutes, round('v3', 'ahmed'), 'ahmed')).toBe(false);
  });
});
