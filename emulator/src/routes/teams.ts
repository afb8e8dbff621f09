/**
 * Teams: GET /me/joinedTeams, /teams/{id}, /teams/{id}/channels, /teams/{id}/channels/{id},
 * /chats/{id} (meeting chats carry onlineMeetingInfo), /me/chats.
 */

import { GraphError } from '../errors';
import { ok, type GraphResult } from '../http';
import { uriComponent } from '../ids';
import { collectionBody, contextUrl, paginate } from '../odata';
import type { HandlerContext, Router } from '../router';
import type { Channel, Chat, State, Team } from '../state';
import { formatUtc } from '../timezones';
import { ownMailbox, userContext } from './common';

const forbidden = (): GraphError => new GraphError(403, 'Forbidden', 'Forbidden');

/** Teams' thread id for a team (also the id of its General channel). */
export function teamInternalId(team: Pick<Team, 'id'>): string {
  return `19:${team.id.replace(/-/g, '').toLowerCase()}@thread.tacv2`;
}

function teamJson(state: State, t: Team): Record<string, unknown> {
  const iid = teamInternalId(t);
  return {
    id: t.id,
    createdDateTime: formatUtc(t.createdDateTime),
    displayName: t.displayName,
    description: t.description,
    internalId: iid,
    classification: null,
    specialization: 'none',
    visibility: t.visibility,
    webUrl: `https://teams.microsoft.com/l/team/${uriComponent(iid)}/conversations?groupId=${t.id}&tenantId=${state.tenant.id}`,
    isArchived: false,
    tenantId: state.tenant.id,
    isMembershipLimitedToOwners: false,
    memberSettings: { allowCreateUpdateChannels: true, allowCreatePrivateChannels: true, allowDeleteChannels: true, allowAddRemoveApps: true, allowCreateUpdateRemoveTabs: true, allowCreateUpdateRemoveConnectors: true },
    guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false },
    messagingSettings: { allowUserEditMessages: true, allowUserDeleteMessages: true, allowOwnerDeleteMessages: true, allowTeamMentions: true, allowChannelMentions: true },
    funSettings: { allowGiphy: true, giphyContentRating: 'moderate', allowStickersAndMemes: true, allowCustomMemes: true },
    discoverySettings: { showInTeamsSearchAndSuggestions: false },
  };
}

function channelJson(state: State, t: Team, c: Channel): Record<string, unknown> {
  return {
    id: c.id,
    createdDateTime: formatUtc(c.createdDateTime),
    displayName: c.displayName,
    description: c.description,
    isFavoriteByDefault: null,
    email: '',
    webUrl: `https://teams.microsoft.com/l/channel/${uriComponent(c.id)}/${uriComponent(c.displayName)}?groupId=${t.id}&tenantId=${state.tenant.id}`,
    membershipType: 'standard',
    tenantId: state.tenant.id,
  };
}

function teamForMember(ctx: HandlerContext): Team {
  const t = ctx.state.teams.find((x) => x.id.toLowerCase() === (ctx.params.teamId ?? '').toLowerCase());
  if (!t) throw new GraphError(404, 'NotFound', `No team found with Group Id ${ctx.params.teamId ?? ''}`);
  if (!t.memberIds.has(ctx.req.caller.id)) throw forbidden();
  return t;
}

function joinedTeams(ctx: HandlerContext): GraphResult {
  const user = ownMailbox(ctx);
  const teams = ctx.state.teams.filter((t) => t.memberIds.has(user.id));
  return ok({
    '@odata.context': contextUrl(ctx.baseUrl, 'teams', null),
    '@odata.count': teams.length,
    value: teams.map((t) => ({ id: t.id, createdDateTime: null, displayName: t.displayName, description: t.description, internalId: null, classification: null, specialization: null, visibility: null, webUrl: null, isArchived: false, tenantId: ctx.state.tenant.id, isMembershipLimitedToOwners: null, memberSettings: null, guestSettings: null, messagingSettings: null, funSettings: null, discoverySettings: null, summary: null })),
  });
}

function getTeam(ctx: HandlerContext): GraphResult {
  const t = teamForMember(ctx);
  return ok({ '@odata.context': contextUrl(ctx.baseUrl, 'teams', null, true), ...teamJson(ctx.state, t) });
}

function listChannels(ctx: HandlerContext): GraphResult {
  const t = teamForMember(ctx);
  return ok({
    '@odata.context': contextUrl(ctx.baseUrl, `teams('${t.id}')/channels`, null),
    '@odata.count': t.channels.length,
    value: t.channels.map((c) => channelJson(ctx.state, t, c)),
  });
}

function getChannel(ctx: HandlerContext): GraphResult {
  const t = teamForMember(ctx);
  const c = t.channels.find((x) => x.id.toLowerCase() === (ctx.params.channelId ?? '').toLowerCase());
  if (!c) throw new GraphError(404, 'NotFound', 'Channel not found');
  return ok({ '@odata.context': contextUrl(ctx.baseUrl, `teams('${t.id}')/channels`, null, true), ...channelJson(ctx.state, t, c) });
}

function chatJson(state: State, chat: Chat): Record<string, unknown> {
  const om = chat.onlineMeetingId ? state.onlineMeetings.find((m) => m.id === chat.onlineMeetingId) : undefined;
  return {
    id: chat.id,
    topic: chat.topic,
    createdDateTime: formatUtc(chat.createdDateTime),
    lastUpdatedDateTime: formatUtc(chat.lastUpdatedDateTime),
    chatType: chat.chatType,
    webUrl: `https://teams.microsoft.com/l/chat/${uriComponent(chat.id)}/0?tenantId=${state.tenant.id}`,
    tenantId: state.tenant.id,
    onlineMeetingInfo: om
      ? {
          calendarEventId: om.eventId,
          joinWebUrl: om.joinWebUrl,
          organizer: { id: om.organizerId, displayName: null, userIdentityType: 'aadUser', tenantId: state.tenant.id },
        }
      : null,
    viewpoint: { isHidden: false, lastMessageReadDateTime: formatUtc(chat.lastUpdatedDateTime) },
  };
}

function getChat(ctx: HandlerContext): GraphResult {
  const chat = ctx.state.chats.find((c) => c.id === ctx.params.chatId);
  if (!chat) throw new GraphError(404, 'NotFound', `Chat ${ctx.params.chatId ?? ''} was not found.`);
  if (!chat.memberIds.has(ctx.req.caller.id)) throw forbidden();
  return ok({ '@odata.context': contextUrl(ctx.baseUrl, 'chats', null, true), ...chatJson(ctx.state, chat) });
}

function getOwnChat(ctx: HandlerContext): GraphResult {
  ownMailbox(ctx);
  return getChat(ctx);
}

function listChats(ctx: HandlerContext): GraphResult {
  const user = ownMailbox(ctx);
  const chats = ctx.state.chats.filter((c) => c.memberIds.has(user.id));
  const page = paginate(chats, ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: 50, maxPageSize: 50, paging: 'skiptoken' });
  const context = contextUrl(ctx.baseUrl, `${userContext(user)}/chats`, null);
  return ok(collectionBody(context, page.items.map((c) => chatJson(ctx.state, c)), { nextLink: page.nextLink }));
}

export function registerTeamsRoutes(r: Router): void {
  r.addForUser('GET', '/joinedTeams', joinedTeams);
  r.add('GET', '/teams/{teamId}', getTeam);
  r.add('GET', '/teams/{teamId}/channels', listChannels);
  r.add('GET', '/teams/{teamId}/channels/{channelId}', getChannel);
  r.add('GET', '/chats/{chatId}', getChat);
  r.addForUser('GET', '/chats', listChats);
  r.addForUser('GET', '/chats/{chatId}', getOwnChat);
}
