// Hostile data for an end-to-end test: strings that break naive rendering, escaping, matching and
// lookups, and a Graph emulator scenario (built from emulator/scenarios/demo.json) in which every
// text the tab can show is one of them. Data only: no test here (emulator/test/hostile.test.ts
// checks that the emulator serves it).
//
// Every value that could run script sets `window.__pwned` (`parent.window.__pwned` from a nested
// frame) and no value sets it any other way, so a test checks that `window.__pwned` is still
// undefined in the tab's frame and in the host page.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Scenario, ScenarioAttendee, ScenarioEvent, ScenarioRecord, ScenarioReport, ScenarioUser } from '../../emulator/src/scenario/types';

/** 60 combining marks (U+0300-U+033B) on one letter. */
const ZALGO = `Z${Array.from({ length: 60 }, (_, i) => String.fromCharCode(0x300 + i)).join('')}`;

/** 10,000 characters without a space or a hyphen. */
export const LONG_UNBROKEN = 'Sammanträdesprotokollsjusteringsförfarandet'.repeat(240).slice(0, 10_000);

/** 95 characters, shaped like an e-mail address, without a place to break. */
export const EMAIL_LIKE_95 = 'anna-karin.johansson-lindqvist.vard-och-omsorgsforvaltningen@stromsby-kommun.se.onmicrosoft.com';

export const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'prototype'];

/** Zone names no table knows: what some clients write into originalStartTimeZone. */
export const GARBAGE_ZONES = ['tzone://Microsoft/Custom', 'Customized Time Zone', 'Europe/Atlantis'];

const SCRIPT = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1">',
  '<svg><script>window.__pwned=1</script></svg>',
  'javascript:window.__pwned=1',
  ' JaVaScRiPt:window.__pwned=1',
  '"><iframe srcdoc="<script>parent.window.__pwned=1</script>">',
  '<a href="javascript:window.__pwned=1">Klicka här</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '<details open ontoggle="window.__pwned=1"><summary>Mer</summary></details>',
  '<body onload="window.__pwned=1">',
  '<input autofocus onfocus="window.__pwned=1">',
  '<object data="javascript:window.__pwned=1"></object>',
  '<iframe src="javascript:parent.window.__pwned=1"></iframe>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<form action="javascript:window.__pwned=1"><button>Skicka</button></form>',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '${window.__pwned=1}',
  "';window.__pwned=1;//",
  '</textarea></title></style><script>window.__pwned=1</script>',
  '<!--<img src="--><img src=x onerror="window.__pwned=1">',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  '<scr<script>ipt>window.__pwned=1</scr</script>ipt>',
  '&lt;script&gt;window.__pwned=1&lt;/script&gt;',
  '&#60;img src=x onerror=&#34;window.__pwned=1&#34;&#62;',
  '\\u003cscript\\u003ewindow.__pwned=1\\u003c/script\\u003e',
  '%3Cscript%3Ewindow.__pwned=1%3C/script%3E',
  'data:text/html,<script>window.__pwned=1</script>',
  '[Protokoll](javascript:window.__pwned=1)',
  '<div style="background:url(javascript:window.__pwned=1)">Bakgrund</div>',
  '<svg><a xlink:href="javascript:window.__pwned=1"><text x="0" y="20">Länk</text></a></svg>',
];

const MARKUP = [
  '<b>fet</b> <i>kursiv</i> <u>understruken</u>',
  '</td></tr></table></div><h1>Rubrik utanför tabellen</h1>',
  '<p style="position:fixed;inset:0;z-index:2147483647;background:#c00">Överlägg</p>',
  '<a href="https://evil.example/">Logga in igen</a>',
  '<img src="https://tracker.example/pixel.gif" width=1 height=1>',
  '<style>*{display:none!important}</style>',
  '<marquee>Rullande text</marquee>',
  '&amp;lt;b&amp;gt;dubbelkodad&amp;lt;/b&amp;gt;',
  '&nbsp;&amp;&lt;&gt;&quot;&#39;&copy;',
  '&#x1F600; &#128512; &#99999999; &#0;',
  '&constructor; &__proto__; &toString;',
];

const UNICODE = [
  '\u202E',
  'Protokoll \u202Eexe.fdp',
  'Anna \u202DBerg',
  '\u2066Isolat utan slut',
  '\u2067من اليمين',
  '\u2068Första starka tecknet',
  'Slut utan början\u2069',
  '\u200Fמשה כהן\u200F',
  'العربية: محضر الاجتماع',
  'Olof\u200BBergström',
  '\u200D',
  '\uFEFFBOM i början',
  '\u200B\u200C\u200D\uFEFF',
  ZALGO,
  'A\u030Angstro\u0308m',
  '👩‍👩‍👧‍👦 Familjen Ek',
  '🏳️‍🌈🏴‍☠️',
  '🧑🏽‍⚕️ Läkare',
  '🇸🇪🇫🇮🇳🇴',
  '𝕳𝖔𝖘𝖙𝖎𝖑𝖊 𝖒ö𝖙𝖊',
  'Kаrin Ekström', // the first a is Cyrillic (U+0430)
  '会議の議事録を承認する',
];

const SIZES = [
  LONG_UNBROKEN,
  EMAIL_LIKE_95,
  'Donaudampfschiffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft',
  'Kommunalförbundsöverenskommelseuppföljningsarbetsgruppsmötesprotokollsjusteringsdatum',
  `https://regionostmark.sharepoint.com/sites/NaraVard/Delade%20dokument/${'Underlag_'.repeat(30)}.docx`,
  '_'.repeat(120),
  '   ',
  '\t\n\r',
  '\u00A0\u2003\u3000',
  '',
];

const LITERALS = [
  ...PROTOTYPE_NAMES,
  'then',
  '__defineGetter__',
  'isPrototypeOf',
  '%s %d',
  '%n%n%x%x',
  '{0} {1}',
  'null',
  'undefined',
  'NaN',
  'true',
  '0',
  '[object Object]',
  '{"__proto__":{"isAdmin":true}}',
  'Klocka\u0007',
  '\u001B[31mRöd text\u001B[0m',
  'Backsteg\b\b\b\f\v',
  '\u0085Nästa rad\u2028Radseparator\u2029Stycke',
  'Rad ett\nRad två\r\nRad tre',
  "O'Brien",
  "' or 1 eq 1",
  "'); DROP TABLE protokoll;--",
  "') or startswith(mail,'",
  '%27 or 1 eq 1 %00',
  "\\'; --",
  '" OR ""="',
  '../../../../etc/passwd',
  'C:\\Windows\\System32\\',
  '=HYPERLINK("https://evil.example","Klicka")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  ...GARBAGE_ZONES,
];

export const HOSTILE_VALUES: string[] = [...SCRIPT, ...MARKUP, ...UNICODE, ...SIZES, ...LITERALS];

/** More ways in, for text typed into the editor (kept out of HOSTILE_VALUES, which hostileScenario cycles through). */
const MORE_SCRIPT = [
  '<video><source onerror="window.__pwned=1"></video>',
  '<audio src=x onerror="window.__pwned=1">',
  '<embed src="javascript:window.__pwned=1">',
  '<base href="javascript:window.__pwned=1//">',
  '<link rel="import" href="data:text/html,<script>window.__pwned=1</script>">',
  '<isindex type=image src=1 onerror="window.__pwned=1">',
  '<select autofocus onfocus="window.__pwned=1"></select>',
  '<textarea autofocus onfocus="window.__pwned=1"></textarea>',
  '<keygen autofocus onfocus="window.__pwned=1">',
  '<div onmouseover="window.__pwned=1">Hovra</div>',
  '<x contenteditable onblur="window.__pwned=1">lose focus!</x>',
  '<img src="x` `<script>window.__pwned=1</script>"` `>',
  '<a href="jav&#x09;ascript:window.__pwned=1">Flik i schemat</a>',
  '<iframe src="data:text/html;base64,PHNjcmlwdD5wYXJlbnQud2luZG93Ll9fcHduZWQ9MTwvc2NyaXB0Pg=="></iframe>',
  '<svg><animate onbegin="window.__pwned=1" attributeName=x dur=1s>',
  '<style>@import "javascript:window.__pwned=1";</style>',
  '"onmouseover="window.__pwned=1" x="',
  "<img src=x onerror=eval(atob('d2luZG93Ll9fcHduZWQ9MQ=='))>",
];

/**
 * Script and markup for every text field of the minutes (test/e2e/minutesBadInput.spec.ts): each
 * must stay the text it is, in the page, the preview and the Word file. One line each.
 */
export const XSS_PAYLOADS: string[] = [...SCRIPT, ...MARKUP, ...MORE_SCRIPT];

const DEMO = path.resolve(__dirname, '../../emulator/scenarios/demo.json');

/**
 * A value for a field, going round the values that suit it; each field has its own turn. A step
 * that shares no factor with the number of values still visits them all, spread over the kinds.
 */
function cycle(values: readonly string[], start = 0, step = 1): () => string {
  let i = start;
  return () => {
    const v = values[i % values.length] as string;
    i += step;
    return v;
  };
}

/** "08.05" or "08:05" for minutes after midnight. */
const clock = (minutes: number, sep = ':'): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}${sep}${String(minutes % 60).padStart(2, '0')}`;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Short enough for a token's name claim and a header (the 10,000 characters go elsewhere). */
const SHORT = HOSTILE_VALUES.filter((v) => v.length <= 200);
/** What an anonymous participant can have typed: something. */
const TYPED = SHORT.filter((v) => v !== '');
const ZONES = [...PROTOTYPE_NAMES, ...GARBAGE_ZONES, '', '%s %d', 'null', '<script>window.__pwned=1</script>'];
/** Valid zones the new meetings are created in (the emulator computes times there). */
const REAL_ZONES = ['Europe/Stockholm', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Asia/Kathmandu', 'UTC'];

/**
 * Directory mail of the people who are not personas: some hostile (the app must escape them in
 * OData literals and still match people), some ordinary. Personas keep theirs, to sign in.
 */
const MAIL_BY_UPN = new Map<string, string>([
  ['hanna.virtanen@regionostmark.se', EMAIL_LIKE_95],
  ['lina.karlsson@regionostmark.se', "O'Brien"],
  ['maja.holm@regionostmark.se', "' or 1 eq 1"],
  ['emma.nyberg@regionostmark.se', '__proto__'],
  ['nils.ahl@regionostmark.se', 'constructor'],
  ['sofia.wik@regionostmark.se', '<script>window.__pwned=1</script>'],
  ['sara.lind_ekby.se#EXT#@regionostmark.onmicrosoft.com', "') or startswith(mail,'"],
  ['lars.oberg_stromsby.se#EXT#@regionostmark.onmicrosoft.com', '%s %d'],
]);

/** Personas' names: hostile, short, and told apart from each other. */
const NAME_BY_UPN = new Map<string, string>([
  ['ahmed.yilmaz@regionostmark.se', '<img src=x onerror="window.__pwned=1">'],
  ['karin.ekstrom@regionostmark.se', 'Kаrin Ekström'],
  ['olof.bergstrom@regionostmark.se', 'Olof\u200BBergström'],
]);

const SECRETARY = 'ahmed.yilmaz@regionostmark.se';

/** The demo scenario with hostile text everywhere the tab can show text; ids, times and personas as in the demo. */
export function hostileScenario(): Scenario {
  const s = JSON.parse(readFileSync(DEMO, 'utf8')) as Scenario;
  const short = cycle(SHORT);
  const name = cycle(SHORT, 40, [7, 11, 13].find((p) => SHORT.length % p !== 0) ?? 1);
  const typed = cycle(TYPED, 7);
  const any = cycle(HOSTILE_VALUES, 11);
  const zone = cycle(ZONES);

  // Every reference (id, UPN or old mail) to the user's UPN, and externals' old mail to the new.
  const upnOf = new Map<string, string>();
  for (const u of s.users) for (const k of [u.id, u.userPrincipalName, u.mail]) if (k) upnOf.set(k.toLowerCase(), u.userPrincipalName);
  for (const r of s.rooms ?? []) for (const k of [r.id, r.mail]) upnOf.set(k.toLowerCase(), r.mail);
  const externalMail = new Map<string, string>([
    ['johan.rask@aby.se', "johan.o'rask@aby.se"],
    ['petra.andersson@norrvik.se', 'petra.andersson@norrvik.se'],
  ]);
  const ref = (r: string): string => upnOf.get(r.toLowerCase()) ?? externalMail.get(r.toLowerCase()) ?? r;

  s.name = 'hostile';
  s.description = 'demo.json with hostile text in every field the tab shows (test/e2e/hostile.ts).';

  s.users = s.users.map((u): ScenarioUser => {
    const persona = NAME_BY_UPN.get(u.userPrincipalName);
    return {
      ...u,
      displayName: persona ?? name(),
      givenName: short(),
      surname: short(),
      jobTitle: any(),
      department: any(),
      companyName: any(),
      officeLocation: any(),
      mail: persona ? u.mail : MAIL_BY_UPN.get(u.userPrincipalName) ?? u.mail,
    };
  });
  const people = s.users.map((u) => u.userPrincipalName);
  s.rooms = (s.rooms ?? []).map((r) => ({ ...r, displayName: name(), building: any() }));
  s.externals = (s.externals ?? []).map((x) => ({ ...x, mail: externalMail.get(x.mail) ?? x.mail, displayName: name(), companyName: any() }));
  s.teams = (s.teams ?? []).map((t) => ({
    ...t,
    displayName: short(),
    description: any(),
    owners: t.owners?.map(ref),
    members: t.members.map(ref),
    channels: t.channels.map((c) => ({ ...c, displayName: short(), description: any() })),
  }));

  const attendee = (a: ScenarioAttendee): ScenarioAttendee => {
    if (a.user !== undefined) return { ...a, user: ref(a.user) };
    const known = upnOf.get((a.email ?? '').toLowerCase());
    if (known) {
      const { email: _email, ...rest } = a;
      return { ...rest, user: known };
    }
    return { ...a, email: ref(a.email ?? '') };
  };
  const record = (r: ScenarioRecord): ScenarioRecord => {
    if (r.user !== undefined) return { ...r, user: ref(r.user) };
    if (r.room !== undefined) return { ...r, room: ref(r.room) };
    if (r.email !== undefined) {
      const known = upnOf.get(r.email.toLowerCase());
      if (known) {
        const { email: _email, ...rest } = r;
        return { ...rest, user: known };
      }
      return { ...r, email: ref(r.email) };
    }
    return { ...r, displayName: typed() };
  };
  /** The invitation: every hostile value as markup in the agenda, and once more as escaped text. */
  const invitation = (online: boolean): string =>
    [
      '<html><body>',
      `<p>${any()}</p>`,
      '<p><b>Dagordning</b></p>',
      '<table>',
      ...HOSTILE_VALUES.map((v, i) => `<tr><td>${clock(8 * 60 + 5 * i, '.')}</td><td>${v}</td></tr>`),
      '</table>',
      `<p>${HOSTILE_VALUES.map(escapeHtml).join('<br>')}</p>`,
      online ? '<p>Microsoft Teams <a href="{{joinWebUrl}}">Delta i mötet nu</a></p><p>Mötes-ID: {{joinMeetingId}}</p>' : '',
      '</body></html>',
    ].join('\n');

  const demoEvents = (s.events ?? []).map((e, i): ScenarioEvent => {
    const online = e.onlineMeeting !== undefined;
    const ev: ScenarioEvent = {
      ...e,
      subject: i === 0 ? (SCRIPT[0] as string) : any(),
      organizer: ref(e.organizer),
      location: any(),
      bodyHtml: invitation(online),
      attendees: (e.attendees ?? []).map(attendee),
    };
    if (e.exceptions) {
      ev.exceptions = e.exceptions.map((x) => {
        const out = { ...x };
        if (x.subject !== undefined) out.subject = any();
        if (x.responses) out.responses = x.responses.map((r) => ({ ...r, attendee: ref(r.attendee) }));
        return out;
      });
    }
    if (e.room) ev.room = ref(e.room);
    if (e.onlineMeeting) {
      ev.onlineMeeting = {
        ...e.onlineMeeting,
        attendanceReports: e.onlineMeeting.attendanceReports?.map((rep): ScenarioReport => ({ ...rep, records: rep.records.map(record) })),
      };
      if (!e.onlineMeeting.attendanceReports) delete ev.onlineMeeting.attendanceReports;
    }
    return ev;
  });

  // The default meeting (the series): invitees unknown to the directory, and phone and anonymous
  // participants, all with hostile names, in the latest ended occurrence's report.
  const series = demoEvents[0] as ScenarioEvent;
  for (let k = 0; k < 3; k++) series.attendees?.push({ email: `gast${k + 1}@hostile.example`, name: any() });
  const latest = series.onlineMeeting?.attendanceReports?.[0];
  for (let k = 0; k < 4; k++) {
    latest?.records.push({ phone: `+4670555${String(1000 + k)}`, displayName: typed(), intervals: [{ join: 2 + k, leave: 40 + k }] });
    latest?.records.push({ anonymous: true, displayName: typed(), intervals: [{ join: 5 + k, leave: 30 + k }] });
  }

  // One meeting per hostile value in the secretary's calendar, from 28 days ago to 54 days ahead.
  const others = people.filter((p) => p.toLowerCase() !== SECRETARY);
  const rooms = (s.rooms ?? []).map((r) => r.mail);
  const slots = [8 * 60, 10 * 60 + 30, 13 * 60, 15 * 60 + 30];
  const extra = HOSTILE_VALUES.map((subject, i): ScenarioEvent => {
    const day = -28 + Math.floor((i * 83) / HOSTILE_VALUES.length);
    const slot = slots[i % slots.length] as number;
    const at = (minutes: number) => `today${day >= 0 ? '+' : ''}${day}d ${clock(slot + minutes)}`;
    const organizer = i % 3 === 0 ? SECRETARY : (others[i % others.length] as string);
    const invited = [others[(i + 1) % others.length], others[(i + 5) % others.length]].filter((p): p is string => p !== undefined && p !== organizer);
    const attendees: ScenarioAttendee[] = [
      ...(organizer === SECRETARY ? [] : [{ user: SECRETARY, response: 'accepted' as const }]),
      ...invited.map((p, k) => ({ user: p, response: k ? ('tentativelyAccepted' as const) : ('accepted' as const) })),
    ];
    if (i % 5 === 0) attendees.push({ email: `okand${i}@hostile.example`, name: any() });
    const online = i % 2 === 0;
    const ev: ScenarioEvent = {
      id: `AAMkAGhvc3RpbGUtbWVldGluZy${String(i).padStart(3, '0')}AAA=`,
      subject,
      organizer,
      start: at(0),
      end: at(i % 4 === 3 ? 45 : 60),
      timeZone: REAL_ZONES[i % REAL_ZONES.length] as string,
      bodyHtml: `<html><body><p>${subject}</p><p>${escapeHtml(subject)}</p>${online ? '<p>Microsoft Teams <a href="{{joinWebUrl}}">Delta i mötet nu</a></p>' : ''}</body></html>`,
      attendees,
    };
    if (i % 4 === 1) ev.originalStartTimeZoneAs = zone();
    if (i % 2 === 0) ev.location = any();
    if (i % 7 === 0 && rooms.length) ev.room = rooms[i % rooms.length] as string;
    if (online) {
      ev.onlineMeeting = {};
      // The secretary's own ended meetings have a report they can read.
      if (organizer === SECRETARY && day < 0) {
        const records: ScenarioRecord[] = [
          { user: SECRETARY, role: 'Organizer', intervals: [{ join: -2, leave: 44 }] },
          ...invited.slice(0, 1).map((p) => ({ user: p, intervals: [{ join: 1, leave: 40 }] })),
          { phone: `+4681234${String(1000 + i)}`, displayName: typed(), intervals: [{ join: 3, leave: 35 }] },
          { anonymous: true, displayName: typed(), intervals: [{ join: 4, leave: 20 }] },
        ];
        ev.onlineMeeting.attendanceReports = [{ id: `0bad0000-0000-4000-8000-${String(i).padStart(12, '0')}`, records }];
      }
    }
    return ev;
  });

  s.events = [...demoEvents, ...extra];
  return s;
}
