/**
 * Teams: GET /me/joinedTeams, /teams/{id}, /teams/{id}/channels, /teams/{id}/channels/{id},
 * /teams/{id}/channels/{id}/filesFolder (the channel's folder in the team's drive),
 * /teams/{id}/members (conversationMembers, paged), /chats/{id} (meeting chats carry
 * onlineMeetingInfo), /me/chats.
 */

import { eTagOf } from '../drives';
import { GraphError } from '../errors';
import { ok, queryParam, type GraphResult } from '../http';
import { uriComponent } from '../ids';
import { collectionBody, contextUrl, paginate } from '../odata';
import type { HandlerContext, Router } from '../router';
import type { Channel, Chat, DirUser, State, Team } from '../state';
import { formatUtc } from '../timezones';
import { ownMailbox, userContext } from './common';
import { itemJson } from './drives';

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

function channelOf(ctx: HandlerContext, t: Team): Channel {
  const c = t.channels.find((x) => x.id.toLowerCase() === (ctx.params.channelId ?? '').toLowerCase());
  if (!c) throw new GraphError(404, 'NotFound', 'Channel not found');
  return c;
}

function getChannel(ctx: HandlerContext): GraphResult {
  const t = teamForMember(ctx);
  const c = channelOf(ctx, t);
  return ok({ '@odata.context': contextUrl(ctx.baseUrl, `teams('${t.id}')/channels`, null, true), ...channelJson(ctx.state, t, c) });
}

/** The channel's folder in the team's document library (channel-get-filesfolder): a driveItem. */
function getFilesFolder(ctx: HandlerContext): GraphResult {
  const t = teamForMember(ctx);
  const c = channelOf(ctx, t);
  const drive = ctx.state.drives.get(t.driveId);
  const folder = drive?.items.get(c.folderId);
  if (!drive || !folder) throw new GraphError(404, 'itemNotFound', 'The resource could not be found.');
  return ok(
    { '@odata.context': `${ctx.baseUrl}/$metadata#teams('${t.id}')/channels('${uriComponent(c.id)}')/filesFolder/$entity`, ...itemJson(ctx, drive, folder) },
    { ETag: eTagOf(folder) },
  );
}

function memberJson(state: State, t: Team, u: DirUser): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    // Graph documents membership ids as opaque; today they are base64 of "<team id>##<user id>".
    id: Buffer.from(`${t.id}##${u.id}`).toString('base64'),
    roles: t.ownerIds.has(u.id) ? ['owner'] : u.userType === 'Guest' ? ['guest'] : [],
    displayName: u.displayName,
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId: u.id,
    email: u.mail,
    tenantId: state.tenant.id,
  };
}

/** GET /teams/{id}/members (team-list-members): owners carry the role "owner", guests "guest". */
function listMembers(ctx: HandlerContext): GraphResult {
  const t = teamForMember(ctx);
  if (queryParam(ctx.req.query, '$filter') !== undefined) {
    throw new GraphError(400, 'BadRequest', 'The emulator does not support $filter on team members; filter the list yourself.');
  }
  const byId = new Map(ctx.state.users.map((u) => [u.id, u]));
  const members = [...t.memberIds].flatMap((id) => {
    const u = byId.get(id);
    return u ? [memberJson(ctx.state, t, u)] : [];
  });
  // Graph does not document the page size of team members; 100 is the emulator's choice.
  const page = paginate(members, ctx.req, { baseUrl: ctx.baseUrl, defaultPageSize: 100, maxPageSize: 999, paging: 'skiptoken' });
  const body = collectionBody(`${ctx.baseUrl}/$metadata#teams('${t.id}')/members`, page.items, { nextLink: page.nextLink, count: members.length });
  return ok(body);
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
  r.add('GET', '/teams/{teamId}/channels/{channelId}/filesFolder', getFilesFolder);
  r.add('GET', '/teams/{teamId}/members', listMembers);
  r.add('GET', '/chats/{chatId}', getChat);
  r.addForUser('GET', '/chats', listChats);
  r.addForUser('GET', '/chats/{chatId}', getOwnChat);
}
