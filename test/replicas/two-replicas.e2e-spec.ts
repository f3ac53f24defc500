import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { describeWithRedis, testKeyPrefix } from '../contracts/redis-test-env.js';
import { freePort } from '../contracts/private-redis-server.js';
import { type AppProcess, startAppProcess, stopAllAppProcesses } from '../support/app-process.js';
import { ConversationClient, consent, phaseChanges, pick, type TurnResult } from '../support/conversation-client.js';
import { EventFollower, expectEveryKeyHasTtlThenClean, replicaEnv, StubLlmServer } from './replica-support.js';

/** Short, so that a lease left by a killed replica runs out within the test. */
const TURN_LEASE_MS = 2000;

/**
 * Two (and for the crash test three) processes of the built service on their own ports, sharing the
 * machine's Redis under a prefix of this run.
 *
 * OAuth: the built-in development provider keeps its codes in the memory of the process that showed
 * the consent page and is called in process for the exchange, so with it a callback only works on the
 * replica that served the consent. Here Google and Slack are configured as outside providers instead
 * (public clients, as in production), whose authorization server happens to be replica A's
 * development provider, reached over HTTP; every provider redirects to B (OAUTH_REDIRECT_URL). So the
 * consent happens at "the provider" (A), each callback is handled by B, which exchanges the code
 * over HTTP, and the conversation it resumes must reach the `/events` stream open on A.
 */
describeWithRedis('Replicas sharing one Redis', (redisUrl) => {
  const prefix = `${testKeyPrefix()}replicas:`;
  const headers = { 'x-user-id': 'replica-user', 'x-tenant-id': 'replica-tenant' };
  const llm = new StubLlmServer();
  let a: AppProcess;
  let b: AppProcess;
  /** A replica whose turns hang in the model call (so it can be killed while it holds a lease). */
  let slow: AppProcess;
  /** Two replicas set up as docker-compose.yml does: the built-in provider, PUBLIC_URL and callback on the first. */
  let compose1: AppProcess;
  let compose2: AppProcess;

  beforeAll(async () => {
    await llm.start();
    const portA = await freePort();
    let portB = await freePort();
    while (portB === portA) portB = await freePort();
    const provider = `http://127.0.0.1:${portA}/dev/oauth`;
    const outsideProvider = (id: string): Record<string, string> => ({
      [`OAUTH_${id}_CLIENT_ID`]: 'agent-builder-dev',
      [`OAUTH_${id}_AUTHORIZE_URL`]: `${provider}/authorize`,
      [`OAUTH_${id}_TOKEN_URL`]: `${provider}/token`,
      [`OAUTH_${id}_ISSUER`]: provider,
    });
    const env = replicaEnv(redisUrl, prefix, {
      PUBLIC_URL: `http://127.0.0.1:${portA}`,
      OAUTH_REDIRECT_URL: `http://127.0.0.1:${portB}/v1/oauth/callback`,
      TURN_LEASE_MS: String(TURN_LEASE_MS),
      ...outsideProvider('GOOGLE'),
      ...outsideProvider('SLACK'),
    });
    const slowEnv = { ...env, OPENAI_API_KEY: 'test', OPENAI_BASE_URL: llm.baseUrl, LLM_TIMEOUT_MS: '60000', LLM_MAX_RETRIES: '0' };
    const compose1Port = await freePort();
    const composeEnv = replicaEnv(redisUrl, prefix, {
      PUBLIC_URL: `http://127.0.0.1:${compose1Port}`,
      OAUTH_REDIRECT_URL: `http://127.0.0.1:${compose1Port}/v1/oauth/callback`,
    });
    [a, b, slow, compose1, compose2] = await Promise.all([
      startAppProcess(env, { port: portA }),
      startAppProcess(env, { port: portB }),
      startAppProcess(slowEnv),
      startAppProcess(composeEnv, { port: compose1Port }),
      startAppProcess(composeEnv),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a, b, slow, compose1, compose2].map((app) => app?.stop()));
    // Any replica a failed start left behind.
    await stopAllAppProcesses();
    await llm.stop();
    await expectEveryKeyHasTtlThenClean(redisUrl, prefix);
  });

  /** One client per replica, on the same session. */
  const clientsOn = (...apps: AppProcess[]): ConversationClient[] => apps.map((app) => new ConversationClient(app.baseUrl, headers));
  const join = (clients: ConversationClient[], sessionId: string): void => clients.forEach((client) => (client.sessionId = sessionId));

  it('runs a conversation whose turns alternate between replicas to COMPLETE; callbacks on B resume the stream open on A', async () => {
    const [onA, onB] = clientsOn(a, b) as [ConversationClient, ConversationClient];
    await onA.start();
    join([onB], onA.sessionId);
    const followerOnA = await EventFollower.open(a.baseUrl, onA.sessionId, headers);
    expect(followerOnA.status).toBe(200);

    // Turn 1 on B: Gmail and Slack found; the authorization URL is the provider's, redirecting to B.
    const first = await onB.send(
      'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel',
    );
    expect(phaseChanges(first)).toEqual(['IDLE→DISCOVERY', 'DISCOVERY→OAUTH_FLOW']);
    const gmailUrl = new URL(pick(first, 'oauth_required').oauthUrl!);
    expect(gmailUrl.port).toBe(String(a.port));
    expect(gmailUrl.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${b.port}/v1/oauth/callback`);

    // Consent at the provider; the callback lands on B; the stream open on A sees the conversation resume.
    const gmailCallback = await consent(gmailUrl.toString(), 'allow');
    expect(gmailCallback.status).toBe(303);
    const gmailResult = await followerOnA.waitFor((event) => event.data.type === 'oauth_result');
    expect(gmailResult.data.data).toEqual({ integration: 'gmail', provider: 'google', status: 'connected' });
    const slackRequired = await followerOnA.waitFor((event) => event.data.type === 'oauth_required' && event.data.seq > gmailResult.data.seq);
    expect(slackRequired.data.data).toEqual({ integration: 'slack', provider: 'slack' });

    const slackCallback = await consent(slackRequired.data.oauthUrl!, 'allow');
    expect(slackCallback.status).toBe(303);
    await followerOnA.waitFor((event) => event.data.type === 'phase' && event.data.data?.['to'] === 'REQUIREMENTS');
    expect((await onA.session()).context.integrations.map((integration) => integration.status)).toEqual(['connected', 'connected']);

    // The rest alternates A, B, A, …, each turn seeing what the other replica committed.
    const script: [string | { action: string }, string[]][] = [
      ['only emails from my manager', []],
      ['yes, build it', ['REQUIREMENTS→GENERATION', 'GENERATION→TESTING']],
      ['change the time to 7:30', ['TESTING→REQUIREMENTS']],
      [{ action: 'confirm' }, ['REQUIREMENTS→GENERATION', 'GENERATION→TESTING']],
      ['looks good, turn it on', ['TESTING→ACTIVATION']],
      [{ action: 'confirm' }, ['ACTIVATION→COMPLETE']],
    ];
    for (const [index, [input, changes]] of script.entries()) {
      const client = index % 2 === 0 ? onA : onB;
      const result = await client.send(input);
      expect({ turn: index + 3, status: result.status, changes: phaseChanges(result) }).toEqual({ turn: index + 3, status: 200, changes });
    }
    const view = await onB.session();
    expect(view.phase).toBe('COMPLETE');
    expect(view.context.requirements.trigger.value).toMatchObject({ cron: '30 7 * * *' });
    expect(view.context.requirements.filters.value).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'from my manager' })]));
    // 1 first turn + 2 callbacks + 6 turns, each one committed version.
    expect(view.version).toBe(9);

    // A's stream delivered every durable event once, in order, exactly the session's log.
    await followerOnA.waitFor((event) => event.data.type === 'done' && event.data.phase === 'COMPLETE');
    await followerOnA.close();
    const replay = await EventFollower.open(b.baseUrl, onA.sessionId, headers);
    const lastSeq = followerOnA.events.at(-1)!.data.seq;
    await replay.waitFor((event) => event.data.seq === lastSeq);
    await replay.close();
    const seen = followerOnA.events.map((event) => `${event.id}:${event.data.type}`);
    expect(seen).toEqual(replay.events.map((event) => `${event.id}:${event.data.type}`));
    expect(followerOnA.events.map((event) => event.data.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
  });

  it('with the built-in development provider on one replica (as in docker-compose.yml), a conversation on the other connects through it', async () => {
    // Another user: the first test's user has Gmail and Slack connected already (credentials are in Redis).
    const composeUser = { 'x-user-id': 'compose-user', 'x-tenant-id': 'replica-tenant' };
    const on2 = new ConversationClient(compose2.baseUrl, composeUser);
    await on2.start();
    const followerOn2 = await EventFollower.open(compose2.baseUrl, on2.sessionId, composeUser);

    const first = await on2.send(
      'I want an agent that summarizes my unread Gmail emails every morning at 8am and posts the summary to the #team-updates Slack channel',
    );
    const gmailUrl = new URL(pick(first, 'oauth_required').oauthUrl!);
    // Its codes live in that replica's memory, so its pages and the callback are both there.
    expect(gmailUrl.origin).toBe(compose1.baseUrl);
    const callback = await consent(gmailUrl.toString(), 'allow');
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe(`${compose1.baseUrl}/?sessionId=${on2.sessionId}&connected=gmail%3Aconnected`);

    const gmailResult = await followerOn2.waitFor((event) => event.data.type === 'oauth_result');
    expect(gmailResult.data.data).toEqual({ integration: 'gmail', provider: 'google', status: 'connected' });
    const slack = await followerOn2.waitFor((event) => event.data.type === 'oauth_required' && event.data.seq > gmailResult.data.seq);
    expect((await consent(slack.data.oauthUrl!, 'allow')).status).toBe(303);
    await followerOn2.waitFor((event) => event.data.type === 'phase' && event.data.data?.['to'] === 'REQUIREMENTS');
    await followerOn2.close();
    expect((await on2.session()).phase).toBe('REQUIREMENTS');
  });

  it('50 concurrent turns on one session over both replicas: one commit per version, the rest 409, nothing lost', async () => {
    const [onA, onB] = clientsOn(a, b) as [ConversationClient, ConversationClient];
    await onA.start();
    join([onB], onA.sessionId);
    const before = await onA.session();

    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? onA : onB).send(`hello from request ${i}`).then((result) => ({ i, result }))),
    );

    const committed: TurnResult[] = [];
    const failedStreams: string[] = [];
    const unexpected: unknown[] = [];
    for (const { i, result } of results) {
      if (result.status === 200) {
        const error = result.responses.find((response) => response.type === 'error');
        if (error) failedStreams.push(String(error.data?.['code']));
        else committed.push(result);
        expect(result.responses.at(-1)?.type).toBe('done');
      } else if (result.status !== 409 || result.error?.code !== 'TURN_IN_PROGRESS') {
        unexpected.push({ i, status: result.status, error: result.error });
      }
    }
    expect(unexpected).toEqual([]);
    const after = await onB.session();
    expect(committed.length).toBeGreaterThan(0);
    // No lost update: the version moved once per committed stream, and by nothing else.
    expect(after.version - before.version).toBe(committed.length);

    // Each committed stream's durable events are in the log, at their own seqs, and the log holds nothing else.
    const durable = (result: TurnResult) => result.events.filter((event) => event.id !== undefined).map((event) => `${event.id}:${event.data.type}`);
    const fromStreams = committed.flatMap(durable).sort((x, y) => Number(x.split(':')[0]) - Number(y.split(':')[0]));
    const log = await EventFollower.open(a.baseUrl, onA.sessionId, headers);
    const lastSeq = Number(fromStreams.at(-1)!.split(':')[0]);
    await log.waitFor((event) => event.data.seq === lastSeq);
    await log.close();
    expect(log.events.map((event) => `${event.id}:${event.data.type}`)).toEqual(fromStreams);
    console.log(
      `50 concurrent turns over 2 replicas: ${committed.length} committed (version +${after.version - before.version}), ` +
        `${failedStreams.length} streams ended in error ${JSON.stringify(failedStreams)}, ${results.length - committed.length - failedStreams.length} × 409`,
    );
  });

  it('a turn that runs longer than its lease keeps the session (renewed): a turn elsewhere gets 409 throughout, then proceeds', async () => {
    const [onSlow, onB] = clientsOn(slow, b) as [ConversationClient, ConversationClient];
    await onB.start();
    join([onSlow], onB.sessionId);
    const before = await onB.session();
    llm.mode = 'hold';
    try {
      const reachedModel = llm.nextRequest();
      const long = onSlow.send('hello, this turn takes a while');
      await reachedModel;
      const heldFrom = Date.now();
      let refusals = 0;
      while (Date.now() - heldFrom < 2.5 * TURN_LEASE_MS) {
        const result = await onB.send('hello from elsewhere');
        expect(result.status).toBe(409);
        expect(result.error?.code).toBe('TURN_IN_PROGRESS');
        refusals++;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      // The model call fails at last; the interpreter falls back to its rules and the turn commits.
      llm.releaseHeld();
      const finished = await long;
      expect(finished.status).toBe(200);
      expect(finished.responses.some((response) => response.type === 'error')).toBe(false);
      expect((await onB.session()).version).toBe(before.version + 1);
      expect((await onB.send('hello from elsewhere')).status).toBe(200);
      console.log(`a turn held ${Date.now() - heldFrom} ms (lease ${TURN_LEASE_MS} ms): ${refusals} × 409 elsewhere meanwhile, then it committed`);
    } finally {
      llm.mode = 'hang';
    }
  });

  it('a replica killed (SIGKILL) while it holds the turn lease: the next turn elsewhere gets 409 until the lease expires, then proceeds', async () => {
    const [onSlow, onB] = clientsOn(slow, b) as [ConversationClient, ConversationClient];
    await onB.start();
    join([onSlow], onB.sessionId);
    const before = await onB.session();

    const sentAt = Date.now();
    const reachedModel = llm.nextRequest();
    const hung = onSlow.send('hello, this turn never finishes').catch((error: unknown) => error);
    await reachedModel;
    await slow.kill();
    // Renewed while the turn ran, the lease runs out at most TURN_LEASE_MS after the kill.
    const leaseSeenAt = Date.now();
    expect(await hung).toHaveProperty('message');

    const refused = await onB.send('hello again');
    expect(refused.status).toBe(409);
    expect(refused.error?.code).toBe('TURN_IN_PROGRESS');
    let conflicts = 1;
    let proceeded: TurnResult | undefined;
    while (!proceeded) {
      expect(Date.now() - leaseSeenAt).toBeLessThan(TURN_LEASE_MS + 2000);
      const result = await onB.send('hello again');
      if (result.status === 200) proceeded = result;
      else {
        expect(result.error?.code).toBe('TURN_IN_PROGRESS');
        conflicts++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    const proceededAt = Date.now();
    expect(proceededAt - sentAt).toBeGreaterThanOrEqual(TURN_LEASE_MS - 10);
    expect(proceededAt - leaseSeenAt).toBeLessThan(TURN_LEASE_MS + 600);
    expect(proceeded.responses.some((response) => response.type === 'error')).toBe(false);
    // The killed turn committed nothing; only B's did.
    const after = await onB.session();
    expect(after.version).toBe(before.version + 1);
    console.log(`lease holder killed: ${conflicts} × 409, next turn proceeded ${proceededAt - leaseSeenAt} ms after the kill (lease ${TURN_LEASE_MS} ms)`);
  });
});
