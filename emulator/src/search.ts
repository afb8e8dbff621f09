/**
 * $search on directory objects, as Graph documents it ("Use $search on directory object
 * collections"): clauses "property:text" in double quotes (a quote or backslash inside escaped with a
 * backslash), joined by AND / OR (upper case, outside the quotes) and grouped with parentheses.
 * displayName is searched by tokens: words split at spaces, symbols, digits and lower-to-upper case
 * changes, each word of the search matching the start of some word of the value, in any order and
 * regardless of case. Every other property is a case-insensitive "startswith".
 */

import { badRequest } from './errors';

export type SearchNode =
  | { kind: 'clause'; property: string; text: string }
  | { kind: 'and' | 'or'; left: SearchNode; right: SearchNode };

type Lexeme = { t: 'quoted'; value: string } | { t: 'and' | 'or' | '(' | ')' };

const invalid = (detail: string) => badRequest(`Invalid $search: ${detail}`, 'Request_UnsupportedQuery');

function lex(raw: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')') {
      out.push({ t: c });
      i++;
    } else if (c === '"') {
      let value = '';
      i++;
      for (;;) {
        if (i >= raw.length) throw invalid('a clause has no closing double quote.');
        const d = raw[i] as string;
        if (d === '\\') {
          if (i + 1 >= raw.length) throw invalid('a backslash ends the search.');
          value += raw[i + 1];
          i += 2;
        } else if (d === '"') {
          i++;
          break;
        } else {
          value += d;
          i++;
        }
      }
      out.push({ t: 'quoted', value });
    } else {
      const word = /^[^\s()"]+/.exec(raw.slice(i))?.[0] ?? c;
      if (word === 'AND') out.push({ t: 'and' });
      else if (word === 'OR') out.push({ t: 'or' });
      else throw invalid(`'${word}' is outside double quotes; write clauses as "property:text" joined by AND or OR.`);
      i += word.length;
    }
  }
  return out;
}

export function parseSearch(raw: string): SearchNode {
  const lexemes = lex(raw);
  let at = 0;
  const peek = () => lexemes[at];
  const primary = (): SearchNode => {
    const l = lexemes[at++];
    if (!l) throw invalid('the search ends too early.');
    if (l.t === '(') {
      const inner = or();
      if (lexemes[at++]?.t !== ')') throw invalid('a parenthesis is not closed.');
      return inner;
    }
    if (l.t !== 'quoted') throw invalid(`unexpected ${l.t.toUpperCase()}.`);
    const colon = l.value.indexOf(':');
    if (colon <= 0) throw invalid(`the clause "${l.value}" names no property ("property:text").`);
    return { kind: 'clause', property: l.value.slice(0, colon), text: l.value.slice(colon + 1) };
  };
  const and = (): SearchNode => {
    let node = primary();
    while (peek()?.t === 'and') {
      at++;
      node = { kind: 'and', left: node, right: primary() };
    }
    return node;
  };
  const or = (): SearchNode => {
    let node = and();
    while (peek()?.t === 'or') {
      at++;
      node = { kind: 'or', left: node, right: and() };
    }
    return node;
  };
  if (lexemes.length === 0) throw invalid('the search is empty.');
  const node = or();
  if (at < lexemes.length) throw invalid('unexpected text after the search.');
  return node;
}

export function searchProperties(node: SearchNode): string[] {
  return node.kind === 'clause' ? [node.property] : [...searchProperties(node.left), ...searchProperties(node.right)];
}

/**
 * Graph's tokens of a text: "Anna-Karin Ekström" gives anna, -, karin, annakarin, ekström;
 * "HelloWorld" hello, world; "hello123world" hello, 123, world.
 */
export function searchTokens(text: string): string[] {
  const out: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = word.match(/[\p{L}\p{M}]+|\p{N}+|[^\p{L}\p{M}\p{N}]+/gu) ?? [];
    const words: string[] = [];
    let symbols = false;
    for (const part of parts) {
      if (/^[\p{L}\p{M}]/u.test(part)) {
        // Only a change from lower to upper case starts a new token (HELLOworld stays one).
        const pieces = part.split(/(?<=\p{Ll})(?=\p{Lu})/u);
        words.push(...pieces.map((p) => p.toLowerCase()));
      } else if (/^\p{N}/u.test(part)) {
        words.push(part);
      } else {
        out.push(part);
        symbols = true;
      }
    }
    out.push(...words);
    // Words separated only by symbols also make one token: hello.world finds helloworld.
    if (symbols && words.length > 1) out.push(words.join(''));
  }
  return out;
}

function matchesClause(value: unknown, property: string, text: string): boolean {
  if (typeof value !== 'string') return false;
  if (property.toLowerCase() === 'displayname' || property.toLowerCase() === 'description') {
    const have = searchTokens(value);
    const want = searchTokens(text);
    return want.length > 0 && want.every((w) => have.some((h) => h.startsWith(w)));
  }
  return value.toLowerCase().startsWith(text.toLowerCase());
}

/** Whether an object (a user's JSON) matches the search; property names are case-insensitive. */
export function matchesSearch(node: SearchNode, obj: Record<string, unknown>): boolean {
  if (node.kind !== 'clause') {
    return node.kind === 'and' ? matchesSearch(node.left, obj) && matchesSearch(node.right, obj) : matchesSearch(node.left, obj) || matchesSearch(node.right, obj);
  }
  const { property, text } = node;
  const key = Object.keys(obj).find((k) => k.toLowerCase() === property.toLowerCase());
  return key !== undefined && matchesClause(obj[key], property, text);
}
