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

  it('hands out the agent it was given, frozen, without reading its JSON back', async () => {
    const drafts = new InMemoryDraftRepository();
    const given = agent('a1');
    await drafts.put(ALICE, given);
    const read = await drafts.get(ALICE, 'a1');
    expect(read).toBe(given);
    expect(Object.isFrozen(given) && Object.isFrozen(given.steps)).toBe(true);
  });

  it('hands out a frozen agent that a later write replaces, and keeps reading agents evicted from the parsed cache', async () => {
    const drafts = new InMemoryDraftRepository(10, 1);
    await drafts.put(ALICE, agent('a1'));
    await drafts.put(ALICE, agent('a2'));
    const first = await drafts.get(ALICE, 'a1');
    expect(Object.isFrozen(first) && Object.isFrozen(first?.steps)).toBe(true);
    expect(await drafts.get(ALICE, 'a1')).toBe(first);
    await drafts.put(ALICE, { ...agent('a1'), status: 'active' });
    expect(await drafts.get(ALICE, 'a1')).toMatchObject({ status: 'active' });
    // a2 pushes a1 out of the one-entry cache; a1 is parsed again from its JSON.
    expect(await drafts.get(ALICE, 'a2')).toEqual(agent('a2'));
    expect(await drafts.get(ALICE, 'a1')).toMatchObject({ id: 'a1', status: 'active' });
  });
});
