import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

/** `GET /v1/sessions/:id/events?lastEventId=7`: the query form of `Last-Event-ID` (for clients that cannot set headers). */
export class EventsQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'Replay the durable events after this seq (the `Last-Event-ID` header wins when both are sent).' })
  @IsOptional()
  @Min(0, { message: 'must be a seq (0 or more)' })
  @IsInt({ message: 'must be a seq (0 or more)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? Number(value) : value))
  lastEventId?: number;
}
