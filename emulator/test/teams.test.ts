import type { RunningEmulator } from '../src/server';
import { call, scenarioInfo, SECRETARY, start, type Json } from './helpers';

let emu: RunningEmulator;
let info: Json;
beforeAll(async () => {
  emu = await start();
  info = await scenarioInfo(emu);
});
afterAll(() => emu.close());

describe('teams and chats', () => {
  test('joinedTeams, team, channels and a channel', async () => {
    const joined = await call(emu, SECRETARY, '/me/joinedTeams');
    expect(joined.body.value.map((t: Json) => t.displayName)).toEqual(['Nära vård']);
    const teamId = info.resolved.teamsContext.teamId;
    const team = await call(emu, SECRETARY, `/teams/${teamId}`);
    expect(team.body).toMatchObject({ id: teamId, displayName: 'Nära vård', tenantId: info.tenant.id });
    const channels = await call(emu, SECRETARY, `/teams/${teamId}/channels`);
    expect(channels.body.value.map((c: Json) => c.displayName)).toEqual(['General', 'Samordningsgrupp']);
    const channelId = info.resolved.teamsContext.channelId;
    const channel = await call(emu, SECRETARY, `/teams/${teamId}/channels/${encodeURIComponent(channelId)}`);
    expect(channel.body).toMatchObject({ id: channelId, displayName: 'Samordningsgrupp', membershipType: 'standard' });
    expect((await call(emu, 'nils.ahl@regionostmark.se', `/teams/${teamId}`)).status).toBe(403);
  });

  test('a meeting chat carries onlineMeetingInfo; non-members get 403', async () => {
    const { chatId, joinWebUrl, meetingEventId } = info.resolved.teamsContext;
    const chat = await call(emu, SECRETARY, `/chats/${encodeURIComponent(chatId)}`);
    expect(chat.status).toBe(200);
    expect(chat.body).toMatchObject({ id: chatId, chatType: 'meeting', topic: 'Samordningsgrupp Nära vård', onlineMeetingInfo: { joinWebUrl, calendarEventId: meetingEventId } });
    expect((await call(emu, 'nils.ahl@regionostmark.se', `/chats/${encodeURIComponent(chatId)}`)).status).toBe(403);
  });

  test('unknown routes and methods answer as Graph does', async () => {
    const seg = await call(emu, SECRETARY, '/me/nonsense');
    expect(seg.status).toBe(400);
    expect(seg.body.error.message).toBe("Resource not found for the segment 'nonsense'.");
    const method = await call(emu, SECRETARY, '/me', { method: 'DELETE' });
    expect(method.status).toBe(405);
  });
});
