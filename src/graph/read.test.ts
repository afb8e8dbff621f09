import { odataString, optStr } from './read';

describe('reading text from Graph', () => {
  it.each(['', '   ', '\t\n\r', '\u200b\u200c\u200d\ufeff', '\u202e', '\u00a0\u2003\u3000'])('counts %j as missing: nothing a person could see', (value) => {
    expect(optStr(value)).toBeUndefined();
  });

  it.each(['Anna', ' Anna ', 'constructor', '\u202eexe.fdp', 'Z\u0300'])('keeps %j as it is', (value) => {
    expect(optStr(value)).toBe(value);
  });

  it('escapes quotes in OData string literals', () => {
    expect(odataString("' or 1 eq 1")).toBe("''' or 1 eq 1'");
  });
});
