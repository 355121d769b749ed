// HTTP: POST /api/messages for the Bot Framework, GET /healthz for whoever watches the process.
import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from './app/ports.js';

export interface ServerDeps {
  adapter: CloudAdapter;
  bot: ActivityHandler;
  logger: Logger;
  health: () => Record<string, unknown>;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'medborgarlofte-bot', handleUncaughtExceptions: false });
  // 1 MB is far above any Teams activity; larger bodies get 413, not a crash.
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    try {
      await deps.adapter.process(req, res, (context) => deps.bot.run(context));
    } catch (error) {
      deps.logger.error({ err: error }, 'could not process an incoming activity');
      if (!res.headersSent) res.send(400, { error: 'Aktiviteten kunde inte behandlas.' });
    }
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', ...deps.health() });
    return next();
  });

  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    deps.logger.warn({ err, url: req.url, status: err.statusCode }, 'request refused');
    callback();
  });
  return server;
}
