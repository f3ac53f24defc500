import { describe, expect, it } from '@jest/globals';
import { emptyRequirements, type Destination, type Requirements, type RequirementsPatch } from '../../conversation/requirements/requirements.js';
import { scheduleTrigger } from '../../conversation/requirements/schedule-words.js';
import { correctionEdits, keptFilters } from './correction-edits.js';
import { normalize } from './text.js';

function withAmount(op: '>' | '<', value: string, schedule = false): Requirements {
  const r = emptyRequirements();
  r.integrations = { value: ['stripe', 'slack'], status: 'inferred' };
  r.destinations = { value: [{ kind: 'channel', integration: 'slack', target: '#finance' }], status: 'inferred' };
  r.filters = { value: [{ kind: 'amount', op, value, text: `amount ${op} ${value}` }], status: 'inferred' };
  if (schedule) r.trigger = { value: { type: 'schedule', cron: '0 9 * * *', description: 'every day at 9:00' }, status: 'inferred' };
  return r;
}

describe('a new amount said as "make it N"', () => {
  it('replaces the amount, keeping how it compares, and drops the number read as a time', () => {
    const patch: RequirementsPatch = { time: '20:00' };
    const edits = correctionEdits({ norm: normalize('make it 2000'), requirements: withAmount('>', '1000'), patch, destinations: [] });
    expect(edits).toEqual([
      { op: 'remove', field: 'filters', value: { kind: 'amount' } },
      { op: 'add', field: 'filters', value: { kind: 'amount', op: '>', value: '2000', text: 'amount > 2000' } },
    ]);
    expect(patch.time).toBeUndefined();
  });

  it('reads $ and k as money whatever the size', () => {
    const edits = correctionEdits({ norm: normalize('bump it to $50'), requirements: withAmount('<', '20'), patch: {}, destinations: [] });
    expect(edits).toContainEqual({ op: 'add', field: 'filters', value: { kind: 'amount', op: '<', value: '50', text: 'amount < 50' } });
  });

  it('leaves times alone', () => {
    for (const text of ['make it 9', 'make it 9am', 'make it 0930', 'make it 10:30']) {
      const patch: RequirementsPatch = { time: '09:00' };
      expect(correctionEdits({ norm: normalize(text), requirements: withAmount('>', '1000', true), patch, destinations: [] })).toEqual([]);
      expect(patch.time).toBe('09:00');
    }
  });

  it('needs an amount filter to replace', () => {
    const r = withAmount('>', '1000');
    r.filters = { value: [], status: 'inferred' };
    expect(correctionEdits({ norm: normalize('make it 2000'), requirements: r, patch: { time: '20:00' }, destinations: [] })).toEqual([]);
  });
});

describe('a time taken out of several', () => {
  const twice = (): Requirements => {
    const r = emptyRequirements();
    r.trigger = { value: scheduleTrigger({ days: [1, 2, 3, 4, 5], times: ['10:00', '15:00'], timezone: 'UTC' }), status: 'inferred' };
    return r;
  };

  it.each(['drop the 3pm one', 'no more 3pm run', 'remove 3pm'])('%j keeps the other time', (text) => {
    const patch: RequirementsPatch = { time: '15:00' };
    const edits = correctionEdits({ norm: normalize(text), requirements: twice(), patch, destinations: [] });
    expect(edits).toEqual([{ op: 'replace', field: 'trigger', value: expect.objectContaining({ cron: '0 10 * * 1-5' }) }]);
    expect(patch.time).toBeUndefined();
  });

  it('leaves a time it does not hold, and a schedule with one time, to the patch', () => {
    const patch: RequirementsPatch = { time: '16:00' };
    expect(correctionEdits({ norm: normalize('drop the 4pm one'), requirements: twice(), patch, destinations: [] })).toEqual([]);
    const once = twice();
    once.trigger = { value: scheduleTrigger({ days: [1, 2, 3, 4, 5], times: ['15:00'], timezone: 'UTC' }), status: 'inferred' };
    expect(correctionEdits({ norm: normalize('drop the 3pm one'), requirements: once, patch: { time: '15:00' }, destinations: [] })).toEqual([]);
  });
});

describe('a place said with "instead"', () => {
  const posting = (): Requirements => {
    const r = emptyRequirements();
    r.destinations = { value: [{ kind: 'channel', integration: 'slack', target: '#inbox' }], status: 'inferred' };
    return r;
  };
  const ops: Destination = { kind: 'channel', integration: 'slack', target: '#ops' };

  it('replaces the place, though "and" joins it to another change', () => {
    const patch: RequirementsPatch = { time: '07:00', destination: ops };
    expect(correctionEdits({ norm: normalize('make it 7am and send it to #ops instead'), requirements: posting(), patch, destinations: [ops] })).toEqual([]);
    expect(patch.destination).toEqual(ops);
  });

  it('adds it when also said', () => {
    const patch: RequirementsPatch = { destination: ops };
    // "Instead of email" also drops any email there (none here: those removals change nothing).
    const edits = correctionEdits({ norm: normalize('also post to #ops instead of email'), requirements: posting(), patch, destinations: [ops] });
    expect(edits).toContainEqual({ op: 'add', field: 'destinations', value: ops });
    expect(edits.filter((e) => e.op !== 'remove' || e.field !== 'destinations' || e.value.kind === 'channel')).toEqual([
      { op: 'add', field: 'destinations', value: ops },
    ]);
  });
});

describe('a priority said alone', () => {
  const prioritised = (): Requirements => {
    const r = emptyRequirements();
    r.filters = { value: [{ kind: 'priority', value: 'high', text: 'priority: high' }], status: 'inferred' };
    return r;
  };

  it.each(['urgent actually', 'no, critical ones pls', 'p1'])('%j replaces the priority there', (text) => {
    const edits = correctionEdits({ norm: normalize(text), requirements: prioritised(), patch: {}, destinations: [] });
    expect(edits).toEqual([{ op: 'remove', field: 'filters', value: { kind: 'priority' } }, { op: 'add', field: 'filters', value: expect.objectContaining({ kind: 'priority' }) }]);
  });

  it('needs a priority filter there, and the value alone', () => {
    expect(correctionEdits({ norm: normalize('urgent actually'), requirements: emptyRequirements(), patch: {}, destinations: [] })).toEqual([]);
    expect(correctionEdits({ norm: normalize('urgent stuff goes to #ops'), requirements: prioritised(), patch: {}, destinations: [] })).toEqual([]);
  });
});

describe('times moved from the ones set', () => {
  const at = (times: string[], every?: number): Requirements => {
    const r = emptyRequirements();
    const interval = every ? { every: { minutes: every } } : {};
    r.trigger = { value: scheduleTrigger({ days: [1], times, timezone: 'UTC', ...interval }), status: 'inferred' };
    return r;
  };

  it('replaces the schedule with its times moved, on the same days, and drops a time the patch read', () => {
    const patch: RequirementsPatch = { time: '07:00' };
    const edits = correctionEdits({ norm: normalize('a bit later, at 7'), requirements: at(['17:00']), patch, destinations: [] });
    expect(edits).toEqual([{ op: 'replace', field: 'trigger', value: expect.objectContaining({ cron: '0 19 * * 1' }) }]);
    expect(patch.time).toBeUndefined();
  });

  it('moves no interval, and nothing when the message sets a whole schedule', () => {
    expect(correctionEdits({ norm: normalize('an hour later'), requirements: at([], 60), patch: {}, destinations: [] })).toEqual([]);
    const patch: RequirementsPatch = { trigger: scheduleTrigger({ days: [2], times: ['10:00'], timezone: 'UTC' }) };
    expect(correctionEdits({ norm: normalize('tuesdays at 10, an hour later than now'), requirements: at(['09:00']), patch, destinations: [] })).toEqual([]);
  });
});

describe('an exclusion taken back', () => {
  const excluding = (): Requirements => {
    const r = emptyRequirements();
    r.filters = { value: [{ kind: 'exclude', value: 'newsletters', text: 'except newsletters' }, { kind: 'unread', text: 'unread' }], status: 'inferred' };
    return r;
  };

  it.each(['actually include the newsletters too', 'let the newsletter through', "don't skip newsletters", 'allow newsletters'])('%j removes it', (text) => {
    expect(correctionEdits({ norm: normalize(text), requirements: excluding(), patch: {}, destinations: [] })).toEqual([
      { op: 'remove', field: 'filters', value: { kind: 'exclude', value: 'newsletters' } },
    ]);
  });

  it.each(["don't include the newsletters", 'keep the newsletters out', "let's also skip promotions", 'include the receipts'])('%j keeps it', (text) => {
    expect(correctionEdits({ norm: normalize(text), requirements: excluding(), patch: {}, destinations: [] })).toEqual([]);
  });
});

describe('follow-ups read against the places there', () => {
  const places = (...value: Destination[]): Requirements => {
    const r = emptyRequirements();
    r.destinations = { value, status: 'inferred' };
    return r;
  };
  const finance: Destination = { kind: 'channel', integration: null, target: '#finance' };
  const cfo: Destination = { kind: 'email', integration: null, target: 'cfo@acme.com' };

  it('replaces only the places of the kind said when others are there too', () => {
    const controller: Destination = { kind: 'email', integration: null, target: 'controller@acme.com' };
    const patch: RequirementsPatch = { destination: controller };
    const edits = correctionEdits({ norm: normalize('not the cfo, the controller controller@acme.com'), requirements: places(finance, cfo), patch, destinations: [controller] });
    expect(edits).toEqual([
      { op: 'remove', field: 'destinations', value: cfo },
      { op: 'add', field: 'destinations', value: controller },
    ]);
    expect(patch.destination).toBeUndefined();
  });

  it('leaves "just …" replacing them all', () => {
    const me: Destination = { kind: 'dm', integration: null, target: 'me' };
    const patch: RequirementsPatch = { destination: me };
    expect(correctionEdits({ norm: normalize('just me'), requirements: places(finance, cfo), patch, destinations: [me] })).toEqual([]);
    expect(patch.destination).toEqual(me);
  });

  it('reaches the person by the chat tool said for a message sent by mail', () => {
    const mailMe: Destination = { kind: 'dm', integration: null, target: 'me' };
    const bySlack = { op: 'add', field: 'destinations', value: { kind: 'dm', integration: 'slack', target: 'me' } };
    for (const text of ['slack instead', 'put it in slack', 'send it on slack instead of email']) {
      const edits = correctionEdits({ norm: normalize(text), requirements: places(mailMe), patch: { integrations: ['slack'] }, destinations: [] });
      expect(edits.slice(-2)).toEqual([{ op: 'remove', field: 'destinations', value: mailMe }, bySlack]);
    }
    expect(correctionEdits({ norm: normalize('and on slack too'), requirements: places(mailMe), patch: { integrations: ['slack'] }, destinations: [] })).toEqual([bySlack]);
    expect(correctionEdits({ norm: normalize('summarize slack messages too'), requirements: places(mailMe), patch: { integrations: ['slack'] }, destinations: [] })).toEqual([]);
  });

  it('keeps "just me" on the chat tool that reaches the person, unless a way is said', () => {
    const me: Destination = { kind: 'dm', integration: 'slack', target: 'me' };
    const said: Destination = { kind: 'dm', integration: null, target: 'me' };
    const patch: RequirementsPatch = { destination: said };
    correctionEdits({ norm: normalize('just me, not the team'), requirements: places(me, { kind: 'email', integration: null, target: 'team@acme.com' }), patch, destinations: [said] });
    expect(patch.destination).toEqual(me);
    const byMail: RequirementsPatch = { destination: said };
    correctionEdits({ norm: normalize('email me instead'), requirements: places(me), patch: byMail, destinations: [said] });
    expect(byMail.destination).toEqual(said);
  });
});

describe('an hour offered for the schedule there', () => {
  const daily = (): Requirements => {
    const r = emptyRequirements();
    r.trigger = { value: scheduleTrigger({ days: [1, 2, 3, 4, 5], times: ['09:30'], timezone: 'UTC' }), status: 'inferred' };
    return r;
  };

  it.each([
    ['can we do 10 instead?', '10:00'],
    ['how about 8:15', '08:15'],
    ['what if we did 5 instead', '17:00'],
    ['10 pls', '10:00'],
  ])('reads %j as %s', (text, time) => {
    const patch: RequirementsPatch = {};
    correctionEdits({ norm: normalize(text), requirements: daily(), patch, destinations: [] });
    expect(patch.time).toBe(time);
  });

  it.each(['can we do 10 items?', 'send 5 of them', 'do it for 3 days'])('reads no hour in %j', (text) => {
    const patch: RequirementsPatch = {};
    correctionEdits({ norm: normalize(text), requirements: daily(), patch, destinations: [] });
    expect(patch.time).toBeUndefined();
  });
});

describe(keptFilters.name, () => {
  const there = (): Requirements => {
    const r = emptyRequirements();
    r.integrations = { value: ['hubspot', 'slack'], status: 'inferred' };
    r.destinations = { value: [{ kind: 'email', integration: null, target: 'cfo@acme.com' }], status: 'inferred' };
    return r;
  };

  it.each([['not not slack'], ['not minimum'], ['not cfo'], ['not slack']])('drops the exclusion %j that takes back what is there', (text) => {
    expect(keptFilters({ filters: [text], spans: [[0, 3]] }, there()).filters).toEqual([]);
  });

  it('keeps real exclusions, and everything in a first message', () => {
    expect(keptFilters({ filters: ['not newsletters'], spans: [] }, there()).filters).toEqual(['not newsletters']);
    expect(keptFilters({ filters: ['not minimum'], spans: [] }, emptyRequirements()).filters).toEqual(['not minimum']);
  });
});

describe('a channel named without its "#"', () => {
  it('renames the one channel there, in place', () => {
    const r = emptyRequirements();
    const mail: Destination = { kind: 'email', integration: null, target: 'cfo@acme.com' };
    r.destinations = { value: [{ kind: 'channel', integration: 'slack', target: '#finance' }, mail], status: 'inferred' };
    expect(correctionEdits({ norm: normalize('change channel to finance-alerts'), requirements: r, patch: {}, destinations: [] })).toEqual([
      { op: 'replace', field: 'destinations', value: [{ kind: 'channel', integration: 'slack', target: '#finance-alerts' }, mail] },
    ]);
    expect(correctionEdits({ norm: normalize('the channel should be ops'), requirements: r, patch: {}, destinations: [] })).toHaveLength(1);
    expect(correctionEdits({ norm: normalize('the channel is too noisy'), requirements: r, patch: {}, destinations: [] })).toEqual([]);
  });
});

describe('an amount or a place said in part', () => {
  it('reads "actually 5k" and "lower it to 5k" as the new amount, in full', () => {
    for (const text of ['actually 5k', 'lower it to 5k', '$5000 then']) {
      expect(correctionEdits({ norm: normalize(text), requirements: withAmount('>', '10000'), patch: {}, destinations: [] })).toContainEqual({
        op: 'add', field: 'filters', value: { kind: 'amount', op: '>', value: '5000', text: 'amount > 5000' },
      });
    }
    expect(correctionEdits({ norm: normalize('sorry, over $50'), requirements: withAmount('<', '50'), patch: {}, destinations: [] })).toEqual([]);
  });

  const two = (): Requirements => {
    const r = emptyRequirements();
    r.destinations = {
      value: [{ kind: 'channel', integration: 'slack', target: '#triage' }, { kind: 'email', integration: null, target: 'eng@acme.com' }],
      status: 'inferred',
    };
    return r;
  };

  it.each(['remove the email', 'no email', 'just slack is fine', 'just the slack channel', 'only the channel pls'])('drops the address for %j', (text) => {
    const edits = correctionEdits({ norm: normalize(text), requirements: two(), patch: {}, destinations: [] });
    expect(edits).toContainEqual(expect.objectContaining({ op: 'remove', field: 'destinations', value: expect.objectContaining({ kind: 'email' }) }));
    expect(edits.some((e) => e.op === 'remove' && e.field === 'destinations' && e.value.kind === 'channel')).toBe(false);
  });

  it('keeps both for "no email from newsletters" and "just the email one" drops the channel', () => {
    expect(correctionEdits({ norm: normalize('no email from newsletters'), requirements: two(), patch: {}, destinations: [] })).toEqual([]);
    expect(correctionEdits({ norm: normalize('only the email one'), requirements: two(), patch: {}, destinations: [] })).toEqual([
      { op: 'remove', field: 'destinations', value: { kind: 'channel', integration: 'slack', target: '#triage' } },
    ]);
  });
});

describe('a time said to be too late', () => {
  it('takes the time set back, keeping the new one', () => {
    const r = emptyRequirements();
    r.trigger = { value: scheduleTrigger({ days: [0, 1, 2, 3, 4, 5, 6], times: ['21:00'], timezone: 'UTC' }), status: 'inferred' };
    const patch: RequirementsPatch = { trigger: scheduleTrigger({ days: [0, 1, 2, 3, 4, 5, 6], times: ['18:00', '21:00'], timezone: 'UTC' }) };
    correctionEdits({ norm: normalize('9pm is too late lol, 6pm'), requirements: r, patch, destinations: [] });
    expect(patch.trigger).toMatchObject({ recurrence: { times: ['18:00'] } });
    const also: RequirementsPatch = { trigger: scheduleTrigger({ days: [0, 1, 2, 3, 4, 5, 6], times: ['18:00', '21:00'], timezone: 'UTC' }) };
    correctionEdits({ norm: normalize('and at 6pm'), requirements: r, patch: also, destinations: [] });
    expect(also.trigger).toMatchObject({ recurrence: { times: ['18:00', '21:00'] } });
  });
});

describe('a sender taken back for another ("not my boss, my manager")', () => {
  function fromMyBoss(): Requirements {
    const r = emptyRequirements();
    r.goal = { value: 'Summarize my gmail', status: 'inferred' };
    r.integrations = { value: ['gmail', 'slack'], status: 'inferred' };
    r.destinations = { value: [{ kind: 'dm', integration: 'slack', target: 'me' }], status: 'inferred' };
    r.filters = { value: [{ kind: 'unread', text: 'unread' }, { kind: 'from', value: 'my boss', text: 'from my boss' }], status: 'inferred' };
    return r;
  }

  it.each(['not my boss, my manager', 'no, not from my boss but my manager', 'sorry not my boss i meant my manager'])(
    'replaces the sender in %j, and keeps nobody out',
    (text) => {
      const patch: RequirementsPatch = { filters: ['not my boss'] };
      expect(correctionEdits({ norm: normalize(text), requirements: fromMyBoss(), patch, destinations: [] })).toEqual([
        { op: 'remove', field: 'filters', value: { kind: 'from', value: 'my boss' } },
        { op: 'add', field: 'filters', value: { kind: 'from', value: 'my manager', text: 'from my manager' } },
      ]);
      expect(patch.filters).toBeUndefined();
    },
  );

  it('leaves an exclusion of someone who is not the sender there', () => {
    const patch: RequirementsPatch = { filters: ['not my team'] };
    expect(correctionEdits({ norm: normalize('not my team, my manager'), requirements: fromMyBoss(), patch, destinations: [] })).toEqual([]);
    expect(patch.filters).toEqual(['not my team']);
  });
});
