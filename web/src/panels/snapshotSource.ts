// What the panels need from the VM host. The app implements it on top of the worker's agent
// client and the console's OSC 133 marks; tests implement it with fixtures.

export interface SnapshotSource {
  /** Sends the agent a `snapshot` request. The reply is validated here, so it stays `unknown`. */
  requestSnapshot(): Promise<unknown>;
  /** Calls `listener` whenever the shell reports a finished command (OSC 133;D). Returns an unsubscribe. */
  onCommandFinished(listener: () => void): () => void;
}
