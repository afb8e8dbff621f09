// The app package's manifest: valid against the bundled Teams schema (offline), and the references
// the schema cannot check (icons exist, tabs point at pages the build makes, ids agree).

import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

const dir = __dirname;
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

describe('the Teams app manifest', () => {
  it('is valid against its schema', async () => {
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
  });

  it('names icons that are in the package, at the sizes Teams requires', () => {
    for (const [file, size] of [
      [manifest.icons.color, 192],
      [manifest.icons.outline, 32],
    ] as const) {
      const png = readFileSync(join(dir, file));
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });

  it('points every tab at the page the build makes, on a valid domain', () => {
    const urls = [
      ...manifest.staticTabs.map((t: { contentUrl: string }) => t.contentUrl),
      ...manifest.configurableTabs.map((t: { configurationUrl: string }) => t.configurationUrl),
    ];
    for (const url of urls) {
      const u = new URL(url);
      expect(u.protocol).toBe('https:');
      expect(manifest.validDomains).toContain(u.hostname);
      expect(u.pathname).toBe('/tab.html');
    }
    expect(existsSync(join(dir, '..', 'src/ui/tab/tab.html'))).toBe(true);
  });

  it('offers the tab in the meeting side panel and meeting details, where the secretary works', () => {
    expect(manifest.configurableTabs[0].context).toEqual(expect.arrayContaining(['meetingSidePanel', 'meetingDetailsTab']));
  });
});
