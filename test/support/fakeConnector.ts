// A fake Bot Connector on loopback: it records every activity the bot posts (turn replies and
// proactive messages) or replaces (PUT, a submitted card's answer) and answers as scripted: 200 by default, or 429 / 500 / 403 / a hang.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorRequest {
  method: string;
  path: string;
  /** The conversation id from the path, decoded. */
  conversationId: string;
  /** Set when the bot answered an activity (POST …/activities/{replyToId}); undefined for a new message. */
  replyToId?: string;
  /** Set when the bot replaced one of its messages (PUT …/activities/{id}, a submitted card's answer). */
  updatedId?: string;
  authorization?: string;
  activity: {
    type?: string;
    text?: string;
    attachments?: {
      contentType: string;
      content: { type?: string; body?: unknown[]; actions?: { type: string; title?: string; data?: unknown }[] };
    }[];
    [key: string]: unknown;
  };
  receivedAt: number;
  status: number;
}

interface ScriptedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Never answer (the client's timeout must fire). */
  hang?: boolean;
}

export type Script = (request: Omit<ConnectorRequest, 'status'>, index: number) => ScriptedAnswer | undefined;

export class FakeConnector {
  readonly requests: ConnectorRequest[] = [];
  #server: Server | undefined;
  #script: Script = () => undefined;
  #hanging: ServerResponse[] = [];
  #nextId = 1;

  get url(): string {
    const address = this.#server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('fake connector not started');
    return `http://127.0.0.1:${address.port}`;
  }

  /** Answers for the coming requests; undefined from the script means 200. */
  script(script: Script): void {
    this.#script = script;
  }

  /** The personal chats the bot opened (Bot Framework createConversation): the request bodies. */
  readonly created: { body: Record<string, unknown>; status: number; conversationId?: string }[] = [];

  /** Answers createConversation as Teams does for a personal chat: the same id for the same member, or as scripted. */
  private createConversation(raw: string, res: ServerResponse, authorization: string | undefined): void {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const member = ((body.members as { id?: string }[] | undefined) ?? [])[0]?.id ?? '';
    const request = {
      method: 'POST',
      path: '/v3/conversations',
      conversationId: '',
      ...(authorization ? { authorization } : {}),
      activity: body,
      receivedAt: Date.now(),
    };
    const answer = this.#script(request, this.requests.length) ?? { status: 200 };
    const conversationId = `a:personal-${member}`;
    this.created.push({ body, status: answer.status, ...(answer.status < 300 ? { conversationId } : {}) });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(answer.status < 300 ? { id: conversationId } : { error: { code: 'Forbidden' } }));
  }

  /** New messages (not replies to a turn) posted to the conversation. */
  proactive(conversationId?: string): ConnectorRequest[] {
    return this.requests.filter(
      (r) =>
        r.replyToId === undefined &&
        r.updatedId === undefined &&
        (conversationId === undefined || r.conversationId === conversationId),
    );
  }

  /** Replies the bot sent in answer to a turn in the conversation. */
  replies(conversationId?: string): ConnectorRequest[] {
    return this.requests.filter(
      (r) => r.replyToId !== undefined && (conversationId === undefined || r.conversationId === conversationId),
    );
  }

  /** Messages the bot replaced in place (a submitted card becoming its confirmation). */
  updates(conversationId?: string): ConnectorRequest[] {
    return this.requests.filter(
      (r) => r.updatedId !== undefined && (conversationId === undefined || r.conversationId === conversationId),
    );
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.#server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    for (const res of this.#hanging) res.destroy();
    this.#hanging = [];
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST' && path === '/v3/conversations') {
      this.createConversation(Buffer.concat(chunks).toString('utf8'), res, req.headers.authorization);
      return;
    }
    const m = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/u.exec(path);
    const put = req.method === 'PUT' && m?.[2] !== undefined;
    if ((req.method !== 'POST' && !put) || !m) {
      res.writeHead(404);
      res.end();
      return;
    }
    let activity: ConnectorRequest['activity'] = {};
    try {
      activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ConnectorRequest['activity'];
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    const request = {
      method: req.method ?? 'POST',
      path,
      conversationId: decodeURIComponent(m[1] ?? ''),
      ...(m[2] && !put ? { replyToId: decodeURIComponent(m[2]) } : {}),
      ...(m[2] && put ? { updatedId: decodeURIComponent(m[2]) } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      activity,
      receivedAt: Date.now(),
    };
    const answer = this.#script(request, this.requests.length) ?? { status: 200 };
    this.requests.push({ ...request, status: answer.hang ? 0 : answer.status });
    if (answer.hang) {
      this.#hanging.push(res);
      return;
    }
    const body =
      answer.body ??
      (answer.status < 300
        ? { id: `activity-${this.#nextId++}` }
        : { error: { code: `HTTP${answer.status}`, message: 'scripted' } });
    // Not chained: restify, loaded by the bot's server, patches ServerResponse and writeHead returns nothing.
    res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.headers ?? {}) });
    res.end(JSON.stringify(body));
  }
}

/** The card attachments of a posted activity. */
export function cardsOf(request: ConnectorRequest): NonNullable<ConnectorRequest['activity']['attachments']> {
  return (request.activity.attachments ?? []).filter(
    (a) => a.contentType === 'application/vnd.microsoft.card.adaptive',
  );
}
