// "Between writes": every write to the store's files runs as a shared holder of the gate, and a
// snapshot (or anything else that reads the files whole) runs as its exclusive holder, so it starts
// only when no write is under way and no write starts until it is done; then the held writes go in
// the order they came. The storage has one gate per store folder (its file writes); the Store has
// one for its documents' and journals' commits.

export class WriteGate {
  #active = 0;
  #exclusive: Promise<void> | undefined;
  #idle: (() => void)[] = [];

  /** Runs one write; waits while a snapshot holds the gate. */
  async shared<T>(write: () => Promise<T>): Promise<T> {
    while (this.#exclusive) await this.#exclusive;
    this.#active++;
    try {
      return await write();
    } finally {
      this.#active--;
      if (this.#active === 0) for (const wake of this.#idle.splice(0)) wake();
    }
  }

  /** Runs `read` once the writes under way have finished, holding new ones back until it is done. */
  async exclusive<T>(read: () => Promise<T> | T): Promise<T> {
    while (this.#exclusive) await this.#exclusive;
    let release: () => void = () => undefined;
    this.#exclusive = new Promise<void>((resolve) => (release = resolve));
    try {
      if (this.#active > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
      return await read();
    } finally {
      this.#exclusive = undefined;
      release();
    }
  }
}
