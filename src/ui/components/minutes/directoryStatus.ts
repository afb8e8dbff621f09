// Who the minutes name that the directory no longer has (openMinutes' goneFromDirectory): given by
// the minutes section around the editor, read where a person is shown (PersonPicker), so an owner
// who has left the organisation is marked rather than shown as if nothing were wrong.

import { createContext, useContext } from 'react';

const NO_ONE: ReadonlySet<string> = new Set();

export const GoneFromDirectory = createContext<ReadonlySet<string>>(NO_ONE);

/** Whether the person with this key has left the directory (false while that is not known). */
export function useGoneFromDirectory(key: string | undefined): boolean {
  const gone = useContext(GoneFromDirectory);
  return key !== undefined && gone.has(key);
}
