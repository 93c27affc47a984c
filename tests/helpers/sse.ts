import type { LooseJson } from "./api";

export interface SseEvent {
  id?: string;
  data: LooseJson;
}

/**
 * Reads a text/event-stream answer as it arrives: every event is kept in `events`, and `waitFor`
 * resolves with the first one (from `from` on) that matches, or fails after a timeout.
 */
export class SseReader {
  readonly events: SseEvent[] = [];
  pings = 0;
  ended = false;
  private wake: (() => void) | null = null;
  private reader: ReadableStreamDefaultReader<string> | null = null;

  constructor(
    readonly response: Response,
    private readonly abort?: AbortController,
  ) {
    void this.pump();
  }

  private async pump() {
    const reader = (this.reader = this.response.body!.pipeThrough(new TextDecoderStream()).getReader());
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        this.notify();
      }
    } catch {
      // aborted
    }
    this.ended = true;
    this.notify();
  }

  private parse(frame: string) {
    let id: string | undefined;
    const data: string[] = [];
    for (const line of frame.split("\n")) {
      if (line.startsWith(":")) this.pings++;
      else if (line.startsWith("id: ")) id = line.slice(4);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    if (data.length) this.events.push({ id, data: JSON.parse(data.join("\n")) });
  }

  private notify() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async waitFor(predicate: (data: LooseJson) => boolean, timeoutMs = 5_000, from = 0): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find((e) => predicate(e.data));
      if (found) return found;
      if (this.ended)
        throw new Error(`The stream ended without a matching event: ${JSON.stringify(this.events)}`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`No matching event within ${timeoutMs} ms: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Resolves once the stream has ended (the server closed it); fails after `timeoutMs`. */
  async waitForEnd(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error(`The stream was still open after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Events of a type received so far. */
  ofType(type: string): LooseJson[] {
    return this.events.filter((e) => e.data.type === type).map((e) => e.data);
  }

  /** Goes away as a browser does: the request is aborted and the body cancelled. */
  close() {
    this.abort?.abort();
    void this.reader?.cancel().catch(() => {});
  }
}
