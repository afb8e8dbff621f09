// People as the minutes see them, and how two mentions of a person are recognised as the same one.
// Matching follows DESIGN.md: directory id first, then e-mail (case-insensitive), then display name
// (only for phone and anonymous participants, who have neither).

export interface Person {
  /** Entra ID object id, when the person is in the directory. */
  directoryId?: string;
  email?: string;
  displayName: string;
  /** What the minutes print after the name: company, municipality or region. */
  organisation?: string;
}

/** Lower-cased, trimmed e-mail address, or undefined for blanks. */
export function normaliseEmail(email: string | undefined | null): string | undefined {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : undefined;
}

/**
 * A display name reduced to what people mean by it: Unicode-normalised, case-folded, spacing
 * collapsed, and Teams' decorations such as "(Guest)", "(Extern)" or "(Unverified)" removed.
 */
export function normaliseName(name: string | undefined | null): string | undefined {
  if (!name) return undefined;
  const folded = name
    .normalize('NFC')
    .replace(/\((guest|gäst|extern|external|unverified|overifierad)\)/giu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLocaleLowerCase('sv');
  return folded || undefined;
}

/** The keys a person can be found by, strongest first. */
export function identityKeys(p: Pick<Person, 'directoryId' | 'email' | 'displayName'>): string[] {
  const keys: string[] = [];
  if (p.directoryId) keys.push(`id:${p.directoryId.toLowerCase()}`);
  const email = normaliseEmail(p.email);
  if (email) keys.push(`mail:${email}`);
  const name = normaliseName(p.displayName);
  if (name) keys.push(`name:${name}`);
  return keys;
}

/** The strongest key of a person: a stable identity for lists and remembered choices. */
export function personKey(p: Pick<Person, 'directoryId' | 'email' | 'displayName'>): string {
  return identityKeys(p)[0] ?? 'name:?';
}

/** Fills in what `extra` knows and `base` does not, never overwriting what `base` says. */
export function mergePerson(base: Person, extra: Partial<Person> | undefined): Person {
  if (!extra) return base;
  return {
    directoryId: base.directoryId ?? extra.directoryId,
    email: base.email ?? extra.email,
    displayName: base.displayName || extra.displayName || '',
    organisation: base.organisation ?? extra.organisation,
  };
}

/** The organisation for people the directory does not know: the e-mail domain, e.g. "norrvik.se". */
export function organisationFromEmail(email: string | undefined): string | undefined {
  const at = normaliseEmail(email)?.split('@')[1];
  return at || undefined;
}

/**
 * Whether two mentions are the same person: by directory id or e-mail when both have one, and by
 * name only when one of them has neither (two people may share a name; they never share an address).
 */
export function samePerson(a: Pick<Person, 'directoryId' | 'email' | 'displayName'>, b: Pick<Person, 'directoryId' | 'email' | 'displayName'>): boolean {
  const strongA = identityKeys(a).filter((k) => !k.startsWith('name:'));
  const strongB = identityKeys(b).filter((k) => !k.startsWith('name:'));
  if (strongA.length > 0 && strongB.length > 0) return strongA.some((k) => strongB.includes(k));
  const nameA = normaliseName(a.displayName);
  return nameA !== undefined && nameA === normaliseName(b.displayName);
}
