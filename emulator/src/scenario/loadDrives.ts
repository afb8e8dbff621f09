/**
 * The teams' document libraries and Planner plans, resolved from a scenario: one drive per team with
 * a folder per channel (as Teams makes them), the files a scenario seeds in those folders, and the
 * plans and buckets of each team's group.
 */

import { createHash } from 'node:crypto';
import { addItem, childNamed, newDrive, validName, walk } from '../drives';
import type { Drive, DriveItemModel, PlannerPlanModel, PlannerTaskModel, Team, Tenant } from '../state';
import type { ResolveContext } from './context';
import { FileTemplates } from './fileTemplates';
import type { Scenario, ScenarioFile, ScenarioTask, UserRef } from './types';

/** "regionostmark.se" -> "regionostmark.sharepoint.com", as a tenant's SharePoint host is named. */
function sharePointHost(tenant: Tenant): string {
  const label = tenant.domain.split('.')[0]?.toLowerCase().replace(/[^a-z0-9-]/g, '') || 'contoso';
  return `${label}.sharepoint.com`;
}

/** The site's URL name from the team's name: "Nära vård" -> "Naravard" (no accents, letters and digits). */
function siteName(team: Team): string {
  const plain = team.displayName.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]/g, '');
  return plain ? plain.charAt(0).toUpperCase() + plain.slice(1).toLowerCase() : `team${team.id.replace(/-/g, '').slice(0, 8)}`;
}

/** The file's bytes, its placeholders resolved (fileTemplates.ts). */
function fileBytes(f: ScenarioFile, path: string, ctx: ResolveContext, templates: FileTemplates): Buffer {
  if (f.json !== undefined && f.text !== undefined) ctx.problem(path, 'give json or text, not both');
  if (f.json !== undefined) return Buffer.from(`${JSON.stringify(templates.resolve(f.json, `${path}.json`), null, 2)}\n`, 'utf8');
  return Buffer.from(templates.text(f.text ?? '', `${path}.text`), 'utf8');
}

function seedFile(drive: Drive, folder: DriveItemModel, f: ScenarioFile, path: string, ctx: ResolveContext, templates: FileTemplates): void {
  const names = templates.text(f.name, `${path}.name`).split('/').filter((n) => n !== '');
  const bad = names.find((n) => !validName(n));
  if (names.length === 0 || bad !== undefined) {
    ctx.problem(`${path}.name`, `"${f.name}" is not a valid file name in SharePoint (no " * : < > ? \\ |, no leading or trailing space or dot)`);
    return;
  }
  const createdBy = f.createdBy ? ctx.user(f.createdBy, `${path}.createdBy`, { room: false })?.id ?? null : null;
  const modifiedBy = f.lastModifiedBy ? ctx.user(f.lastModifiedBy, `${path}.lastModifiedBy`, { room: false })?.id ?? null : createdBy;
  const created = f.createdDateTime ? ctx.instant(f.createdDateTime, `${path}.createdDateTime`) ?? ctx.now : ctx.now;
  const modified = f.lastModifiedDateTime ? ctx.instant(f.lastModifiedDateTime, `${path}.lastModifiedDateTime`) ?? created : created;
  const found = walk(drive, folder, names);
  if (found.item) {
    ctx.problem(`${path}.name`, `"${f.name}" is already in the folder`);
    return;
  }
  if (!found.deepest.isFolder) {
    ctx.problem(`${path}.name`, `"${found.deepest.name}" is a file, not a folder`);
    return;
  }
  let parent = found.deepest;
  const seedOf = (n: number) => `seed|${folder.id}|${names.slice(0, n).join('/').toLowerCase()}`;
  for (let i = names.length - found.missing.length; i < names.length - 1; i++) {
    parent = addItem(drive, parent, names[i] as string, createdBy, created, undefined, seedOf(i + 1));
  }
  const file = addItem(drive, parent, names[names.length - 1] as string, createdBy, created, { content: fileBytes(f, path, ctx, templates) }, seedOf(names.length));
  file.lastModifiedBy = modifiedBy;
  file.lastModifiedDateTime = Math.max(modified, created);
}

export function loadDrives(s: Scenario, ctx: ResolveContext, teams: Team[], tenant: Tenant): Map<string, Drive> {
  const drives = new Map<string, Drive>();
  // Numbers that count over every seeded file (yearSeq) need them all collected before any is written.
  const templates = new FileTemplates(ctx);
  (s.teams ?? []).forEach((st, i) =>
    st.channels.forEach((sc, j) =>
      (sc.files ?? []).forEach((f, k) => {
        const path = `teams[${i}].channels[${j}].files[${k}]`;
        templates.collect(f.name, `${path}.name`);
        templates.collect(f.json ?? f.text, `${path}.${f.json !== undefined ? 'json' : 'text'}`);
      }),
    ),
  );
  (s.teams ?? []).forEach((st, i) => {
    const team = teams[i] as Team;
    const drive = newDrive(team.id, `https://${sharePointHost(tenant)}/sites/${siteName(team)}/Shared%20Documents`, team.createdDateTime);
    team.driveId = drive.id;
    drives.set(drive.id, drive);
    const root = drive.items.get(drive.rootId) as DriveItemModel;
    st.channels.forEach((sc, j) => {
      const channel = team.channels[j];
      if (!channel) return;
      // Teams names the folder after the channel; a second channel of the same name would clash.
      const existing = childNamed(drive, root.id, channel.displayName);
      const folder = existing ?? addItem(drive, root, channel.displayName, null, channel.createdDateTime, undefined, `channel|${channel.id}`);
      channel.folderId = folder.id;
      (sc.files ?? []).forEach((f, k) => seedFile(drive, folder, f, `teams[${i}].channels[${j}].files[${k}]`, ctx, templates));
    });
  });
  return drives;
}

/** Planner ids are 28 characters of base64url. */
function plannerIdFrom(seed: string): string {
  return createHash('sha256').update(`planner|${seed}`).digest('base64url').slice(0, 28);
}

export function loadPlans(s: Scenario, ctx: ResolveContext, teams: Team[]): { plans: PlannerPlanModel[]; tasks: Map<string, PlannerTaskModel> } {
  const plans: PlannerPlanModel[] = [];
  const tasks = new Map<string, PlannerTaskModel>();
  const ids = new Set<string>();
  (s.teams ?? []).forEach((st, i) => {
    const team = teams[i] as Team;
    (st.plans ?? []).forEach((p, j) => {
      const path = `teams[${i}].plans[${j}]`;
      const id = p.id ?? plannerIdFrom(`${team.id}|${j}`);
      if (ids.has(id)) ctx.problem(`${path}.id`, `duplicate plan id ${id}`);
      ids.add(id);
      const createdBy = p.createdBy ? ctx.user(p.createdBy, `${path}.createdBy`, { room: false })?.id ?? null : [...team.ownerIds][0] ?? null;
      plans.push({
        id,
        title: p.title,
        groupId: team.id,
        createdBy,
        createdDateTime: p.createdDateTime ? ctx.instant(p.createdDateTime, `${path}.createdDateTime`) ?? ctx.now : team.createdDateTime,
        buckets: (p.buckets ?? []).map((b, k) => {
          const bucketId = b.id ?? plannerIdFrom(`${id}|bucket|${k}`);
          if (ids.has(bucketId)) ctx.problem(`${path}.buckets[${k}].id`, `duplicate id ${bucketId}`);
          ids.add(bucketId);
          // Order hints as Planner writes them for buckets added one after another.
          return { id: bucketId, name: b.name, planId: id, orderHint: b.orderHint ?? `85752723360752${'!'.repeat(k + 1)}` };
        }),
      });
      const plan = plans.at(-1)!;
      (p.tasks ?? []).forEach((t, k) => {
        const task = loadTask(t, `${path}.tasks[${k}]`, plan, team, ctx, k);
        if (ids.has(task.id)) ctx.problem(`${path}.tasks[${k}].id`, `duplicate id ${task.id}`);
        ids.add(task.id);
        tasks.set(task.id, task);
      });
    });
  });
  return { plans, tasks };
}

/** A task already in a plan; assignees and whoever completed it must be members of the plan's group. */
function loadTask(t: ScenarioTask, path: string, plan: PlannerPlanModel, team: Team, ctx: ResolveContext, k: number): PlannerTaskModel {
  const member = (ref: UserRef, at: string) => {
    const id = ctx.user(ref, at, { room: false })?.id;
    if (id && !team.memberIds.has(id)) ctx.problem(at, `${ref} is not a member of the plan's group`);
    return id;
  };
  const bucket = t.bucket === undefined ? undefined : plan.buckets.find((b) => b.id === t.bucket || b.name === t.bucket);
  if (t.bucket !== undefined && !bucket) ctx.problem(`${path}.bucket`, `no bucket ${t.bucket} in the plan`);
  const percent = t.percentComplete ?? 0;
  if (![0, 50, 100].includes(percent)) ctx.problem(`${path}.percentComplete`, 'must be 0, 50 or 100');
  const created = t.createdDateTime ? ctx.instant(t.createdDateTime, `${path}.createdDateTime`) ?? ctx.now : plan.createdDateTime;
  const createdBy = t.createdBy ? member(t.createdBy, `${path}.createdBy`) ?? '' : plan.createdBy ?? '';
  const completedBy = percent === 100 && t.completedBy ? member(t.completedBy, `${path}.completedBy`) ?? null : null;
  const order = `8585${String(999_999_999_999_999 - k).padStart(15, '0')}`;
  return {
    id: t.id ?? plannerIdFrom(`${plan.id}|task|${k}`),
    planId: plan.id,
    bucketId: bucket?.id ?? null,
    title: t.title,
    orderHint: order,
    assigneePriority: '',
    percentComplete: percent,
    priority: 5,
    startDateTime: null,
    dueDateTime: t.dueDateTime ? ctx.instant(t.dueDateTime, `${path}.dueDateTime`) ?? null : null,
    createdDateTime: created,
    createdBy,
    completedDateTime: percent === 100 ? (t.completedDateTime ? ctx.instant(t.completedDateTime, `${path}.completedDateTime`) ?? ctx.now : ctx.now) : null,
    completedBy,
    assignments: new Map(
      (t.assignees ?? []).flatMap((ref, i) => {
        const id = member(ref, `${path}.assignees[${i}]`);
        return id ? [[id, { assignedBy: createdBy, assignedDateTime: created, orderHint: order }] as const] : [];
      }),
    ),
    appliedCategories: new Map(),
    version: 1,
    details: { description: '', previewType: 'automatic', references: new Map(), checklist: new Map(), version: 1 },
  };
}
