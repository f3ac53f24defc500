import { Test } from '@nestjs/testing';
import { type LoggerService, Logger } from '@nestjs/common';
import { FakeClock } from '../../common/clock.js';
import { SessionStore } from '../../conversation/store/session-store.js';
import { CredentialStore } from '../credential-store.js';
import { DevOauthServer } from '../dev-oauth-server.js';
import { OauthModule } from '../oauth.module.js';
import { OauthService } from '../oauth.service.js';
import { oauthCoreFixture } from './oauth-core.fixture.js';

/** Every line logged while it is installed, to check that no secret reaches a log. */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  log(message: unknown, ...rest: unknown[]): void {
    this.lines.push([message, ...rest].map(String).join(' '));
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.log(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.log(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.log(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.log(message, ...rest);
  }
}

/** `OauthService` as `OauthModule` wires it, over the core fixture, with its collaborators at hand. */
export async function oauthServiceFixture(env: Record<string, string>) {
  const clock = new FakeClock();
  const logger = new CapturingLogger();
  const moduleRef = await Test.createTestingModule({ imports: [oauthCoreFixture(env, clock), OauthModule] }).compile();
  moduleRef.useLogger(logger);
  Logger.overrideLogger(logger);
  return {
    clock,
    logger,
    service: moduleRef.get(OauthService),
    sessions: moduleRef.get<SessionStore>(SessionStore),
    credentials: moduleRef.get<CredentialStore>(CredentialStore),
    devServer: moduleRef.get(DevOauthServer),
  };
}
