// A TCP proxy on loopback between the bot and its database, for the faults a network makes: pass
// (forward), refuse (cut every connection and refuse new ones) or hang (accept, forward nothing).
import net from 'node:net';

type Mode = 'pass' | 'refuse' | 'hang';

export class TcpProxy {
  #mode: Mode = 'pass';
  readonly #pairs = new Set<{ client: net.Socket; upstream?: net.Socket }>();
  readonly #server = net.createServer((client) => this.#accept(client));

  constructor(private readonly target: { host: string; port: number }) {}

  /** Listens on a free loopback port; resolves with it. */
  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    return (this.#server.address() as net.AddressInfo).port;
  }

  /** Switches the mode; any connection made before is cut, so the client must make new ones. */
  set(mode: Mode): void {
    this.#mode = mode;
    if (mode === 'hang') {
      for (const { client, upstream } of this.#pairs) {
        if (!upstream) continue;
        client.unpipe(upstream);
        upstream.unpipe(client);
      }
    } else this.#cutAll();
  }

  async stop(): Promise<void> {
    this.#cutAll();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #cutAll(): void {
    for (const { client, upstream } of this.#pairs) {
      client.destroy();
      upstream?.destroy();
    }
    this.#pairs.clear();
  }

  #accept(client: net.Socket): void {
    client.on('error', () => undefined);
    if (this.#mode === 'refuse') {
      client.destroy();
      return;
    }
    if (this.#mode === 'hang') {
      this.#pairs.add({ client });
      return;
    }
    const upstream = net.connect(this.target.port, this.target.host);
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    this.#pairs.add({ client, upstream });
  }
}
