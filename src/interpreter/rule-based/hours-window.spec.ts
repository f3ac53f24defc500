import { describe, expect, it } from '@jest/globals';
import { hoursWindow } from './hours-window.js';
import { normalize } from './text.js';

const hours = (from: number, to: number) => ({ from: from * 60, to: to * 60 });

describe(hoursWindow.name, () => {
  it.each([
    ['every hour 9 to 5', hours(9, 17)],
    ['9-5', hours(9, 17)],
    ['from 8am to 6pm', hours(8, 18)],
    ['from 8 till 8', hours(8, 20)],
    ['between 9 and 17', hours(9, 17)],
    ['between 1 and 5', hours(13, 17)],
    ['9-11am', hours(9, 11)],
    ['1-5pm', hours(13, 17)],
    ['9–5pm', hours(9, 17)],
    ['from 7:30 to 10', { from: 7 * 60 + 30, to: 10 * 60 }],
    ['during business hours', hours(9, 17)],
    ['in office hours', hours(9, 17)],
  ])('reads %j', (text, window) => {
    expect(hoursWindow(normalize(text))).toEqual(window);
  });

  it.each([
    'every 2 to 3 hours',
    'the top 3 to 5 stories',
    '3-5 items',
    '9 and 5',
    'send it to me',
    'from 9',
    'between 5pm and 9am',
  ])('reads no hours in %j', (text) => {
    expect(hoursWindow(normalize(text))).toBeNull();
  });
});
