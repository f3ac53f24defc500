import { describe, expect, it } from '@jest/globals';
import { emptyRequirements } from '../../conversation/requirements/requirements.js';
import { ConversationPhase } from '../../conversation/state.js';
import type { Intent } from '../interpreter.js';
import { asksAboutService, readControl } from './intent.js';
import { interpretMessage } from './rule-based-interpreter.js';
import { normalize } from './text.js';

const { DISCOVERY, OAUTH_FLOW, REQUIREMENTS, TESTING, ACTIVATION } = ConversationPhase;

const intentOf = (text: string, phase = REQUIREMENTS): Intent =>
  interpretMessage({ text, phase, requirements: emptyRequirements(), transcript: [] }).intent;

describe(readControl.name, () => {
  it.each<[string, Intent]>([
    ['yes', 'confirm'],
    ['Yes!', 'confirm'],
    ['yes, build it', 'confirm'],
    ['looks good, turn it on', 'confirm'],
    ['sounds good', 'confirm'],
    ['go ahead', 'confirm'],
    ['correct', 'confirm'],
    ['ship it', 'confirm'],
    ['activate it', 'confirm'],
    ['do it', 'confirm'],
    ['ok', 'confirm'],
    ['yes please go ahead and build it', 'confirm'],
    ['LGTM', 'confirm'],
    ['perfect, thanks', 'confirm'],
    ['go back', 'go_back'],
    ['back', 'go_back'],
    ['previous step', 'go_back'],
    ['no, go back', 'go_back'],
    ['start over', 'restart'],
    ['restart', 'restart'],
    ["let's begin again", 'restart'],
    ['can we start from scratch?', 'restart'],
    ['build another agent', 'restart'],
    ['cancel', 'cancel'],
    ['never mind, cancel this', 'cancel'],
    ['stop everything', 'cancel'],
    ['forget everything', 'cancel'],
    ['yes, cancel', 'cancel'],
    ['skip', 'skip'],
    ['skip this', 'skip'],
    ['not now', 'skip'],
    ['later', 'skip'],
    ['no thanks', 'skip'],
    ['regenerate', 'regenerate'],
    ['try again', 'regenerate'],
    ['build it again', 'regenerate'],
    ['please try it again', 'regenerate'],
    ['run the test again', 'regenerate'],
    ['rerun the test', 'regenerate'],
    ['can you test it again?', 'regenerate'],
    ['retest', 'regenerate'],
    ['no', 'change'],
    ['nope, not quite', 'change'],
    ['hmm', 'unclear'],
    ['thanks', 'unclear'],
    ['yes... no', 'unclear'],
    ['no... yes', 'unclear'],
    // Nothing to change, even after a "no".
    ['no thats fine', 'confirm'],
    ["no, that's fine", 'confirm'],
    ['nope all good thx', 'confirm'],
    ['no no its right', 'confirm'],
    ['no changes', 'confirm'],
    ['nah its fine as is', 'confirm'],
    ['leave it as is', 'confirm'],
    ['keep it like that', 'confirm'],
    ["that's everything", 'confirm'],
    ['nothing else', 'confirm'],
    ['no, looks good', 'unclear'],
    ['nah put it back', 'undo'],
    ['wait, undo that', 'undo'],
    // "Never mind" takes back the last message; only said with "cancel" does it end the session.
    ['nvm', 'dismiss'],
    ['never mind', 'dismiss'],
    ['oh nevermind', 'dismiss'],
    ['nvm that', 'dismiss'],
    ['forget that', 'dismiss'],
    // "Forget it", "i changed my mind": said of the last message too (a correction usually follows).
    ['forget it', 'dismiss'],
    ['i changed my mind', 'dismiss'],
    ["hmm i've changed my mind", 'dismiss'],
    ['changed my mind lol', 'dismiss'],
    // A dismissal, then agreement: agreement.
    ['nvm, looks good', 'confirm'],
    ['never mind, all good thanks', 'confirm'],
    ['nvm, its fine', 'confirm'],
    ['ignore what i just said', 'dismiss'],
    ['never mind that last change', 'undo'],
    ['forget my last edit', 'undo'],
    ['nvm, start over', 'restart'],
  ])('reads %j as %s', (text, intent) => {
    expect(readControl(normalize(text), REQUIREMENTS).intent).toBe(intent);
  });

  it('reads a bare "no" while connecting an account as a skip', () => {
    expect(readControl('no', OAUTH_FLOW).intent).toBe('skip');
  });

  it.each(['cancel my subscription emails', 'stop sending me Slack messages', 'back up my Dropbox to Google Drive', 'do it every Monday'])(
    'leaves %j to the content rules',
    (text) => {
      expect(readControl(normalize(text), REQUIREMENTS).intent).toBeNull();
    },
  );

  it('reports agreement that opens a message with facts', () => {
    expect(readControl(normalize('yes, and also only from my manager'), REQUIREMENTS)).toEqual({ intent: null, lead: 'confirm' });
  });
});

describe(asksAboutService.name, () => {
  it.each(['what can you connect to?', 'how does this work?', 'how does this work', 'help', 'can you connect to Notion?', 'is Airtable supported?', 'which apps do you support?'])(
    'sees a question about the service in %j',
    (text) => {
      expect(asksAboutService(normalize(text))).toBe(true);
    },
  );

  it.each(['how about every Monday?', 'what about Teams instead?', 'can you summarize my emails every morning?', 'I want to know what is on my calendar'])(
    'sees none in %j',
    (text) => {
      expect(asksAboutService(normalize(text))).toBe(false);
    },
  );
});

describe('intent of a whole message', () => {
  it.each<[string, ConversationPhase, Intent]>([
    ['cancel my subscription emails', DISCOVERY, 'provide_information'],
    ['I emailed my boss yesterday', DISCOVERY, 'unclear'],
    ['asdf', DISCOVERY, 'unclear'],
    ['qwerty uiop', REQUIREMENTS, 'unclear'],
    ['what can you connect to?', DISCOVERY, 'question'],
    ['which channel will it post to?', REQUIREMENTS, 'question'],
    ['can you summarize my emails every morning?', DISCOVERY, 'provide_information'],
    ['actually make it 9am', REQUIREMENTS, 'change'],
    ['change the time to 7:30', TESTING, 'change'],
    ['instead of Slack use Teams', REQUIREMENTS, 'change'],
    ['no, send it to #general', REQUIREMENTS, 'change'],
    ['how about every Monday?', REQUIREMENTS, 'provide_information'],
    ['only emails from my manager', REQUIREMENTS, 'provide_information'],
    ['only emails from my manager', TESTING, 'change'],
    ['post it to #sales too', ACTIVATION, 'change'],
    ['every weekday at 8am', REQUIREMENTS, 'provide_information'],
    ['yes, and also only from my manager', REQUIREMENTS, 'provide_information'],
    ['yes, and also only from my manager', TESTING, 'change'],
    ["yes that's what I want", REQUIREMENTS, 'confirm'],
    ['no, that is not what I meant', REQUIREMENTS, 'change'],
    ['start over: post new GitHub issues to #dev', REQUIREMENTS, 'restart'],
    ['skip this one, I will connect it tomorrow', OAUTH_FLOW, 'skip'],
  ])('reads %j in %s as %s', (text, phase, intent) => {
    expect(intentOf(text, phase)).toBe(intent);
  });

  it.each<[string, Intent]>([
    ['yes', 'confirm'],
    ['cancel', 'cancel'],
    ['go back', 'go_back'],
    ['start over', 'restart'],
  ])('reads %j as %s in every phase', (text, intent) => {
    for (const phase of Object.values(ConversationPhase)) expect(intentOf(text, phase)).toBe(intent);
  });
});

describe('a message starting with a tool named "help …"', () => {
  it('is no question about the service', () => {
    expect(asksAboutService(normalize('help scout conversations → zendesk'))).toBe(false);
    expect(asksAboutService(normalize('help desk tickets to #support'))).toBe(false);
    expect(asksAboutService(normalize('help me set this up'))).toBe(true);
  });
});
