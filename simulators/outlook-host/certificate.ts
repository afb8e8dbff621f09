// A self-signed certificate for https://localhost, made once per start with Debian's openssl (no npm
// package for it is installed). office.js accepts a host only over https and with the add-in's own
// hostname, so the Outlook simulator and the pane both listen on https://localhost. Browsers are told to
// trust it per run (Playwright's ignoreHTTPSErrors; a person clicks through the warning once).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCALHOST = 'localhost';

export interface Certificate {
  key: string;
  cert: string;
}

export function makeLocalhostCertificate(): Certificate {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'justera-tls-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '7', '-subj', `/CN=${LOCALHOST}`, '-addext', `subjectAltName=DNS:${LOCALHOST},IP:127.0.0.1`, '-keyout', keyFile, '-out', certFile],
      { stdio: 'pipe' },
    );
    return { key: fs.readFileSync(keyFile, 'utf8'), cert: fs.readFileSync(certFile, 'utf8') };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`Could not make a certificate for https://${LOCALHOST} with openssl (apt-get install openssl): ${why}`, { cause: e });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
