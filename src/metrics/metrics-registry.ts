import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/** Every series this service exports starts with this. */
export const METRIC_PREFIX = 'abc_';

/**
 * The application's own Prometheus registry. prom-client's global registry is shared by everything in
 * the process, so two apps in one Jest process (or two Nest apps in one replica) would clash on it:
 * each app instance gets a fresh one instead.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    // Process CPU, memory, event-loop lag and GC, under their standard names.
    collectDefaultMetrics({ register: this.registry });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
