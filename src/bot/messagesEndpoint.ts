// POST /api/messages as a plain request handler, so the HTTP server needs no Bot Framework type:
// a move to another bot SDK replaces this function, not the server.
import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Response } from 'restify';

export type MessagesHandler = (req: Request, res: Response) => Promise<void>;

export function messagesEndpoint(adapter: CloudAdapter, bot: ActivityHandler): MessagesHandler {
  return (req, res) => adapter.process(req, res, (context) => bot.run(context));
}
