import { describe, expect, it } from '@jest/globals';
import { withoutTakenBack } from './taken-back.js';

describe(withoutTakenBack.name, () => {
  it.each([
    // The new value takes the old one's place, and stays where it was said.
    ['every month on the 31st... no, the 30th send invoices', 'every month on the 30th... no, the 30th send invoices'],
    ['last day of the month... no make it the 30th, 10am', '30th of the month... no make it the 30th, 10am'],
    ['the 1st and 15th? no, just the 15th at 10', 'the 15th? no, just the 15th at 10'],
    ['every day at 8am - sorry, 9am send me', 'every day at 9am - sorry, 9am send me'],
    ['at 7pm, no 8, dm me', 'at 8pm, no 8, dm me'],
    ['every weekday at 8am, actually 8:30 post', 'every weekday at 8:30, actually 8:30 post'],
    ['every monday, wait no, tuesday at 9', 'every tuesday, wait no, tuesday at 9'],
    ['every 10 min... no, 15 min check gmail', 'every 15 min... no, 15 min check gmail'],
    ['at 8am and 5pm, i mean 9am and 5pm', 'at 9am and 5pm, i mean 9am and 5pm'],
  ])('reads %j as %j', (text, read) => {
    expect(withoutTakenBack(text)).toBe(read);
  });

  it.each([
    // Nothing of the same kind after the cue: nothing is taken back.
    'every day at 9 no weekends',
    'at 9am, no exceptions, post the standup',
    'actually make it 9am',
    'at 9am rather than 10am',
    'send 2 emails, no 3',
    'every monday at 9, no later than that',
  ])('leaves %j as it is', (text) => {
    expect(withoutTakenBack(text)).toBe(text);
  });
});
