import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { MetricsRegistry } from './metrics-registry.js';

/** Prometheus text exposition of this replica's registry. */
@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsRegistry) {}

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Prometheus metrics (text format 0.0.4)' })
  @ApiProduces('text/plain')
  async scrape(@Res() res: Response): Promise<void> {
    const body = await this.metrics.metrics();
    res.status(200).type(this.metrics.contentType).send(body);
  }
}
