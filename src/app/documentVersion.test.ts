import { createHash } from 'node:crypto';
import { sampleMinutes } from '../domain/minutesFixtures';
import { renderMinutes, type DocumentAttendance } from '../domain/render';
import { canonicalJson } from '../domain/signOff';
import { BUILT_IN_TEMPLATES } from '../domain/templates';
import { documentVersion } from './documentVersion';

const template = BUILT_IN_TEMPLATES.find((t) => t.id === 'minnesanteckningar-sv')!;
const attendance: DocumentAttendance = { present: [{ name: 'Karin Ekström', role: 'chair' }], guests: [], excused: [], absent: [] };
const doc = (over = {}) => renderMinutes(sampleMinutes(over), template, attendance);

describe('the version of the minutes the chair reads', () => {
  it('is SHA-256 of the canonical document, in hex', async () => {
    const expected = createHash('sha256').update(canonicalJson(doc()), 'utf8').digest('hex');
    expect(await documentVersion(doc())).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the same for the same minutes, and changes with one word of them', async () => {
    expect(await documentVersion(doc())).toBe(await documentVersion(doc()));
    expect(await documentVersion(doc({ nextMeeting: { text: 'Fredag 18/12 kl. 08–09 via Teams' } }))).not.toBe(await documentVersion(doc()));
  });

  it('does not change when only the time of the last edit does', async () => {
    expect(await documentVersion(doc({ updatedAt: '2026-12-05T10:00:00.000Z' }))).toBe(await documentVersion(doc()));
  });
});
