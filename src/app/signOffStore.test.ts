import { addressOfMinutesId, answerFileName, isVersion, minutesIdOf, versionFileName } from './signOffStore';

const HASH = 'ab'.repeat(32);

describe('the tag and file names of sign-off', () => {
  it('names the meeting folder in one header value and reads it back', () => {
    const address = { driveId: 'b!Xy-z_1', folderId: '01ABCDEF' };
    expect(addressOfMinutesId(minutesIdOf(address))).toEqual(address);
  });

  it.each(['', 'b!x', 'a/b/c', '../x', 'a /b', '/x', 'x/'])('refuses a minutes id that names no folder: %j', (id) => {
    expect(addressOfMinutesId(id)).toBeUndefined();
  });

  it('takes only a SHA-256 in lower-case hex as a version', () => {
    expect(isVersion(HASH)).toBe(true);
    expect(isVersion(HASH.toUpperCase())).toBe(false);
    expect(isVersion(HASH.slice(1))).toBe(false);
    expect(isVersion(`${HASH.slice(1)}/`)).toBe(false);
  });

  it('names a version file by its full hash and an answer by its time, sortable and safe in SharePoint', () => {
    expect(versionFileName(HASH)).toBe(`version-${HASH}.json`);
    const name = answerFileName(HASH, new Date('2026-12-03T14:02:09.123Z'), '9f3c-2a*b/..');
    expect(name).toBe('svar-abababababab-2026-12-03T14-02-09Z-9f3c2ab.json');
    expect(name).not.toMatch(/["*:<>?/\\|#%]/);
  });
});
