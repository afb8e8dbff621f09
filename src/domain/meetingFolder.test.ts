import { isMeetingFolder, meetingFolderName, meetingKey } from './meetingFolder';

const meeting = { start: '2026-12-04T07:00:00Z', timeZone: 'Europe/Stockholm', subject: 'Samordningsgrupp Nära vård', iCalUId: '040000008200E00074C5B7101A82E00807EA0C04' };

describe("a meeting's folder in the channel", () => {
  it('is named by the date in the meeting\'s zone, the subject and a key of the iCalUId', () => {
    expect(meetingFolderName(meeting)).toBe(`2026-12-04 Samordningsgrupp Nära vård (${meetingKey(meeting.iCalUId)})`);
    expect(meetingFolderName({ ...meeting, start: '2026-12-04T23:30:00Z' })).toMatch(/^2026-12-05 /);
  });

  it('is found again when the subject changed', () => {
    expect(isMeetingFolder(meetingFolderName({ ...meeting, subject: 'Nytt namn' }), meeting.iCalUId)).toBe(true);
    expect(isMeetingFolder(meetingFolderName(meeting), `${meeting.iCalUId}X`)).toBe(false);
  });

  it('makes a hostile subject a safe name', () => {
    const name = meetingFolderName({ ...meeting, subject: '<script>a/b\\c:d*e?"f|g</script>\u202e..' });
    expect(name).not.toMatch(/[<>/\\:*?"|\u202e]/);
    expect(meetingFolderName({ ...meeting, subject: 'x'.repeat(500) }).length).toBeLessThan(90);
    expect(meetingFolderName({ ...meeting, subject: '   ' })).toBe(`2026-12-04 (${meetingKey(meeting.iCalUId)})`);
  });

  it('keys are short and stable', () => {
    expect(meetingKey('abc')).toBe(meetingKey('abc'));
    expect(meetingKey('abc')).not.toBe(meetingKey('abd'));
    expect(meetingKey('abc')).toHaveLength(7);
  });
});
