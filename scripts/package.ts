// `npm run package`: the app package to upload (Teams admin center for the tabs; Microsoft 365 admin
// center, Integrated apps, for the Outlook add-in): manifest.json, its two icons and the Swedish and
// English localization files, zipped at the root as Teams requires. The manifest in the repository
// names a placeholder host and application id; the package gets yours:
//
//   npm run package -- --host justera.region.se --app-id <Entra application id> [--out dist/justera.zip]
//
// or JUSTERA_HOST and JUSTERA_APP_ID in the environment. Every URL, domain, the Nested App
// Authentication redirect URI and the application id are replaced; nothing else changes.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

const MANIFEST_DIR = path.resolve(__dirname, '..', 'manifest');
/** What manifest/manifest.json names, to be replaced. */
export const PLACEHOLDER = { host: 'justera.example.se', appId: '6f1d3c2e-8a4b-4c6d-9e0f-1a2b3c4d5e6f' };

export interface PackageOptions {
  /** The host the static files are served from: "justera.region.se" (no scheme, no path). */
  host: string;
  /** The Entra application (client) id. */
  appId: string;
}

const HOST = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function checkOptions(options: PackageOptions): string[] {
  const problems: string[] = [];
  if (!HOST.test(options.host)) problems.push(`--host must be a host name such as justera.region.se (no https://, no path), not "${options.host}"`);
  if (!GUID.test(options.appId)) problems.push(`--app-id must be the Entra application id (a GUID in lower case), not "${options.appId}"`);
  return problems;
}

/** The manifest's text with the placeholder host and application id replaced. */
export function configuredManifest(text: string, options: PackageOptions): string {
  return text.split(PLACEHOLDER.host).join(options.host).split(PLACEHOLDER.appId).join(options.appId);
}

/** The files of the package, by their name in the zip. */
export function packageFiles(options: PackageOptions): Map<string, Buffer> {
  const manifestText = configuredManifest(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8'), options);
  const manifest = JSON.parse(manifestText) as { icons: { color: string; outline: string }; localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { file: string }[] } };
  const files = new Map<string, Buffer>([['manifest.json', Buffer.from(manifestText)]]);
  const named = [
    manifest.icons.color,
    manifest.icons.outline,
    ...(manifest.localizationInfo?.defaultLanguageFile ? [manifest.localizationInfo.defaultLanguageFile] : []),
    ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ];
  for (const name of named) {
    const text = readFileSync(path.join(MANIFEST_DIR, name));
    files.set(name, name.endsWith('.json') ? Buffer.from(configuredManifest(text.toString('utf8'), options)) : text);
  }
  return files;
}

export async function writePackage(options: PackageOptions, out: string): Promise<void> {
  const zip = new JSZip();
  for (const [name, bytes] of packageFiles(options)) zip.file(name, bytes, { date: new Date('2026-01-01T00:00:00Z') });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (require.main === module) {
  const options = {
    host: argument('host') ?? process.env.JUSTERA_HOST ?? PLACEHOLDER.host,
    appId: (argument('app-id') ?? process.env.JUSTERA_APP_ID ?? PLACEHOLDER.appId).toLowerCase(),
  };
  const out = path.resolve(argument('out') ?? 'dist/justera.zip');
  const problems = checkOptions(options);
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(2);
  }
  void writePackage(options, out).then(() => {
    const placeholder = options.host === PLACEHOLDER.host || options.appId === PLACEHOLDER.appId;
    console.log(`Wrote ${path.relative(process.cwd(), out)} for https://${options.host}/ (application ${options.appId}).`);
    if (placeholder) console.log('It still names the placeholder host or application id: give --host and --app-id (or JUSTERA_HOST, JUSTERA_APP_ID) for a real tenant.');
  });
}
