import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller.js';
import { StoreReadiness } from './store-readiness.js';

// Terminus logs every failed probe as an error; the controller logs when readiness changes instead.
@Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController], providers: [StoreReadiness] })
export class HealthModule {}
