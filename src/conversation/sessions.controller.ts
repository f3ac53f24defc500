import { Controller, Delete, Get, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IdentityGuard } from '../identity/identity.guard.js';
import { Owner } from '../identity/owner.decorator.js';
import { Clock } from '../common/clock.js';
import { ConversationService } from './conversation.service.js';
import { ConversationSettings } from './conversation.settings.js';
import { type SessionView, toSessionView } from './dto/session-view.js';
import type { SessionOwner } from './state.js';

/** Session lifecycle: start, list, read, stop the running turn, end. */
@ApiTags('sessions')
@Controller('v1/sessions')
@UseGuards(IdentityGuard)
export class SessionsController {
  constructor(
    private readonly conversations: ConversationService,
    private readonly settings: ConversationSettings,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Start a session (phase IDLE)' })
  @ApiResponse({ status: 201, description: 'SessionView, phase IDLE' })
  @ApiResponse({ status: 429, description: 'RATE_LIMITED: the caller already has SESSIONS_PER_USER live sessions' })
  async start(@Owner() owner: SessionOwner): Promise<SessionView> {
    return this.view(await this.conversations.startSession(owner));
  }

  @Get()
  @ApiOperation({ summary: "The caller's live sessions" })
  async list(@Owner() owner: SessionOwner): Promise<{ sessions: SessionView[] }> {
    const sessions = await this.conversations.listSessions(owner);
    return { sessions: sessions.map((state) => this.view(state)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One session (404 missing or foreign, 410 expired)' })
  async get(@Owner() owner: SessionOwner, @Param('id') sessionId: string): Promise<SessionView> {
    return this.view(await this.conversations.getSession(owner, sessionId));
  }

  @Post(':id/stop')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Stop the turn in flight on whichever replica runs it (202); its stream ends with TURN_STOPPED then done. 409 NO_TURN_IN_FLIGHT only when none runs',
  })
  async stop(@Owner() owner: SessionOwner, @Param('id') sessionId: string): Promise<{ stopping: true }> {
    await this.conversations.stopTurn(owner, sessionId);
    return { stopping: true };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session' })
  async end(@Owner() owner: SessionOwner, @Param('id') sessionId: string): Promise<void> {
    await this.conversations.endSession(owner, sessionId);
  }

  private view(state: Parameters<typeof toSessionView>[0]): SessionView {
    return toSessionView(state, this.settings.idleTimeoutMs, this.clock.now());
  }
}
