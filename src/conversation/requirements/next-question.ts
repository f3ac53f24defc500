import type { ChatAction } from '../chat-response.js';
import type { RequirementKey, Requirements } from './requirements.js';
import { displayName } from './edit-words.js';
import { listWords } from './schedule-words.js';

export interface Question {
  field: RequirementKey;
  text: string;
  actions: ChatAction[];
}

const reply = (label: string, value = label.toLowerCase()): ChatAction => ({ type: 'reply', label, value });

/** A targeted question for the most important missing field, with quick replies that fit what is known. */
export function questionFor(field: RequirementKey, requirements: Requirements): Question {
  const integrations = requirements.integrations.value ?? [];
  switch (field) {
    case 'goal':
      return {
        field,
        text: 'What should the agent do? Describe the task in a sentence.',
        actions: [
          reply('Summarize my unread Gmail every morning and post it to Slack'),
          reply('When a new GitHub issue is opened, create a Jira ticket'),
        ],
      };
    case 'integrations':
      return {
        field,
        text: 'Which apps should the agent work with (for example Gmail, Slack, Notion, GitHub)?',
        actions: [reply('Gmail and Slack'), reply('Google Sheets'), reply('Notion')],
      };
    case 'trigger':
      return {
        field,
        text: 'When should the agent run?',
        actions: [
          reply('Every weekday at 8am'),
          reply('Every hour'),
          ...(integrations.includes('gmail') ? [reply('When a new email arrives')] : []),
        ],
      };
    case 'destinations': {
      const actions: ChatAction[] = [];
      if (integrations.includes('slack')) actions.push(reply('Post to #general on Slack', 'post it to #general'));
      if (integrations.includes('teams')) actions.push(reply('Post to a Teams channel', 'post it to #general on teams'));
      actions.push(reply('Email it to me', 'email it to me'));
      const apps = integrations.length ? ` (you mentioned ${listWords(integrations.map(displayName))})` : '';
      return { field, text: `Where should the results go${apps}? A channel like #team-updates or an email address works.`, actions };
    }
    default:
      return { field, text: `Tell me more about the ${field}.`, actions: [] };
  }
}
