import { describe, expect, it } from '@jest/globals';
import { applyEdits, revertChanges, sameData } from './apply-edits.js';
import { pushRecord, recordOf, undoLast, EDIT_HISTORY_CAP, type EditRecord } from './edit-history.js';
import type { RequirementEdit } from './edits.js';
import { parseFilter } from './filter-text.js';
import { emptyRequirements, type Requirements } from './requirements.js';
import { scheduleTrigger } from './schedule-words.js';
import { upgradeRequirements } from './upgrade-requirements.js';

const team = { kind: 'channel', integration: 'slack', target: '#team-updates' } as const;
const dm = { kind: 'dm', integration: 'slack', target: 'me' } as const;
const weekdays8 = scheduleTrigger({ days: [1, 2, 3, 4, 5], times: ['08:00'], timezone: 'UTC' });

function base(): Requirements {
  return applyEdits(emptyRequirements(), [
    { op: 'replace', field: 'goal', value: 'summarize my unread Gmail' },
    { op: 'add', field: 'integrations', value: 'gmail' },
    { op: 'replace', field: 'trigger', value: weekdays8 },
    { op: 'add', field: 'destinations', value: team },
    { op: 'add', field: 'filters', value: parseFilter('unread') },
  ]).requirements;
}

describe(applyEdits.name, () => {
  it('leaves its input untouched and reports each changed field once', () => {
    const before = base();
    const snapshot = JSON.stringify(before);
    const result = applyEdits(before, [
      { op: 'add', field: 'destinations', value: dm },
      { op: 'remove', field: 'filters', value: { kind: 'unread' } },
    ]);
    expect(JSON.stringify(before)).toBe(snapshot);
    expect(result.changes.map((change) => change.field)).toEqual(['destinations', 'filters']);
    expect(result.applied).toHaveLength(2);
  });

  it('adds a second destination beside the first and adds the integration that delivers it', () => {
    const result = applyEdits(base(), [{ op: 'add', field: 'destinations', value: { kind: 'email', integration: 'gmail', target: 'dana@example.com' } }]);
    expect(result.requirements.destinations.value).toEqual([team, { kind: 'email', integration: 'gmail', target: 'dana@example.com' }]);
    const teams = applyEdits(base(), [{ op: 'add', field: 'destinations', value: { kind: 'channel', integration: 'teams', target: '#ops' } }]);
    expect(teams.requirements.integrations.value).toEqual(['gmail', 'slack', 'teams']);
  });

  it('removes one destination by what is said of it, and marks the field missing when none is left', () => {
    const two = applyEdits(base(), [{ op: 'add', field: 'destinations', value: dm }]).requirements;
    const one = applyEdits(two, [{ op: 'remove', field: 'destinations', value: { target: '#TEAM-updates' } }]);
    expect(one.requirements.destinations.value).toEqual([dm]);
    const none = applyEdits(one.requirements, [{ op: 'remove', field: 'destinations', value: { kind: 'dm' } }]);
    expect(none.requirements.destinations).toEqual({ value: [], status: 'missing' });
  });

  it('replaces the destinations as a whole', () => {
    const result = applyEdits(base(), [{ op: 'replace', field: 'destinations', value: [dm] }]);
    expect(result.requirements.destinations.value).toEqual([dm]);
  });

  it('does nothing, and reports nothing, for an edit that finds nothing to do', () => {
    const result = applyEdits(base(), [
      { op: 'remove', field: 'destinations', value: { target: '#nowhere' } },
      { op: 'add', field: 'filters', value: parseFilter('unread') },
      { op: 'add', field: 'integrations', value: 'gmail' },
      { op: 'remove', field: 'integrations', value: 'notion' },
    ]);
    expect(result.applied).toEqual([]);
    expect(result.changes).toEqual([]);
  });

  it('adds, removes and clears typed filters', () => {
    const added = applyEdits(base(), [
      { op: 'add', field: 'filters', value: parseFilter('amount > 500') },
      { op: 'add', field: 'filters', value: parseFilter('from my manager') },
    ]).requirements;
    expect(added.filters.value).toEqual([
      { kind: 'unread', text: 'unread' },
      { kind: 'amount', op: '>', value: '500', text: 'amount > 500' },
      { kind: 'from', value: 'my manager', text: 'from my manager' },
    ]);
    const removed = applyEdits(added, [{ op: 'remove', field: 'filters', value: { kind: 'from' } }]).requirements;
    expect(removed.filters.value?.map((filter) => filter.kind)).toEqual(['unread', 'amount']);
    const cleared = applyEdits(removed, [{ op: 'clear', field: 'filters' }]).requirements;
    expect(cleared.filters).toEqual({ value: [], status: 'inferred' });
  });

  it('switches the trigger in every direction: schedule, event, manual and back', () => {
    const event = { type: 'event', integration: 'github', event: 'new_issue', description: 'when a new issue is opened in GitHub' } as const;
    const toEvent = applyEdits(base(), [{ op: 'replace', field: 'trigger', value: event }]).requirements;
    expect(toEvent.trigger.value).toEqual(event);
    expect(toEvent.integrations.value).toContain('github');
    const toManual = applyEdits(toEvent, [{ op: 'replace', field: 'trigger', value: { type: 'manual', description: 'whenever I ask' } }]).requirements;
    expect(toManual.trigger.value).toEqual({ type: 'manual', description: 'whenever I ask' });
    const back = applyEdits(toManual, [{ op: 'replace', field: 'trigger', value: { type: 'schedule', cron: '0 9 * * *', description: 'every day at 9:00' } }]);
    expect(back.requirements.trigger.value).toMatchObject({
      type: 'schedule',
      cron: '0 9 * * *',
      recurrence: { days: [0, 1, 2, 3, 4, 5, 6], times: ['09:00'], timezone: 'UTC' },
    });
    expect(applyEdits(back.requirements, [{ op: 'clear', field: 'trigger' }]).requirements.trigger).toEqual({ value: null, status: 'missing' });
  });

  it('derives the cron from a structured recurrence, one per minute when times differ', () => {
    const twice = scheduleTrigger({ days: [1, 2, 3, 4, 5], times: ['09:15', '17:30'], timezone: 'UTC' });
    const result = applyEdits(emptyRequirements(), [{ op: 'replace', field: 'trigger', value: twice }]);
    expect(result.requirements.trigger.value).toMatchObject({ cron: '15 9 * * 1-5', crons: ['15 9 * * 1-5', '30 17 * * 1-5'] });
  });

  it('takes what only a removed integration delivered along with it', () => {
    const withEvent = applyEdits(base(), [
      { op: 'replace', field: 'trigger', value: { type: 'event', integration: 'slack', event: 'new_message', description: 'a message' } },
    ]).requirements;
    const result = applyEdits(withEvent, [{ op: 'remove', field: 'integrations', value: 'slack' }]);
    expect(result.requirements.integrations.value).toEqual(['gmail']);
    expect(result.requirements.destinations).toEqual({ value: [], status: 'missing' });
    expect(result.requirements.trigger).toEqual({ value: null, status: 'missing' });
    expect(result.changes.map((change) => change.field).sort()).toEqual(['destinations', 'integrations', 'trigger']);
  });

  it('replaces, adds and removes steps, names and goals', () => {
    const edits: RequirementEdit[] = [
      { op: 'replace', field: 'name', value: 'Inbox digest' },
      { op: 'add', field: 'steps', value: 'summarize' },
      { op: 'add', field: 'steps', value: 'post' },
      { op: 'remove', field: 'steps', value: 'summarize' },
      { op: 'clear', field: 'goal' },
    ];
    const result = applyEdits(base(), edits).requirements;
    expect(result.name).toEqual({ value: 'Inbox digest', status: 'inferred' });
    expect(result.steps.value).toEqual(['post']);
    expect(result.goal).toEqual({ value: null, status: 'missing' });
  });

  it('replaces the integrations list, removing the others with what they delivered', () => {
    const result = applyEdits(base(), [{ op: 'replace', field: 'integrations', value: ['outlook', 'gmail'] }]);
    expect(result.requirements.integrations.value).toEqual(['gmail', 'outlook']);
    expect(result.requirements.destinations.value).toEqual([]);
  });
});

describe(revertChanges.name, () => {
  it('puts every field a turn changed back exactly, statuses included', () => {
    const before = base();
    const result = applyEdits(before, [
      { op: 'remove', field: 'integrations', value: 'slack' },
      { op: 'add', field: 'destinations', value: { kind: 'channel', integration: 'teams', target: '#team-updates' } },
      { op: 'replace', field: 'trigger', value: { type: 'manual', description: 'on demand' } },
      { op: 'clear', field: 'filters' },
    ]);
    expect(revertChanges(result.requirements, result.changes)).toEqual(before);
  });
});

describe(undoLast.name, () => {
  it('undoes turn by turn, newest first, and has nothing to undo at the start', () => {
    const start = base();
    const first = applyEdits(start, [{ op: 'add', field: 'destinations', value: dm }]);
    const second = applyEdits(first.requirements, [{ op: 'replace', field: 'trigger', value: { type: 'manual', description: 'on demand' } }]);
    let history: EditRecord[] = pushRecord(pushRecord([], recordOf(first.applied, first.changes)), recordOf(second.applied, second.changes));
    const once = undoLast(second.requirements, history)!;
    expect(once.requirements).toEqual(first.requirements);
    expect(once.undone.said).toEqual(['set it to run on demand']);
    history = once.history;
    const twice = undoLast(once.requirements, history)!;
    expect(twice.requirements).toEqual(start);
    expect(twice.undone.said).toEqual(['added you directly on Slack as a destination']);
    expect(undoLast(twice.requirements, twice.history)).toBeNull();
  });

  it('keeps only the last turns', () => {
    let history: EditRecord[] = [];
    for (let i = 0; i < EDIT_HISTORY_CAP + 3; i++) history = pushRecord(history, { said: [`turn ${i}`], changes: [] });
    expect(history).toHaveLength(EDIT_HISTORY_CAP);
    expect(history[0]?.said).toEqual(['turn 3']);
  });
});

describe(upgradeRequirements.name, () => {
  it('reads a session saved before v2: one destination becomes the list, string filters typed, a DM the dm kind', () => {
    const v1 = {
      ...emptyRequirements(),
      destination: { value: { kind: 'channel', integration: 'slack', target: '@me' }, status: 'confirmed' },
      filters: { value: ['unread', 'from my manager'], status: 'inferred' },
    } as unknown as Requirements;
    delete (v1 as Partial<Requirements>).destinations;
    const upgraded = upgradeRequirements(v1);
    expect(upgraded.destinations).toEqual({ value: [{ kind: 'dm', integration: 'slack', target: 'me' }], status: 'confirmed' });
    expect(upgraded.filters.value).toEqual([{ kind: 'unread', text: 'unread' }, { kind: 'from', value: 'my manager', text: 'from my manager' }]);
    expect('destination' in upgraded).toBe(false);
  });

  it('returns v2 requirements unchanged', () => {
    const current = base();
    expect(upgradeRequirements(current)).toBe(current);
  });
});

describe(sameData.name, () => {
  it('compares requirement values as data: nested, in any key order, an undefined key as absent', () => {
    expect(sameData({ value: [team, dm], status: 'inferred' }, { status: 'inferred', value: [{ ...team }, { ...dm }] })).toBe(true);
    expect(sameData({ value: null, status: 'missing', note: undefined }, { value: null, status: 'missing' })).toBe(true);
    expect(sameData({ value: [team, dm] }, { value: [dm, team] })).toBe(false);
    expect(sameData({ value: [team] }, { value: [team, dm] })).toBe(false);
    expect(sameData({ value: null }, { value: null, status: 'missing' })).toBe(false);
    expect(sameData({ value: 1 }, { value: '1' })).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData(null, {})).toBe(false);
  });
});
