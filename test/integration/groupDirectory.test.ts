// The group around the minutes: the team's members, people found by what someone types (an owner
// picker), and the group's Planner plans and buckets. The real Graph client and the graph port
// against the emulator over HTTP.

import type { RunningEmulator } from '../../emulator/src/server';
import { Problem } from '../../src/domain/problems';
import { teamMembers } from '../../src/graph/members';
import { searchClause, searchPeople } from '../../src/graph/people';
import { groupPlans, planBuckets } from '../../src/graph/planner';
import { emulatorWith, graphAs } from './harness';

const NOW = new Date('2026-11-23T09:00:00Z');
const SECRETARY = 'ahmed.yilmaz@regionostmark.se';
const OUTSIDER = 'nils.ahl@regionostmark.se';
const TEAM = '4c536162-c681-4515-a05c-293d7178a85d';

let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await emulatorWith('demo', NOW);
});
afterAll(() => emulator.close());

async function kindOf(p: Promise<unknown>): Promise<string | undefined> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Problem);
  return (e as Problem).kind;
}

describe('team members', () => {
  it('lists everyone in the team with their roles', async () => {
    const members = await graphAs(emulator, SECRETARY).all(teamMembers(TEAM));
    expect(members).toHaveLength(14);
    expect(members.find((m) => m.displayName === 'Karin Ekström')).toEqual({
      userId: 'a7ebf369-abe6-4ab5-98ee-ea8c3054427a',
      displayName: 'Karin Ekström',
      email: 'karin.ekstrom@regionostmark.se',
      roles: ['owner'],
    });
    expect(members.find((m) => m.displayName === 'Lars Öberg')?.roles).toEqual(['guest']);
    expect(members.find((m) => m.displayName === 'Olof Bergström')?.roles).toEqual([]);
  });

  it("someone outside the team gets 'forbidden'", async () => {
    expect(await kindOf(graphAs(emulator, OUTSIDER).all(teamMembers(TEAM)))).toBe('forbidden');
  });
});

describe('finding people for an owner picker', () => {
  it('by the start of words in the name, any order; by mail; guests included, rooms left out', async () => {
    const graph = graphAs(emulator, SECRETARY);
    expect((await graph.get(searchPeople('ek karin'))).map((p) => p.displayName)).toEqual(['Karin Ekström']);
    const sara = await graph.get(searchPeople('sara.lind'));
    expect(sara).toEqual([expect.objectContaining({ displayName: 'Sara Lind', email: 'sara.lind@ekby.se', organisation: 'Ekby kommun' })]);
    expect((await graph.get(searchPeople('Regionens'))).map((p) => p.displayName)).toEqual([]);
    expect((await graph.get(searchPeople('  LINA  '))).map((p) => p.displayName)).toEqual(['Lina Karlsson']);
  });

  it('quotes and backslashes in what is typed stay text', async () => {
    expect(searchClause('displayName', 'O"Brien \\ x')).toBe('"displayName:O\\"Brien \\\\ x"');
    expect(await graphAs(emulator, SECRETARY).get(searchPeople('O"Brien \\'))).toEqual([]);
    expect(await graphAs(emulator, SECRETARY).get(searchPeople("conor.o'brien & co"))).toEqual([]);
  });
});

describe("the group's Planner plan", () => {
  it('lists the plans and the buckets of one', async () => {
    const graph = graphAs(emulator, SECRETARY);
    const plans = await graph.all(groupPlans(TEAM));
    expect(plans).toEqual([{ id: expect.any(String), title: 'Samordningsgrupp Nära vård', eTag: expect.stringMatching(/^W\//) }]);
    const buckets = await graph.all(planBuckets(plans[0]!.id));
    expect(buckets.map((b) => b.name)).toEqual(['Fram till kommande möte', 'Pågående', 'Klart']);
    expect(buckets.every((b) => b.planId === plans[0]!.id && b.eTag)).toBe(true);
  });

  it("someone outside the group gets 'forbidden'", async () => {
    const plans = await graphAs(emulator, SECRETARY).all(groupPlans(TEAM));
    const outsider = graphAs(emulator, OUTSIDER);
    expect(await kindOf(outsider.all(groupPlans(TEAM)))).toBe('forbidden');
    expect(await kindOf(outsider.all(planBuckets(plans[0]!.id)))).toBe('forbidden');
  });
});
