import { mergeMinutes } from './merge';
import type { Minutes } from './minutes';
import { sampleMinutes } from './minutesFixtures';
import * as edit from './minutesEdits';

const base = sampleMinutes();
const ids = (...list: string[]) => {
  const queue = [...list];
  return () => queue.shift() ?? 'extra';
};
const item = (m: Minutes, id: string) => m.agenda.find((i) => i.id === id)!;
const sara = { key: 'id:sara', displayName: 'Sara Lind' };
const olof = { key: 'id:olof', displayName: 'Olof Berg', organisation: 'Region Norr' };

describe('agenda items', () => {
  it('adds an empty item at the end, or at a place, with the id the caller gives', () => {
    const m = edit.addAgendaItem(base, ids('new'));
    expect(m.agenda.map((i) => i.id)).toEqual(['i1', 'i2', 'new']);
    expect(item(m, 'new')).toEqual({ id: 'new', title: '', time: undefined, endTime: undefined, presenter: undefined, subPoints: [], notes: [], decisions: [], actions: [] });
    expect(edit.addAgendaItem(base, ids('first'), 0, { title: 'Val av justerare', time: '07:55' }).agenda.map((i) => [i.id, i.title])).toEqual([
      ['first', 'Val av justerare'],
      ['i1', 'Inledning'],
      ['i2', 'Ekonomisk uppföljning'],
    ]);
  });

  it('adding the same id twice (an edit applied again) adds it once', () => {
    const once = edit.addAgendaItem(base, ids('x'));
    expect(edit.addAgendaItem(once, ids('x'))).toBe(once);
  });

  it('removes an item, and puts it back where it was on undo', () => {
    const removed = edit.removeAgendaItem(base, 'i1');
    expect(removed.agenda.map((i) => i.id)).toEqual(['i2']);
    const undone = edit.restoreAgendaItem(removed, item(base, 'i1'), 0);
    expect(undone.agenda).toEqual(base.agenda);
    expect(edit.removeAgendaItem(base, 'gone')).toBe(base);
  });

  it('moves an item up, down and to a place, and not past either end', () => {
    const three = edit.addAgendaItem(base, ids('i3'));
    expect(edit.moveAgendaItemUp(three, 'i3').agenda.map((i) => i.id)).toEqual(['i1', 'i3', 'i2']);
    expect(edit.moveAgendaItemDown(three, 'i1').agenda.map((i) => i.id)).toEqual(['i2', 'i1', 'i3']);
    expect(edit.moveAgendaItem(three, 'i3', 0).agenda.map((i) => i.id)).toEqual(['i3', 'i1', 'i2']);
    expect(edit.moveAgendaItem(three, 'i1', 99).agenda.map((i) => i.id)).toEqual(['i2', 'i3', 'i1']);
    expect(edit.moveAgendaItemUp(three, 'i1')).toBe(three);
    expect(edit.moveAgendaItemDown(three, 'i3')).toBe(three);
  });

  it('a move keeps the items themselves untouched (only the order changes)', () => {
    const moved = edit.moveAgendaItemDown(base, 'i1');
    expect(moved.agenda[1]).toBe(base.agenda[0]);
    expect(moved.agenda[0]).toBe(base.agenda[1]);
  });

  it('sets time, end time, title, presenter and sub-points, changing only that field', () => {
    let m = edit.setAgendaItemTime(base, 'i1', '08:05');
    m = edit.setAgendaItemEndTime(m, 'i1', '08:15');
    m = edit.setAgendaItemTitle(m, 'i1', 'Inledning och dagordning');
    m = edit.setAgendaItemPresenter(m, 'i1', 'Karin Ekström');
    m = edit.setAgendaItemSubPoints(m, 'i1', ['Val av justerare', 'Dagordningen']);
    expect(item(m, 'i1')).toMatchObject({ time: '08:05', endTime: '08:15', title: 'Inledning och dagordning', presenter: 'Karin Ekström', subPoints: ['Val av justerare', 'Dagordningen'] });
    expect(item(m, 'i1').decisions).toBe(item(base, 'i1').decisions);
    expect(m.agenda[1]).toBe(base.agenda[1]);
  });

  it('clears an optional field rather than storing a blank, and ignores a time that is not a time of day', () => {
    const cleared = edit.setAgendaItemTime(base, 'i1', '');
    expect(Object.hasOwn(item(cleared, 'i1'), 'time')).toBe(false);
    expect(edit.setAgendaItemTime(base, 'i1', '25:00')).toBe(base);
    expect(edit.setAgendaItemPresenter(base, 'i1', '  ')).toBe(base);
  });

  it('setting a field to what it already is changes nothing', () => {
    expect(edit.setAgendaItemTitle(base, 'i1', 'Inledning')).toBe(base);
    expect(edit.setAgendaItemSubPoints(base, 'i1', [])).toBe(base);
    expect(edit.setAgendaItemTitle(base, 'gone', 'x')).toBe(base);
  });
});

describe('notes, decisions and actions of an item', () => {
  it('adds a breakout group with its scribe, renames it and changes the scribe', () => {
    let m = edit.addNoteBlock(base, 'i1', ids('g1'), { group: 'Grupp 1', scribe: sara });
    expect(item(m, 'i1').notes).toEqual([{ id: 'g1', group: 'Grupp 1', scribe: sara, html: '' }]);
    m = edit.setNoteGroup(m, 'i1', 'g1', 'Grupp Norr');
    m = edit.setNoteScribe(m, 'i1', 'g1', olof);
    expect(item(m, 'i1').notes[0]).toEqual({ id: 'g1', group: 'Grupp Norr', scribe: olof, html: '' });
    m = edit.setNoteScribe(m, 'i1', 'g1', undefined);
    expect(Object.hasOwn(item(m, 'i1').notes[0]!, 'scribe')).toBe(false);
    expect(item(edit.removeNoteBlock(m, 'i1', 'g1'), 'i1').notes).toEqual([]);
  });

  it('sets the notes\' HTML; the same HTML again changes nothing', () => {
    const m = edit.setNoteHtml(base, 'i2', 'n1', '<p>Ca 2,5 mnkr.</p>');
    expect(item(m, 'i2').notes[0]!.html).toBe('<p>Ca 2,5 mnkr.</p>');
    expect(edit.setNoteHtml(m, 'i2', 'n1', '<p>Ca 2,5 mnkr.</p>')).toBe(m);
  });

  it('notes typed over words that arrived meanwhile keep both, as a conflict', () => {
    // The editor started from the base text; someone else's version came in through a merge.
    const theirs = edit.setNoteHtml(base, 'i2', 'n1', '<p>Ca 2,4 mnkr. Fördelning på nästa möte.</p>');
    const m = edit.setNoteHtml(theirs, 'i2', 'n1', '<p>Ca 2,4 mnkr finns för 2026, se bildspel.</p>', '<p>Ca 2,4 mnkr finns för 2026.</p>');
    expect(item(m, 'i2').notes[0]!.html).toBe('<p>Ca 2,4 mnkr finns för 2026, se bildspel.</p>');
    expect(m.conflicts).toEqual([
      {
        path: '/agenda/i2/notes/n1/html',
        base: '<p>Ca 2,4 mnkr finns för 2026.</p>',
        ours: '<p>Ca 2,4 mnkr finns för 2026, se bildspel.</p>',
        theirs: '<p>Ca 2,4 mnkr. Fördelning på nästa möte.</p>',
      },
    ]);
    // Typed on from what the editor last sent: no conflict.
    const next = edit.setNoteHtml(base, 'i2', 'n1', '<p>x</p>', '<p>Ca 2,4 mnkr finns för 2026.</p>');
    expect(next.conflicts).toEqual([]);
  });

  it('adds, edits, removes and restores a decision', () => {
    let m = edit.addDecision(base, 'i2', ids('d2'));
    m = edit.setDecisionText(m, 'i2', 'd2', 'Budgeten fastställs.');
    expect(item(m, 'i2').decisions).toEqual([{ id: 'd2', text: 'Budgeten fastställs.' }]);
    const removed = edit.removeDecision(m, 'i2', 'd2');
    expect(item(removed, 'i2').decisions).toEqual([]);
    expect(edit.restoreDecision(removed, 'i2', { id: 'd2', text: 'Budgeten fastställs.' }, 0)).toEqual(m);
  });

  it('adds an action and sets what, owner and due date; a past date is allowed, a non-date is not', () => {
    let m = edit.addAction(base, 'i1', ids('a2'));
    m = edit.setActionWhat(m, 'i1', 'a2', 'Skicka enkäten');
    m = edit.setActionOwner(m, 'i1', 'a2', olof);
    m = edit.setActionDue(m, 'i1', 'a2', '2020-01-31');
    expect(item(m, 'i1').actions).toEqual([{ id: 'a2', what: 'Skicka enkäten', owner: olof, due: '2020-01-31' }]);
    expect(edit.setActionDue(m, 'i1', 'a2', '2026-02-30')).toBe(m);
    expect(edit.setActionDue(m, 'i1', 'a2', 'imorgon')).toBe(m);
    expect(edit.setActionOwner(m, 'i1', 'a2', { ...olof })).toBe(m);
    const cleared = edit.setActionDue(edit.setActionOwner(m, 'i1', 'a2', undefined), 'i1', 'a2', '');
    expect(item(cleared, 'i1').actions[0]).toEqual({ id: 'a2', what: 'Skicka enkäten' });
    expect(item(edit.removeAction(m, 'i1', 'a2'), 'i1').actions).toEqual([]);
  });

  it('tells a due date in the past', () => {
    expect(edit.isPastDue('2026-12-03', '2026-12-04')).toBe(true);
    expect(edit.isPastDue('2026-12-04', '2026-12-04')).toBe(false);
    expect(edit.isPastDue(undefined, '2026-12-04')).toBe(false);
  });
});

describe('follow-up, next meeting and adjusters', () => {
  const withFollowUp = sampleMinutes({
    followUp: [{ id: 'f1', sourceActionId: 'a0', sourceMeeting: 'e0', what: 'Enkät om förutsättningar', state: 'open' }],
  });

  it('marks an earlier action done with a comment, and clears the comment', () => {
    let m = edit.setFollowUpState(withFollowUp, 'f1', 'done');
    m = edit.setFollowUpComment(m, 'f1', 'Skickad 8/10');
    expect(m.followUp[0]).toMatchObject({ state: 'done', comment: 'Skickad 8/10' });
    expect(Object.hasOwn(edit.setFollowUpComment(m, 'f1', '').followUp[0]!, 'comment')).toBe(false);
    expect(edit.setFollowUpState(withFollowUp, 'f1', 'open')).toBe(withFollowUp);
  });

  it('changes only the part of the next meeting given', () => {
    const m = edit.setNextMeeting(base, { text: 'Fredag 18/12' });
    expect(m.nextMeeting).toEqual({ text: 'Fredag 18/12' });
    const timed = edit.setNextMeeting(m, { start: '2026-12-18T07:00:00.000Z' });
    expect(timed.nextMeeting).toEqual({ text: 'Fredag 18/12', start: '2026-12-18T07:00:00.000Z' });
    expect(edit.setNextMeeting(timed, { start: null }).nextMeeting).toEqual({ text: 'Fredag 18/12' });
  });

  it('names the adjusters once each', () => {
    const m = edit.setAdjusters(base, [sara, olof, sara]);
    expect(m.header.adjusters).toEqual([sara, olof]);
    expect(edit.setAdjusters(m, [sara, olof])).toBe(m);
  });
});

describe('each edit stays precise, so the per-section merge keeps both people\'s work', () => {
  it('two people editing different fields of the same item merge without a conflict', () => {
    const ours = edit.setAgendaItemTitle(base, 'i2', 'Ekonomi');
    const theirs = edit.setActionDue(edit.addDecision(base, 'i2', ids('d9'), 'Budgeten fastställs.'), 'i2', 'a1', '2026-12-18');
    const merged = mergeMinutes(base, ours, theirs);
    expect(merged.conflicts).toEqual([]);
    expect(item(merged, 'i2')).toMatchObject({ title: 'Ekonomi', decisions: [{ id: 'd9', text: 'Budgeten fastställs.' }] });
    expect(item(merged, 'i2').actions[0]!.due).toBe('2026-12-18');
  });

  it('a reorder here and an edit there both stand', () => {
    const ours = edit.moveAgendaItemDown(base, 'i1');
    const theirs = edit.setDecisionText(base, 'i1', 'd1', 'Dagordningen godkänns med ett tillägg.');
    const merged = mergeMinutes(base, ours, theirs);
    expect(merged.agenda.map((i) => i.id)).toEqual(['i2', 'i1']);
    expect(item(merged, 'i1').decisions[0]!.text).toBe('Dagordningen godkänns med ett tillägg.');
  });
});

describe('settling a conflict', () => {
  const ours = edit.setAgendaItemTitle(base, 'i1', 'Inledning (ours)');
  const theirs = edit.setAgendaItemTitle(base, 'i1', 'Inledning (theirs)');
  const merged = mergeMinutes(base, ours, theirs);

  it('keeps the version chosen and drops the conflict', () => {
    expect(merged.conflicts.map((c) => c.path)).toEqual(['/agenda/i1/title']);
    const kept = edit.keepVersion(merged, '/agenda/i1/title', 'theirs');
    expect(item(kept, 'i1').title).toBe('Inledning (theirs)');
    expect(kept.conflicts).toEqual([]);
    expect(edit.settle(merged, '/agenda/i1/title', 'Inledning (ours)').conflicts).toEqual([]);
  });

  it('puts a list back as a list (sub-points were recorded as JSON)', () => {
    const o = edit.setAgendaItemSubPoints(base, 'i1', ['a']);
    const t = edit.setAgendaItemSubPoints(base, 'i1', ['b', 'c']);
    const m = mergeMinutes(base, o, t);
    expect(m.conflicts[0]).toMatchObject({ path: '/agenda/i1/subPoints', theirs: '["b","c"]' });
    expect(item(edit.keepVersion(m, '/agenda/i1/subPoints', 'theirs'), 'i1').subPoints).toEqual(['b', 'c']);
  });

  it('settles an owner changed on both sides as one person, not a mix of two', () => {
    const o = edit.setActionOwner(base, 'i2', 'a1', olof);
    const t = edit.setActionOwner(base, 'i2', 'a1', { key: 'id:hanna', displayName: 'Hanna Vik', organisation: 'Kommunen' });
    const m = mergeMinutes(base, o, t);
    expect(m.conflicts.length).toBeGreaterThan(1);
    const kept = edit.keepVersionUnder(m, '/agenda/i2/actions/a1/owner', 'theirs');
    expect(item(kept, 'i2').actions[0]!.owner).toEqual({ key: 'id:hanna', displayName: 'Hanna Vik', organisation: 'Kommunen' });
    expect(kept.conflicts).toEqual([]);
  });

  it('reads the value at a merge path', () => {
    expect(edit.valueAt(base, '/agenda/i2/actions/a1/owner/displayName')).toBe('Sara Lind');
    expect(edit.valueAt(base, '/agenda/nope/title')).toBeUndefined();
  });
});
