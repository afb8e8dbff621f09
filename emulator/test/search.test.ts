import type { RunningEmulator } from '../src/server';
import { searchTokens } from '../src/search';
import { call, SECRETARY, start, type Json } from './helpers';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await start();
});
afterAll(() => emu.close());

const EVENTUAL = { headers: { ConsistencyLevel: 'eventual' } };
const search = (expr: string, extra = '') => `/users?$search=${encodeURIComponent(expr)}&$select=displayName,mail${extra}`;
const names = (body: Json) => body.value.map((u: Json) => u.displayName).sort();

describe('GET /users?$search (people picker)', () => {
  test('needs ConsistencyLevel: eventual, as Graph does', async () => {
    const r = await call(emu, SECRETARY, search('"displayName:karin"'));
    expect(r.status).toBe(400);
    expect(r.body.error).toEqual(expect.objectContaining({
      code: 'Request_UnsupportedQuery',
      message: "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
    }));
  });

  test('displayName matches by the start of its words, in any order, regardless of case', async () => {
    const find = async (text: string) => names((await call(emu, SECRETARY, search(`"displayName:${text}"`), EVENTUAL)).body);
    expect(await find('Ekst')).toEqual(['Karin Ekström']);
    expect(await find('karin ek')).toEqual(['Karin Ekström']);
    expect(await find('ek KAR')).toEqual(['Karin Ekström']);
    expect(await find('ström')).toEqual([]); // not "contains"
    expect(await find('l')).toEqual(['Daniel Lundgren', 'Lars Öberg', 'Lina Karlsson', 'Regionens hus, sal Linnéa', 'Sara Lind']);
    expect(await find('öb')).toEqual(['Lars Öberg']);
  });

  test('mail and userPrincipalName match by prefix; clauses combine with OR and AND; $top and $select', async () => {
    const r = await call(emu, SECRETARY, search('"displayName:sara" OR "mail:sara" OR "userPrincipalName:sara"', '&$top=5'), EVENTUAL);
    expect(r.body.value).toEqual([{ displayName: 'Sara Lind', mail: 'sara.lind@ekby.se' }]);
    const mail = await call(emu, SECRETARY, search('"mail:erik.sand"'), EVENTUAL);
    expect(names(mail.body)).toEqual(['Erik Sandberg']);
    const and = await call(emu, SECRETARY, search('"displayName:l" AND ("mail:lars" OR "mail:lina")'), EVENTUAL);
    expect(names(and.body)).toEqual(['Lars Öberg', 'Lina Karlsson']);
  });

  test('with $filter: rooms (disabled accounts) left out', async () => {
    const all = await call(emu, SECRETARY, search('"displayName:regionens"'), EVENTUAL);
    expect(names(all.body)).toEqual(['Regionens hus, rum 3.14', 'Regionens hus, sal Linnéa']);
    const people = await call(emu, SECRETARY, `${search('"displayName:regionens"')}&$filter=accountEnabled eq true`, EVENTUAL);
    expect(people.body.value).toEqual([]);
  });

  test('a quote or backslash inside a clause is escaped with a backslash; bad syntax is 400', async () => {
    const quoted = await call(emu, SECRETARY, search('"displayName:a\\"b\\\\c"'), EVENTUAL);
    expect(quoted.status).toBe(200);
    expect(quoted.body.value).toEqual([]);
    for (const bad of ['displayName:karin', '"displayName:karin', '"karin"', '"displayName:a" or "mail:b"', '"nope:x"', '"constructor:x"']) {
      const r = await call(emu, SECRETARY, search(bad), EVENTUAL);
      expect({ bad, status: r.status }).toEqual({ bad, status: 400 });
    }
  });

  test('tokens as Graph documents them', () => {
    expect(searchTokens('hello world')).toEqual(['hello', 'world']);
    expect(searchTokens('HelloWorld')).toEqual(['hello', 'world']);
    expect(searchTokens('HELLOworld')).toEqual(['helloworld']);
    expect(searchTokens('hello.world')).toEqual(expect.arrayContaining(['hello', '.', 'world', 'helloworld']));
    expect(searchTokens('hello123world')).toEqual(['hello', '123', 'world']);
    expect(searchTokens('Anna-Karin Öberg')).toEqual(expect.arrayContaining(['anna', 'karin', 'annakarin', 'öberg']));
  });
});
