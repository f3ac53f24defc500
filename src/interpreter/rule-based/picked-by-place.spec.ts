import { describe, expect, it } from '@jest/globals';
import type { Recurrence } from '../../conversation/requirements/recurrence.js';
import type { Destination } from '../../conversation/requirements/requirements.js';
import { editsByPlace } from './picked-by-place.js';
import { normalize } from './text.js';

const eng: Destination = { kind: 'channel', integration: 'slack', target: '#eng' };
const qa: Destination = { kind: 'channel', integration: 'slack', target: '#qa' };
const boss: Destination = { kind: 'email', integration: 'gmail', target: 'boss@acme.com' };
const twice: Recurrence = { days: [1, 2, 3, 4, 5], times: ['15:00', '09:00'], timezone: 'UTC' };
const once: Recurrence = { days: [1], times: ['09:00'], timezone: 'UTC' };

const cronOf = (text: string, recurrence: Recurrence, destinations: Destination[] = [eng]): string | undefined => {
  const [edit] = editsByPlace(normalize(text), destinations, recurrence);
  return edit?.field === 'trigger' && edit.op === 'replace' && edit.value.type === 'schedule' ? edit.value.cron : undefined;
};

describe(editsByPlace.name, () => {
  it.each<[string, Destination[], Destination[]]>([
    ['remove the second channel', [eng, qa], [qa]],
    ['drop the first one', [eng, qa], [eng]],
    ['forget the last one', [eng, qa, boss], [boss]],
    ['get rid of the 2nd destination', [eng, qa], [qa]],
  ])('%j removes that destination', (text, destinations, removed) => {
    expect(editsByPlace(normalize(text), destinations, once)).toEqual(removed.map((value) => ({ op: 'remove', field: 'destinations', value })));
  });

  it('keeps only the one pointed at', () => {
    expect(editsByPlace(normalize('just keep the first channel'), [eng, qa, boss], once)).toEqual([
      { op: 'remove', field: 'destinations', value: qa },
      { op: 'remove', field: 'destinations', value: boss },
    ]);
  });

  it('counts times from the earliest', () => {
    expect(cronOf('remove the second one', twice)).toBe('0 9 * * 1-5');
    expect(cronOf('drop the first time', twice)).toBe('0 15 * * 1-5');
    expect(cronOf('only the last run', twice)).toBe('0 15 * * 1-5');
  });

  it('does nothing when "one" could be a time or a place, or there is no such item', () => {
    expect(editsByPlace(normalize('remove the second one'), [eng, qa], twice)).toEqual([]);
    expect(editsByPlace(normalize('remove the third channel'), [eng, qa], once)).toEqual([]);
    expect(editsByPlace(normalize('drop the second one'), [eng], once)).toEqual([]);
    expect(editsByPlace(normalize('post it first thing'), [eng, qa], twice)).toEqual([]);
  });
});
