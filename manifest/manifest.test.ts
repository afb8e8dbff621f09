// The app package's manifest (unified Microsoft 365 app manifest: Teams tabs and the Outlook add-in):
// valid against the bundled schemas (offline), and what the schema cannot check: every actionId
// names a runtime action, ids are unique, every URL points at the configured host, icons exist at
// their sizes, localization keys name real strings, the permissions the README lists are the ones
// in the manifest and the ones the app asks for, and the package carries the configured host.

import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { GRAPH_SCOPES } from '../src/auth/naaTokenProvider';
import { checkOptions, packageFiles, PLACEHOLDER, writePackage } from '../scripts/package';

const dir = __dirname;
const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const manifest = read('manifest.json');
const SCHEMAS = join(dir, '..', 'node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.30');
const HOST = `https://${PLACEHOLDER.host}`;

interface Control {
  id: string;
  actionId?: string;
  icons: { size: number; url: string }[];
}
const extension = manifest.extensions[0];
const groups = extension.ribbons.flatMap((r: { tabs: { groups: { id: string; icons: Control['icons']; controls: Control[] }[] }[] }) => r.tabs.flatMap((t) => t.groups));
const controls: Control[] = groups.flatMap((g: { controls: Control[] }) => g.controls);
const actions: { id: string }[] = extension.runtimes.flatMap((r: { actions: { id: string }[] }) => r.actions);

/** Every string in the manifest, with its path ("extensions[0].runtimes[0].code.page"). */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

describe('the app manifest', () => {
  it('is a v1.30 manifest, valid against its schema', async () => {
    expect(manifest.manifestVersion).toBe('1.30');
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
  });

  it('has Swedish strings with an English translation, each valid and naming a string the manifest has', () => {
    const schema = JSON.parse(readFileSync(join(SCHEMAS, 'MicrosoftTeams.Localization.schema.json'), 'utf8'));
    const paths = new Set(strings(manifest).map(([p]) => p));
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'sv-se', defaultLanguageFile: 'sv.json', additionalLanguages: [{ languageTag: 'en-us', file: 'en.json' }] });
    const sv = read('sv.json');
    const en = read('en.json');
    // The localization schema's patterns are not valid in ajv's Unicode mode (Microsoft's "\\b]"), so
    // each key is checked against the schema's own properties and patterns, and its length limit.
    const rules: [RegExp, number][] = [
      ...Object.entries(schema.properties as Record<string, { maxLength?: number }>).map(([k, v]): [RegExp, number] => [new RegExp(`^${k.replace(/[.$[\]]/g, '\\$&')}$`), v.maxLength ?? Infinity]),
      ...Object.entries(schema.patternProperties as Record<string, { maxLength?: number }>).map(([k, v]): [RegExp, number] => [new RegExp(k), v.maxLength ?? Infinity]),
    ];
    for (const file of [sv, en]) {
      for (const [key, value] of Object.entries(file).filter(([k]) => k !== '$schema')) {
        const rule = rules.find(([re]) => re.test(key));
        expect([key, rule !== undefined, typeof value === 'string' && value.length <= (rule?.[1] ?? 0)]).toEqual([key, true, true]);
        expect(paths).toContain(key);
      }
    }
    expect(Object.keys(en).sort()).toEqual(Object.keys(sv).sort());
    // The default language file says what the manifest says.
    for (const [key, value] of Object.entries(sv).filter(([k]) => k !== '$schema')) {
      expect([key, strings(manifest).find(([p]) => p === key)?.[1]]).toEqual([key, value]);
    }
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

  it('points the ribbon icons at files the app serves, at the sizes they name', () => {
    for (const icon of [...groups.flatMap((g: { icons: Control['icons'] }) => g.icons), ...controls.flatMap((c) => c.icons)]) {
      const file = new URL(icon.url).pathname.replace(/^\/icons\//, '');
      const png = readFileSync(join(dir, 'icons', file));
      expect([icon.url, png.readUInt32BE(16)]).toEqual([icon.url, icon.size]);
    }
  });

  it('points every URL at the configured host, over https', () => {
    const urls = strings(manifest).filter(([p, v]) => p !== '$schema' && /^[a-z][a-z0-9+.-]*:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(10);
    for (const [p, url] of urls) {
      if (p.includes('nestedAppAuthInfo')) expect(url).toBe(`brk-multihub://${PLACEHOLDER.host}`);
      else if (p === 'webApplicationInfo.resource') expect(url).toBe(`api://${PLACEHOLDER.host}/${manifest.id}`);
      else expect([p, new URL(url).origin]).toEqual([p, HOST]);
    }
    expect(manifest.validDomains).toEqual([PLACEHOLDER.host]);
  });

  it('points the tabs at the tab page and the add-in at the pane page the build makes', () => {
    for (const url of [...manifest.staticTabs.map((t: { contentUrl: string }) => t.contentUrl), ...manifest.configurableTabs.map((t: { configurationUrl: string }) => t.configurationUrl)]) {
      expect(new URL(url).pathname).toBe('/tab.html');
    }
    expect(existsSync(join(dir, '..', 'src/ui/tab/tab.html'))).toBe(true);
    expect(extension.runtimes.map((r: { code: { page: string } }) => new URL(r.code.page).pathname)).toEqual(['/pane.html']);
  });

  it('offers the tab where the secretary works, and the add-in where the chair reads', () => {
    expect(manifest.configurableTabs[0].context).toEqual(['channelTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel']);
    expect(extension.ribbons.flatMap((r: { contexts: string[] }) => r.contexts)).toEqual(['mailRead', 'meetingDetailsOrganizer', 'meetingDetailsAttendee']);
    // Internet headers (the approval mail's tag) need Mailbox 1.8.
    expect(extension.requirements.capabilities).toEqual([{ name: 'Mailbox', minVersion: '1.8' }]);
  });

  it('gives every button an action a runtime has, and every id once', () => {
    const actionIds = actions.map((a) => a.id);
    for (const control of controls) expect(actionIds).toContain(control.actionId);
    const ids = [...extension.runtimes.map((r: { id: string }) => r.id), ...actionIds, ...groups.map((g: { id: string }) => g.id), ...controls.map((c) => c.id)];
    expect(new Set(ids).size).toBe(ids.length);
    // No action that nothing opens.
    for (const id of actionIds) expect(controls.some((c) => c.actionId === id)).toBe(true);
  });
});

describe('the permissions', () => {
  /** The README's permissions table: name and kind of each row. */
  function readmePermissions(): { name: string; kind: string }[] {
    const readme = readFileSync(join(dir, '..', 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Permissions'));
    return [...table.matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)].map((m) => ({ name: m[1]!, kind: m[2]!.trim() }));
  }

  it('that the app asks Graph for are the manifest\'s nestedAppAuthInfo scopes, in the same order', () => {
    expect(manifest.webApplicationInfo.nestedAppAuthInfo).toEqual([{ redirectUri: `brk-multihub://${PLACEHOLDER.host}`, scopes: GRAPH_SCOPES }]);
  });

  it('the README lists are exactly the ones the manifest and the app use, each with why', () => {
    const listed = readmePermissions();
    expect(listed.filter((p) => p.kind === 'Graph, delegated').map((p) => p.name)).toEqual(GRAPH_SCOPES);
    const rsc = manifest.authorization.permissions.resourceSpecific.map((p: { name: string }) => p.name);
    expect(listed.filter((p) => p.kind !== 'Graph, delegated').map((p) => p.name)).toEqual(rsc);
    expect(manifest.authorization.permissions.resourceSpecific.every((p: { type: string }) => p.type === 'Delegated')).toBe(true);
  });
});

describe('the package', () => {
  const options = { host: 'justera.regionostmark.se', appId: '0d6a5d57-3f0e-4e8c-9a43-5d7bfe1b2a11' };

  it('holds the manifest, its icons and both languages, for the configured host and application', async () => {
    const files = packageFiles(options);
    expect([...files.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png', 'sv.json']);
    const configured = JSON.parse(files.get('manifest.json')!.toString('utf8'));
    const text = JSON.stringify(configured);
    expect(text).not.toContain(PLACEHOLDER.host);
    expect(text).not.toContain(PLACEHOLDER.appId);
    expect(configured.id).toBe(options.appId);
    expect(configured.extensions[0].runtimes[0].code.page).toBe('https://justera.regionostmark.se/pane.html');
    expect(configured.webApplicationInfo.nestedAppAuthInfo[0].redirectUri).toBe('brk-multihub://justera.regionostmark.se');
    expect(await AppManifestUtils.validateAgainstSchema(configured)).toEqual([]);
  });

  it('is a zip with the files at its root', async () => {
    const out = join(tmpdir(), `justera-${process.pid}.zip`);
    await writePackage(options, out);
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png', 'sv.json']);
    expect(JSON.parse(await zip.file('manifest.json')!.async('string')).validDomains).toEqual([options.host]);
  });

  it('refuses a host with a scheme or path, and an application id that is no GUID', () => {
    expect(checkOptions(options)).toEqual([]);
    expect(checkOptions({ host: 'https://justera.region.se/app', appId: 'justera' })).toHaveLength(2);
  });
});
