// The teams the signed-in user belongs to (user-list-joinedteams) and a team's channels
// (channel-list): where a group that uses Justera can be, when a meeting is opened outside a channel.

import { driveItem, type DriveItemRef } from './files';
import type { GraphCall, Page } from './graph';
import { optStr, page, obj, str } from './read';

export interface TeamRef {
  /** Graph's id of the team: the id of the Microsoft 365 group behind it. */
  id: string;
  displayName: string;
}

export interface ChannelRef {
  id: string;
  displayName: string;
  /** 'standard', 'private' or 'shared'; undefined where Graph left it out. */
  membershipType?: string;
}

/** The user's teams, a page at a time: run with graph.all(). */
export const joinedTeams = (): GraphCall<Page<TeamRef>> => ({
  // $select keeps the answer small: Graph returns the settings blocks (null here) unless told.
  path: '/me/joinedTeams?$select=id,displayName',
  parse: (body) =>
    page(body, 'joinedTeams', (v, i) => {
      const o = obj(v, `joinedTeams[${i}]`);
      const id = str(o.id, `joinedTeams[${i}].id`);
      return { id, displayName: optStr(o.displayName) ?? id };
    }),
});

/** A team's channels (those the user can see), a page at a time. */
export const teamChannels = (teamId: string): GraphCall<Page<ChannelRef>> => ({
  path: `/teams/${encodeURIComponent(teamId)}/channels?$select=id,displayName,membershipType`,
  parse: (body) =>
    page(body, 'channels', (v, i) => {
      const o = obj(v, `channels[${i}]`);
      const id = str(o.id, `channels[${i}].id`);
      return { id, displayName: optStr(o.displayName) ?? id, membershipType: optStr(o.membershipType) };
    }),
});

export interface ChannelFile {
  item: DriveItemRef;
  /** Pre-authenticated and short-lived: read it at once with graph.download(). */
  downloadUrl?: string;
}

/**
 * A file below a channel's folder by its path, with its download URL, or undefined when there is
 * none: one GET per channel that can go into a $batch, so finding which of the user's channels hold
 * a file (Justera's settings) costs one round trip for up to 20 channels at a time, and reading them
 * one more (files.ts's itemByPath leaves the download URL out).
 */
export const channelFile = (driveId: string, folderId: string, path: string): GraphCall<ChannelFile | undefined> => ({
  path: `/drives/${encodeURIComponent(driveId)}/items/${encodeURIComponent(folderId)}:/${path
    .split('/')
    .filter((n) => n !== '')
    .map(encodeURIComponent)
    .join('/')}:`,
  parse: (body) => ({ item: driveItem(body), downloadUrl: optStr(obj(body, 'driveItem')['@microsoft.graph.downloadUrl']) }),
  notFound: () => undefined,
});
