import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ERROR_STATUS, type ErrorCode } from './errors.js';

/** Body of every error answer (API.md, "Errors"). */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
}

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
};

/** Maps anything thrown to the API's error shape; never a stack trace. `statusCode` always matches `code`. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) return { statusCode: error.status, code: error.code, message: error.message };
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const code = HTTP_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
    const message = status === 404 ? 'No such route.' : status >= 500 ? 'Something went wrong on our side.' : error.message;
    return body(code, message);
  }
  // Express body-parser errors carry a status and a type (malformed JSON, too large, unsupported charset).
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return body('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    const unsupported = typeof type === 'string' && /(charset|encoding)\.unsupported/.test(type);
    return body('VALIDATION_FAILED', unsupported ? 'The request body uses an unsupported encoding.' : 'The request body is not valid JSON.');
  }
  return body('INTERNAL_ERROR', 'Something went wrong on our side; nothing was changed.');
}

function body(code: ErrorCode, message: string): ErrorBody {
  return { statusCode: ERROR_STATUS[code], code, message };
}

@Catch()
export class DomainExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainExceptionFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(error);
    // As an object, so that pino's error serializer writes the type, message and stack (a second argument is dropped).
    if (body.statusCode >= 500 && body.code === 'INTERNAL_ERROR') this.logger.error({ msg: 'Unhandled error', err: error });
    if (res.headersSent) {
      if (!res.writableEnded) res.end();
      return;
    }
    sendError(res, error, body);
  }
}

/**
 * Answers with the API's error body, and `Retry-After` when the error says how long to wait (429, 503).
 * The one writer of error answers: the filter, and the routes and middleware that answer by hand.
 */
export function sendError(res: Response, error: unknown, body: ErrorBody = toErrorBody(error)): void {
  const retryAfter = error instanceof DomainError ? error.details?.['retryAfterSeconds'] : undefined;
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
  res.status(body.statusCode).json(body);
}
