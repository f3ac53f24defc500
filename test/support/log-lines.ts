/** A pino destination that keeps every line written, parsed, and the raw text (log tests). */
export class LogLines {
  readonly all: Record<string, unknown>[] = [];
  raw = '';

  write(chunk: string): void {
    this.raw += chunk;
    for (const line of chunk.split('\n').filter(Boolean)) this.all.push(JSON.parse(line) as Record<string, unknown>);
  }
}
