import { describe, expect, it } from '@jest/globals';
import { normalize } from './text.js';

describe(normalize.name, () => {
  it.each([
    ['new sheet row = new hubspot contact', 'new sheet row → new hubspot contact'],
    ['Slack message in #bugs = Linear issue', 'slack message in #bugs → linear issue'],
    ['new order ➡️ #sales', 'new order →  #sales'],
    ['new order ⇒ #sales', 'new order → #sales'],
  ])('reads an arrow typed as %j', (text, norm) => {
    expect(normalize(text)).toBe(norm);
  });

  it.each(['airtable records where status = approved', 'payments with amount = 500', 'x = 2', 'a=b', 'new order => #sales', 'total = $40'])(
    'keeps %j (a value given, no arrow)',
    (text) => {
      expect(normalize(text)).toBe(text.toLowerCase());
    },
  );

  it('keeps every offset', () => {
    const text = 'Teams msg ➡️ trello card = done';
    expect(normalize(text)).toHaveLength(text.length);
  });

  it('reads "@mentions" as the verb, not a handle', () => {
    expect(normalize('when someone @mentions us, ping @dana')).toBe('when someone  mentions us, ping @dana');
  });
});
