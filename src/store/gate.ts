// Writes pass through one gate per store so that a backup (or anything else that reads the files)
// can run between writes: `exclusive` waits for the writes under way to end, holds new ones back
// while it runs, and then lets them go in the order they came.

export class WriteGate {
  #active = 0;
  #drained: (() => void) | undefined;
  #closed: Promise<void> | undefined;

  /** Runs one write; waits while an exclusive section holds the gate. */
  async pass<R>(write: () => Promise<R>): Promise<R> {
    while (this.#closed) await this.#closed;
    this.#active++;
    try {
      return await write();
    } finally {
      this.#active--;
      if (this.#active === 0) this.#drained?.();
    }
  }

  /** Runs `section` when no write is under way, with every new write held back until it ends. */
  async exclusive<R>(section: () => Promise<R> | R): Promise<R> {
    while (this.#closed) await this.#closed;
    let open!: () => void;
    this.#closed = new Promise<void>((resolve) => (open = resolve));
    try {
      if (this.#active > 0) await new Promise<void>((resolve) => (this.#drained = resolve));
      this.#drained = undefined;
      return await section();
    } finally {
      this.#closed = undefined;
      open();
    }
  }
}
