import { describe, expect, it } from '@jest/globals';
import { findManualTrigger } from './manual-trigger.js';
import { normalize } from './text.js';

const manual = (text: string): boolean => findManualTrigger(normalize(text))?.type === 'manual';

describe(findManualTrigger.name, () => {
  it.each([
    'whenever i ask, summarise the open zendesk tickets',
    'on demand: pull the hubspot pipeline',
    'a button i can press to post the linear sprint status to #standup',
    'whenever i ping it, list the github prs waiting on me',
    'hit run and it posts the hubspot deals to #sales',
    "no need for a schedule, i'll kick it off myself",
    'when i press the button, create a trello card',
    'on my command, send the class parents the newsletter',
  ])('reads %j as run by hand', (text) => {
    expect(manual(text)).toBe(true);
  });

  it.each([
    'every morning at 9 post the jira board to #dev',
    'when a new email arrives, ping me on slack',
    'the submit button on our site is broken',
    'we hit a run of bad luck with stripe payments',
  ])('finds no manual trigger in %j', (text) => {
    expect(manual(text)).toBe(false);
  });

  it.each(['i want a button that posts my trello cards due today to #standup', 'just a simple button which pulls the stripe totals'])(
    'reads a button that does the work in %j as run by hand',
    (text) => {
      expect(manual(text)).toBe(true);
    },
  );

  it('finds no manual trigger in a button that is only talked about', () => {
    expect(manual('the buy button on shopify gets clicked a lot')).toBe(false);
  });
});
