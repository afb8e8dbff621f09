/** GET /me, /users/{id | userPrincipalName}, /users?$filter=..., /users?$search=... (ConsistencyLevel: eventual). */

import { badRequest, GraphError, userNotFound } from '../errors';
import { ok, queryParam, type GraphRequest } from '../http';
import {
  applyFilter,
  applyOrderBy,
  applySelect,
  collectionBody,
  contextUrl,
  paginate,
  parseFilterParam,
  parseSelect,
  wantsCount,
  type Resource,
} from '../odata';
import { filterPaths, orExpressionCount } from '../odataFilter';
import type { HandlerContext, Router } from '../router';
import { matchesSearch, parseSearch, searchProperties } from '../search';
import type { DirUser, State } from '../state';

export const USER: Resource = {
  typeName: 'microsoft.graph.user',
  properties: [
    'id',
    'displayName',
    'givenName',
    'surname',
    'mail',
    'userPrincipalName',
    'jobTitle',
    'department',
    'companyName',
    'officeLocation',
    'mobilePhone',
    'businessPhones',
    'preferredLanguage',
    'userType',
    'accountEnabled',
  ],
  alwaysSelected: [],
};

/** What Graph returns for a user without $select (companyName and department need $select). */
const DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

const FILTERABLE = ['id', 'mail', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'jobTitle', 'department', 'companyName', 'officeLocation', 'userType', 'accountEnabled'];
const SORTABLE_BASIC = ['displayName', 'userPrincipalName'];
const MAX_OR_EXPRESSIONS = 15;
const MAX_ADVANCED_URL = 2048;

export function userJson(u: DirUser): Record<string, unknown> {
  return {
    businessPhones: u.businessPhones,
    displayName: u.displayName,
    givenName: u.givenName,
    jobTitle: u.jobTitle,
    mail: u.mail,
    mobilePhone: u.mobilePhone,
    officeLocation: u.officeLocation,
    preferredLanguage: u.preferredLanguage,
    surname: u.surname,
    userPrincipalName: u.userPrincipalName,
    id: u.id,
    department: u.department,
    companyName: u.companyName,
    userType: u.userType,
    accountEnabled: !u.isRoom,
  };
}

function shape(u: DirUser, select: string[] | null): Record<string, unknown> {
  const full = userJson(u);
  const names = select ?? DEFAULT_PROPERTIES;
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = full[n];
  return applySelect(out, select, USER);
}

/** By id or userPrincipalName (not by mail, as in Graph). */
export function lookupUser(state: State, key: string): DirUser | undefined {
  const k = key.toLowerCase();
  return state.users.find((u) => u.id.toLowerCase() === k || u.userPrincipalName.toLowerCase() === k);
}

function isAdvancedQuery(req: GraphRequest): boolean {
  return (req.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
}

function getMe(ctx: HandlerContext) {
  const select = parseSelect(ctx.req, USER);
  return ok({ '@odata.context': contextUrl(ctx.baseUrl, 'users', select, true), ...shape(ctx.req.caller, select) });
}

function getUser(ctx: HandlerContext) {
  const key = ctx.params.userId ?? '';
  const u = lookupUser(ctx.state, key);
  if (!u) throw userNotFound(key);
  const select = parseSelect(ctx.req, USER);
  return ok({ '@odata.context': contextUrl(ctx.baseUrl, 'users', select, true), ...shape(u, select) });
}

/** $search works on directory objects only as an advanced query (aad-advanced-queries). */
function parseSearchParam(raw: string, advanced: boolean) {
  if (!advanced) {
    throw badRequest("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'", 'Request_UnsupportedQuery');
  }
  const search = parseSearch(raw);
  for (const p of searchProperties(search)) {
    if (!FILTERABLE.some((f) => f.toLowerCase() === p.toLowerCase())) {
      throw badRequest(`Unsupported or invalid query search clause specified for property '${p}' of resource 'User'.`, 'Request_UnsupportedQuery');
    }
  }
  return search;
}

function listUsers(ctx: HandlerContext) {
  const { req } = ctx;
  const advanced = isAdvancedQuery(req);
  const count = wantsCount(req);
  if (count && !advanced) throw new GraphError(400, 'Request_BadRequest', '$count is not currently supported.');
  const select = parseSelect(req, USER);
  const searchRaw = queryParam(req.query, '$search');
  const search = searchRaw === undefined ? null : parseSearchParam(searchRaw, advanced);
  const filter = parseFilterParam(req);
  if (filter) {
    for (const p of filterPaths(filter)) {
      if (!FILTERABLE.some((f) => f.toLowerCase() === p.toLowerCase())) {
        throw badRequest(`Unsupported or invalid query filter clause specified for property '${p}' of resource 'User'.`, 'Request_UnsupportedQuery');
      }
    }
    const n = orExpressionCount(filter);
    if (advanced && count) {
      if (req.urlLength > MAX_ADVANCED_URL) {
        throw badRequest(`The request URL has ${req.urlLength} characters; advanced queries allow ${MAX_ADVANCED_URL}.`, 'Request_UnsupportedQuery');
      }
    } else if (n > MAX_OR_EXPRESSIONS) {
      throw badRequest(
        `Too many child clauses specified in search filter expression containing 'OR' operators: ${n}. Max allowed: ${MAX_OR_EXPRESSIONS}.`,
        'Request_UnsupportedQuery',
      );
    }
  }
  const orderby = queryParam(req.query, '$orderby');
  if (orderby && !(advanced && count)) {
    for (const part of orderby.split(',')) {
      const prop = part.trim().split(/\s+/)[0] ?? '';
      if (!SORTABLE_BASIC.some((s) => s.toLowerCase() === prop.toLowerCase())) {
        throw badRequest('Sorting not supported for current query.', 'Request_UnsupportedQuery');
      }
    }
  }
  const found = applyFilter(ctx.state.users.map(userJson), filter).filter((j) => !search || matchesSearch(search, j));
  const all = applyOrderBy(found, req, undefined, USER);
  const page = paginate(all, req, {
    baseUrl: ctx.baseUrl,
    defaultPageSize: 100,
    maxPageSize: 999,
    paging: 'skiptoken',
    topError: (top) => new GraphError(400, 'Request_BadRequest', `Invalid page size specified: '${top}'. Must be between 1 and 999 inclusive.`),
  });
  const value = page.items.map((j) => shape(lookupUser(ctx.state, String(j.id)) as DirUser, select));
  return ok(collectionBody(contextUrl(ctx.baseUrl, 'users', select), value, { nextLink: page.nextLink, count: count ? all.length : undefined }));
}

export function registerUserRoutes(r: Router): void {
  r.add('GET', '/me', getMe);
  r.add('GET', '/users', listUsers);
  r.add('GET', '/users/{userId}', getUser);
}
