import { describe, expect, it } from '@jest/globals';
import { hourAgain, intervalAgain, meridiemFlipped, pickedTimes } from './time-edits.js';
import { normalize } from './text.js';

describe(hourAgain.name, () => {
  it.each([
    ['can we do 10 instead?', '10:00'],
    ['how about 8:15', '08:15'],
    ['what if we did 5 instead', '17:00'],
    ['10 pls', '10:00'],
    ['try 7am', '07:00'],
    ['make that 11', '11:00'],
    ['6 is too late, 5', '17:00'],
  ])('reads %j as %s', (text, time) => {
    expect(hourAgain(normalize(text))).toBe(time);
  });

  it.each(['can we do 10 items?', 'send 5 of them', 'do it for 3 days', 'make it nicer'])('reads no hour in %j', (text) => {
    expect(hourAgain(normalize(text))).toBeNull();
  });
});

describe(pickedTimes.name, () => {
  it.each([
    ['just the 9 one', ['09:00', '14:00'], ['09:00']],
    ['only keep the 2pm run', ['09:00', '14:00'], ['14:00']],
    ['just the 2 one', ['09:00', '14:00'], ['14:00']],
    ['make the 2pm one 3pm', ['09:00', '14:00'], ['09:00', '15:00']],
    ['move the 9am run to 10', ['09:00', '14:00'], ['10:00', '14:00']],
  ])('reads %j of %j as %j', (text, times, expected) => {
    expect(pickedTimes(normalize(text), times)).toEqual(expected);
  });

  it('needs several times, and one of them said', () => {
    expect(pickedTimes('just the 9 one', ['09:00'])).toBeNull();
    expect(pickedTimes('just the 11 one', ['09:00', '14:00'])).toBeNull();
    expect(pickedTimes('just the 9pm one', ['09:00', '14:00'])).toBeNull();
  });
});

describe(meridiemFlipped.name, () => {
  it.each([
    ['sorry i meant morning', ['18:00'], ['06:00']],
    ['pm not am', ['07:00'], ['19:00']],
    ['in the evening', ['07:30'], ['19:30']],
    ['am', ['18:00', '20:00'], ['06:00', '08:00']],
  ])('reads %j of %j as %j', (text, times, expected) => {
    expect(meridiemFlipped(normalize(text), times)).toEqual(expected);
  });

  it.each([
    ['i meant pm', ['18:00']],
    ['every morning post the agenda', ['18:00']],
    ['the morning standup channel', ['18:00']],
  ])('changes nothing for %j of %j', (text, times) => {
    expect(meridiemFlipped(normalize(text), times)).toBeNull();
  });
});

describe(intervalAgain.name, () => {
  it('reads a bare count in the unit there', () => {
    expect(intervalAgain('every 15', 30)).toBe(15);
    expect(intervalAgain('make it every 2', 60)).toBe(120);
    expect(intervalAgain('every 15 pls', 120)).toBe(900);
  });

  it('leaves whole intervals to the schedule reader', () => {
    expect(intervalAgain('every 15 minutes', 30)).toBeNull();
    expect(intervalAgain('every monday', 30)).toBeNull();
  });
});
