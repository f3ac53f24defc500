const MAX_LINES = 200;

interface Line {
  /** The seq of the last durable event seen when the line was sent: it goes before `after + 1`. */
  after: number;
  text: string;
}

/**
 * What the user said is not in the session's event log, so the page keeps it per tab
 * (sessionStorage survives a reload) and slots each line back in while the log replays.
 */
export class UserLines {
  private readonly key: string;
  private lines: Line[] = [];
  private shown = 0;

  constructor(sessionId: string) {
    this.key = `agent-builder:lines:${sessionId}`;
    try {
      this.lines = JSON.parse(sessionStorage.getItem(this.key) ?? '[]') as Line[];
    } catch {
      this.lines = [];
    }
  }

  /** Records a line the page has just shown; the returned handle can {@link forget} it. */
  add(after: number, text: string): object {
    const line: Line = { after, text };
    this.lines = [...this.lines, line].slice(-MAX_LINES);
    this.shown = this.lines.length;
    this.save();
    return line;
  }

  /**
   * Drops a recorded line whose turn failed or was stopped: the service kept nothing of that turn, so
   * a reload must not show it (the live page still does, next to the error or "Stopped.").
   */
  forget(handle: object): void {
    const index = this.lines.indexOf(handle as Line);
    if (index < 0) return;
    this.lines = this.lines.filter((_, i) => i !== index);
    if (index < this.shown) this.shown--;
    this.save();
  }

  private save(): void {
    try {
      sessionStorage.setItem(this.key, JSON.stringify(this.lines));
    } catch {
      // storage full or disabled: the line is only lost from a later reload
    }
  }

  /** The recorded lines that belong before the durable event `seq` and are not shown yet. */
  takeBefore(seq: number): string[] {
    const due: string[] = [];
    while (this.shown < this.lines.length && (this.lines[this.shown]?.after ?? Infinity) < seq) {
      due.push(this.lines[this.shown++]?.text ?? '');
    }
    return due;
  }
}
