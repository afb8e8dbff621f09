/**
 * A small OData $filter parser and evaluator: eq, ne, gt, ge, lt, le, in, and, or, not,
 * parentheses, startswith/endswith/contains, string literals with '' escaping, numbers,
 * true/false/null and bare date-times. Property paths use "/" (start/dateTime).
 * String comparisons are case-insensitive, as in Entra ID and Exchange.
 */

import { badRequest } from './errors';

export type FilterValue = string | number | boolean | null;

export type FilterNode =
  | { kind: 'cmp'; op: 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le'; path: string; value: FilterValue }
  | { kind: 'in'; path: string; values: FilterValue[] }
  | { kind: 'fn'; name: 'startswith' | 'endswith' | 'contains'; path: string; value: string }
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; expr: FilterNode };

type Token = { t: 'str'; v: string } | { t: 'word'; v: string } | { t: 'punct'; v: '(' | ')' | ',' };

const invalid = (detail: string): Error =>
  badRequest(`Invalid filter clause: ${detail}`, 'BadRequest');

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw invalid('unterminated string literal');
        const ch = src[i] as string;
        if (ch === "'") {
          if (src[i + 1] === "'") {
            v += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += ch;
        i++;
      }
      out.push({ t: 'str', v });
    } else if (c === '(' || c === ')' || c === ',') {
      out.push({ t: 'punct', v: c });
      i++;
    } else {
      let v = '';
      while (i < src.length && !/[\s(),']/.test(src[i] as string)) v += src[i++];
      out.push({ t: 'word', v });
    }
  }
  return out;
}

/** Parentheses and `not` deeper than this are refused (400), not recursed into until the stack runs out. */
const MAX_DEPTH = 100;

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw invalid('unexpected end of expression');
    return t;
  }

  private isWord(w: string): boolean {
    const t = this.peek();
    return t?.t === 'word' && t.v.toLowerCase() === w;
  }

  private expect(v: '(' | ')' | ','): void {
    const t = this.next();
    if (t.t !== 'punct' || t.v !== v) throw invalid(`expected '${v}'`);
  }

  parse(): FilterNode {
    const e = this.or();
    if (this.pos < this.tokens.length) throw invalid(`unexpected '${this.peek()?.v ?? ''}'`);
    return e;
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.isWord('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.unary();
    while (this.isWord('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.unary() };
    }
    return left;
  }

  private unary(): FilterNode {
    if (this.isWord('not')) {
      this.pos++;
      return { kind: 'not', expr: this.nested(() => this.unary()) };
    }
    const t = this.peek();
    if (t?.t === 'punct' && t.v === '(') {
      this.pos++;
      const e = this.nested(() => this.or());
      this.expect(')');
      return e;
    }
    return this.primary();
  }

  private nested(parse: () => FilterNode): FilterNode {
    if (++this.depth > MAX_DEPTH) throw invalid(`nested more than ${MAX_DEPTH} levels deep`);
    try {
      return parse();
    } finally {
      this.depth--;
    }
  }

  private literal(): FilterValue {
    const t = this.next();
    if (t.t === 'str') return t.v;
    if (t.t === 'word') {
      const w = t.v.toLowerCase();
      if (w === 'true') return true;
      if (w === 'false') return false;
      if (w === 'null') return null;
      if (/^-?\d+(\.\d+)?$/.test(t.v)) return Number(t.v);
      if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(t.v)) return t.v;
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(t.v)) return t.v;
    }
    throw invalid(`'${t.v}' is not a literal (strings need single quotes, a quote inside one is written '')`);
  }

  private primary(): FilterNode {
    const t = this.next();
    if (t.t !== 'word') throw invalid(`unexpected '${t.v}'`);
    const fn = t.v.toLowerCase();
    if ((fn === 'startswith' || fn === 'endswith' || fn === 'contains') && this.peek()?.v === '(') {
      this.expect('(');
      const p = this.next();
      if (p.t !== 'word') throw invalid(`${fn} needs a property first`);
      this.expect(',');
      const v = this.literal();
      this.expect(')');
      if (typeof v !== 'string') throw invalid(`${fn} needs a string`);
      return { kind: 'fn', name: fn, path: p.v, value: v };
    }
    const path = t.v;
    const op = this.next();
    if (op.t !== 'word') throw invalid(`expected an operator after ${path}`);
    const o = op.v.toLowerCase();
    if (o === 'in') {
      this.expect('(');
      const values: FilterValue[] = [this.literal()];
      while (this.peek()?.v === ',') {
        this.pos++;
        values.push(this.literal());
      }
      this.expect(')');
      return { kind: 'in', path, values };
    }
    if (o === 'eq' || o === 'ne' || o === 'gt' || o === 'ge' || o === 'lt' || o === 'le') {
      return { kind: 'cmp', op: o, path, value: this.literal() };
    }
    throw invalid(`unsupported operator '${op.v}'`);
  }
}

export function parseFilter(src: string): FilterNode {
  return new Parser(tokenize(src)).parse();
}

/** Property paths the filter names (for per-resource whitelists). */
export function filterPaths(n: FilterNode): string[] {
  switch (n.kind) {
    case 'and':
    case 'or':
      return [...filterPaths(n.left), ...filterPaths(n.right)];
    case 'not':
      return filterPaths(n.expr);
    default:
      return [n.path];
  }
}

/**
 * How many expressions the filter has in its OR-groups, counting each value of an `in`:
 * Entra ID limits this to 15 (see README).
 */
export function orExpressionCount(n: FilterNode): number {
  switch (n.kind) {
    case 'in':
      return n.values.length;
    case 'or':
      return orExpressionCount(n.left) + orExpressionCount(n.right);
    case 'and':
      return Math.max(orExpressionCount(n.left), orExpressionCount(n.right));
    case 'not':
      return orExpressionCount(n.expr);
    default:
      return 1;
  }
}

/** A property path's value: own properties only (never an inherited "constructor" or "__proto__"), names case-insensitive. */
export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('/')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const rec = cur as Record<string, unknown>;
    const key = Object.hasOwn(rec, seg) ? seg : Object.keys(rec).find((k) => k.toLowerCase() === seg.toLowerCase());
    cur = key === undefined ? undefined : rec[key];
  }
  return cur;
}

function norm(v: unknown): unknown {
  return typeof v === 'string' ? v.toLowerCase() : v;
}

function compare(a: unknown, b: FilterValue): number {
  const x = norm(a);
  const y = norm(b);
  if (x === y) return 0;
  if (x === undefined || x === null) return -1;
  if (y === null) return 1;
  return (x as string | number) < (y as string | number) ? -1 : 1;
}

export function evaluate(n: FilterNode, obj: unknown): boolean {
  switch (n.kind) {
    case 'and':
      return evaluate(n.left, obj) && evaluate(n.right, obj);
    case 'or':
      return evaluate(n.left, obj) || evaluate(n.right, obj);
    case 'not':
      return !evaluate(n.expr, obj);
    case 'in': {
      const v = norm(getPath(obj, n.path));
      return n.values.some((x) => norm(x) === v);
    }
    case 'fn': {
      const v = getPath(obj, n.path);
      if (typeof v !== 'string') return false;
      const s = v.toLowerCase();
      const w = n.value.toLowerCase();
      return n.name === 'startswith' ? s.startsWith(w) : n.name === 'endswith' ? s.endsWith(w) : s.includes(w);
    }
    case 'cmp': {
      const v = getPath(obj, n.path);
      const c = compare(v === undefined ? null : v, n.value);
      switch (n.op) {
        case 'eq':
          return c === 0;
        case 'ne':
          return c !== 0;
        case 'gt':
          return c > 0;
        case 'ge':
          return c >= 0;
        case 'lt':
          return c < 0;
        case 'le':
          return c <= 0;
      }
    }
  }
  return false;
}
