import { describe, expect, it } from '@jest/globals';
import { movedTimes } from './relative-time.js';

describe(movedTimes.name, () => {
  it.each<[string, string[], string[]]>([
    ['an hour later', ['09:00'], ['10:00']],
    ['30 min earlier pls', ['17:00'], ['16:30']],
    ['push it back an hour', ['08:00'], ['09:00']],
    ['move it forward by 15 minutes', ['08:00'], ['07:45']],
    ['bring it forward half an hour', ['08:00'], ['07:30']],
    ['delay it 2 hours', ['08:00'], ['10:00']],
    ['actualy 2 hours earlier', ['09:00'], ['07:00']],
    ['an hour and a half later', ['09:00'], ['10:30']],
    ['1.5h later', ['09:00'], ['10:30']],
    ['both an hour later', ['09:00', '17:00'], ['10:00', '18:00']],
    ['an hour later', ['23:30'], ['00:30']],
  ])('moves by an amount: %j of %j', (text, times, expected) => {
    expect(movedTimes(text, times)).toEqual(expected);
  });

  it.each<[string, string[], string[]]>([
    ['make it earlier, like 6', ['08:00'], ['06:00']],
    ['a bit later, say 7', ['17:00'], ['19:00']],
    ['later like 10', ['09:00'], ['10:00']],
    ['earlier - 7pm', ['21:00'], ['19:00']],
    ['earlier, 7:30', ['09:00'], ['07:30']],
  ])('reads a bare hour on the side said: %j of %j', (text, times, expected) => {
    expect(movedTimes(text, times)).toEqual(expected);
  });

  it.each([
    ['make it 9', ['08:00']],
    ['later', ['08:00']],
    ['a bit earlier', ['08:00']],
    ['send it 5 minutes later than the report', []],
    ['earlier than 5 minutes', ['08:00']],
    ['move it to teams', ['08:00']],
  ])('moves nothing for %j', (text, times) => {
    expect(movedTimes(text, times)).toBeNull();
  });
});
