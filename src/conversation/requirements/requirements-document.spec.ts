import { describe, expect, it } from '@jest/globals';
import { questionFor } from './next-question.js';
import { confirmAll, isComplete, mergeRequirements, missingFields, patchIsEmpty, summarize } from './requirements-document.js';
import { emptyRequirements, type Requirements } from './requirements.js';

const daily8 = { type: 'schedule' as const, cron: '0 8 * * 1-5', description: 'every weekday at 8:00' };

function gmailToSlack(): Requirements {
  return mergeRequirements(emptyRequirements(), {
    goal: 'summarize my unread Gmail',
    integrations: ['gmail'],
    trigger: daily8,
    destination: { kind: 'channel', integration: 'slack', target: '#team-updates' },
    filters: ['unread'],
  });
}

describe(mergeRequirements.name, () => {
  it('fills fields as inferred and derives a name from the goal', () => {
    const requirements = gmailToSlack();
    expect(requirements.goal).toEqual({ value: 'summarize my unread Gmail', status: 'inferred' });
    expect(requirements.name.value).toBe('Summarize my unread Gmail');
    expect(requirements.integrations.value).toEqual(['gmail', 'slack']);
    expect(missingFields(requirements)).toEqual([]);
  });

  it('accumulates: a later patch adds without dropping', () => {
    const requirements = mergeRequirements(gmailToSlack(), { filters: ['from my manager'], steps: ['summarize'] });
    expect(requirements.filters.value?.map((filter) => filter.text)).toEqual(['unread', 'from my manager']);
    expect(requirements.trigger.value).toMatchObject(daily8);
    expect(requirements.destinations.value?.map((destination) => destination.target)).toEqual(['#team-updates']);
  });

  it('moves the time of an existing schedule and keeps its days', () => {
    const requirements = mergeRequirements(gmailToSlack(), { time: '07:30' });
    expect(requirements.trigger.value).toMatchObject({ type: 'schedule', cron: '30 7 * * 1-5', description: 'every weekday at 7:30' });
  });

  it('turns an hourly schedule into a daily one when given a time', () => {
    const hourly = mergeRequirements(emptyRequirements(), { trigger: { type: 'schedule', cron: '0 * * * *', description: 'every hour' } });
    expect(mergeRequirements(hourly, { time: '09:00' }).trigger.value).toMatchObject({ cron: '0 9 * * *' });
  });

  it('makes a bare time a daily schedule when there is none, and leaves event triggers alone', () => {
    expect(mergeRequirements(emptyRequirements(), { time: '09:15' }).trigger.value).toMatchObject({ cron: '15 9 * * *' });
    const event = mergeRequirements(emptyRequirements(), {
      trigger: { type: 'event', integration: 'gmail', event: 'new_email', description: 'a new email arrives' },
    });
    expect(event.integrations.value).toEqual(['gmail']);
    expect(mergeRequirements(event, { time: '09:15' }).trigger.value).toMatchObject({ type: 'event' });
  });

  it('replaces an integration and moves the destination with it ("instead of Slack use Teams")', () => {
    const requirements = mergeRequirements(gmailToSlack(), { integrations: ['teams'], integrationsRemoved: ['slack'] });
    expect(requirements.integrations.value).toEqual(['gmail', 'teams']);
    expect(requirements.destinations.value).toEqual([{ kind: 'channel', integration: 'teams', target: '#team-updates' }]);
  });

  it('keeps the field but marks integrations missing when every one is removed', () => {
    const only = mergeRequirements(emptyRequirements(), { integrations: ['notion'] });
    const emptied = mergeRequirements(only, { integrationsRemoved: ['notion'] });
    expect(emptied.integrations).toEqual({ value: [], status: 'missing' });
    expect(missingFields(emptied)).toContain('integrations');
  });

  it('puts a changed field back to inferred after confirmation', () => {
    const confirmed = confirmAll(gmailToSlack());
    expect(isComplete(confirmed, { confirmed: true })).toBe(true);
    const changed = mergeRequirements(confirmed, { time: '09:00' });
    expect(changed.trigger.status).toBe('inferred');
    expect(isComplete(changed, { confirmed: true })).toBe(false);
    expect(isComplete(changed, { confirmed: false })).toBe(true);
  });
});

describe(missingFields.name, () => {
  it('lists required fields most important first', () => {
    expect(missingFields(emptyRequirements())).toEqual(['goal', 'integrations', 'trigger', 'destinations']);
    expect(missingFields(mergeRequirements(emptyRequirements(), { goal: 'x', integrations: ['gmail'] }))).toEqual(['trigger', 'destinations']);
  });
});

describe(patchIsEmpty.name, () => {
  it.each([
    [{}, true],
    [{ filters: [] }, true],
    [{ goal: 'x' }, false],
    [{ time: '09:00' }, false],
  ])('%j → %s', (patch, empty) => expect(patchIsEmpty(patch)).toBe(empty));
});

describe(summarize.name, () => {
  it('shows one line per filled field', () => {
    const text = summarize(gmailToSlack());
    expect(text).toContain('Runs: every weekday at 8:00');
    expect(text).toContain('Uses: Gmail, Slack');
    expect(text).toContain('Sends to: #team-updates on Slack');
    expect(text).toContain('Only: unread');
  });

  it('shows the schedule in words and, given the time, its next three runs', () => {
    const text = summarize(gmailToSlack(), { now: Date.UTC(2026, 11, 4, 15, 0) });
    expect(text).toContain('At 08:00, Monday through Friday (UTC)');
    expect(text).toContain('Next runs: Mon 7 Dec, 08:00; Tue 8 Dec, 08:00; Wed 9 Dec, 08:00');
  });

  it('lists every destination', () => {
    const both = mergeRequirements(gmailToSlack(), {});
    both.destinations = { value: [...(both.destinations.value ?? []), { kind: 'dm', integration: 'slack', target: 'me' }], status: 'inferred' };
    expect(summarize(both)).toContain('Sends to: #team-updates on Slack and you directly on Slack');
  });
});

describe(questionFor.name, () => {
  it.each(['goal', 'integrations', 'trigger', 'destinations'] as const)('asks a targeted question for %s with quick replies', (field) => {
    const question = questionFor(field, mergeRequirements(emptyRequirements(), { integrations: ['gmail', 'slack', 'teams'] }));
    expect(question.field).toBe(field);
    expect(question.text).toMatch(/\?/);
    expect(question.actions.length).toBeGreaterThan(0);
  });

  it('offers event triggers only for integrations that have them', () => {
    const withGmail = questionFor('trigger', mergeRequirements(emptyRequirements(), { integrations: ['gmail'] }));
    expect(withGmail.actions.map((action) => action.label)).toContain('When a new email arrives');
    const without = questionFor('trigger', emptyRequirements());
    expect(without.actions.map((action) => action.label)).not.toContain('When a new email arrives');
  });
});
