import { Transform } from 'class-transformer';
import { IsOptional, IsString } from 'class-validator';
import { AcceptsUnknownFields } from '../../http/validation/api-validation.pipe.js';

/** A repeated parameter (`?state=a&state=b`) counts by its first value; anything but text counts as absent. */
const first = ({ value }: { value: unknown }): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;

/**
 * The provider's redirect (`/v1/oauth/callback?state&code`, or `&error`, and `&iss`). Providers add
 * parameters of their own, so unknown ones are dropped rather than refused. Nothing here can fail:
 * what is wrong with the known ones is the callback's to say, on its own HTML page (never JSON).
 */
@AcceptsUnknownFields()
export class OauthCallbackQuery {
  @IsOptional() @IsString() @Transform(first) state?: string;
  @IsOptional() @IsString() @Transform(first) code?: string;
  @IsOptional() @IsString() @Transform(first) error?: string;
  @IsOptional() @IsString() @Transform(first) iss?: string;
}
