import { describe, expect, it } from '@jest/globals';
import type { AgentSpec } from './agent-generator.js';
import { InMemoryDraftRepository } from './draft-repository.js';

const agent = (id: string): AgentSpec => ({
  id,
  name: id,
  description: '',
  trigger: {},
  integrations: [],
  steps: [],
  status: 'draft',
  createdAt: 0,
});
const ALICE = { userId: 'alice', tenantId: 'acme' };

describe(InMemoryDraftRepository.name, () => {
  it('scopes agents by owner', async () => {
    const drafts = new InMemoryDraftRepository();
    await drafts.put(ALICE, agent('a1'));
    expect(await drafts.get(ALICE, 'a1')).toEqual(agent('a1'));
    expect(await drafts.get({ ...ALICE, tenantId: 'globex' }, 'a1')).toBeNull();
  });

  it('keeps only the most recent agents, refreshing one that is written again', async () => {
    const drafts = new InMemoryDraftRepository(2);
    await drafts.put(ALICE, agent('a1'));
    await drafts.put(ALICE, agent('a2'));
    await drafts.put(ALICE, { ...agent('a1'), status: 'active' });
    await drafts.put(ALICE, agent('a3'));
    expect(await drafts.get(ALICE, 'a2')).toBeNull();
    expect(await drafts.get(ALICE, 'a1')).toMatchObject({ status: 'active' });
    expect(await drafts.get(ALICE, 'a3')).not.toBeNull();
  });
});
