// Host client of the guest agent: frames requests onto a byte channel (the guest's ttyS1)
// and matches replies by id. Transport-agnostic so the same code runs in the browser worker
// and in Node (guest tests, snapshot build, bench).
import {
  AgentError,
  encodeRequest,
  type AgentMessage,
  type AgentRequestType,
  type AgentRequests,
} from "./protocol.ts";

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: AgentError) => void;
  timer: ReturnType<typeof setTimeout>;
}

export interface AgentClientOptions {
  /** Writes bytes to the agent's serial port. */
  send: (bytes: Uint8Array) => void;
  /** Called for unsolicited events (`ready` after the agent (re)starts, …). */
  onEvent?: (event: string, data: Record<string, unknown>) => void;
  /** Called for a line that is not JSON: a kernel message or a crash on the agent's tty. */
  onNoise?: (line: string) => void;
  defaultTimeoutMs?: number;
}

export class AgentClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();
  private partial = "";
  private readyWaiters: Array<() => void> = [];
  private isReady = false;

  constructor(private readonly options: AgentClientOptions) {}

  get ready(): boolean {
    return this.isReady;
  }

  /** Resolves once the agent has announced itself (immediately if it already has). */
  whenReady(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /**
   * Marks the agent as up without waiting for its `ready` line: after restoring a snapshot
   * taken while the agent was running, it will not announce itself again.
   */
  assumeReady(): void {
    this.setReady();
  }

  /** Feeds bytes received from the agent's serial port. */
  feed(bytes: Uint8Array | number): void {
    const chunk =
      typeof bytes === "number"
        ? this.decoder.decode(new Uint8Array([bytes]), { stream: true })
        : this.decoder.decode(bytes, { stream: true });
    let text = this.partial + chunk;
    let newline = text.indexOf("\n");
    while (newline >= 0) {
      this.handleLine(text.slice(0, newline).replace(/\r$/, ""));
      text = text.slice(newline + 1);
      newline = text.indexOf("\n");
    }
    this.partial = text;
  }

  request<T extends AgentRequestType>(
    type: T,
    params: AgentRequests[T]["params"],
    options: { timeoutMs?: number } = {},
  ): Promise<AgentRequests[T]["result"]> {
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? this.options.defaultTimeoutMs ?? 10_000;
    return new Promise<AgentRequests[T]["result"]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new AgentError("host_timeout", `agent did not answer ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        timer,
      });
      this.options.send(this.encoder.encode(encodeRequest(id, type, params)));
    });
  }

  /** Fails every open request, e.g. when the machine is reset under them. */
  failAll(code: "agent_restarted" | "closed", message: string): void {
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(new AgentError(code, message));
      this.pending.delete(id);
    }
    this.partial = "";
    if (code === "closed") this.isReady = false;
  }

  private setReady(): void {
    this.isReady = true;
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private handleLine(line: string): void {
    if (!line.trim()) return;
    let message: AgentMessage;
    try {
      message = JSON.parse(line) as AgentMessage;
    } catch {
      this.options.onNoise?.(line);
      return;
    }
    if ("event" in message) {
      if (message.event === "ready") {
        // A fresh agent knows nothing of requests sent to its predecessor.
        this.failAll("agent_restarted", "the guest agent restarted");
        this.setReady();
      }
      this.options.onEvent?.(message.event, message);
      return;
    }
    if (typeof message.id !== "number") {
      this.options.onNoise?.(line);
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return; // answered after its host-side timeout
    this.pending.delete(message.id);
    clearTimeout(pending.timer);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new AgentError(message.error.code, message.error.message));
  }
}
