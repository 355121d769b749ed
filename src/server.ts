// HTTP: POST /api/messages for the Bot Framework, GET /healthz for whoever watches the process,
// GET /rapport/* for the documents behind signed links.
import restify from 'restify';
import type { Logger } from './app/ports.js';
import type { MessagesHandler } from './bot/messagesEndpoint.js';
import { PUBLIC_PAGE_PATH } from './report/paths.js';
import { answerPublicPage, type PublicPageDeps } from './report/publicRoute.js';
import { answerReportRequest, type ReportRouteDeps } from './report/reportRoute.js';

export interface ServerDeps {
  messages: MessagesHandler;
  logger: Logger;
  health: () => Record<string, unknown>;
  reports?: ReportRouteDeps;
  /** The public progress pages (PUBLIC_PAGES=on); without it /loften/* is 404. */
  publicPages?: PublicPageDeps;
}

export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'medborgarlofte-bot', handleUncaughtExceptions: false });
  // 1 MB is far above any Teams activity; larger bodies get 413, not a crash.
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.post('/api/messages', async (req, res) => {
    try {
      await deps.messages(req, res);
    } catch (error) {
      deps.logger.error({ err: error }, 'could not process an incoming activity');
      if (!res.headersSent) res.send(400, { error: 'Aktiviteten kunde inte behandlas.' });
    }
  });

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok', ...deps.health() });
    return next();
  });

  const reports = deps.reports;
  if (reports) {
    server.get('/rapport/:name', async (req, res) => {
      try {
        const answer = await answerReportRequest(reports, req.getPath(), req.getQuery());
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      } catch (error) {
        deps.logger.error({ err: error, path: req.getPath() }, 'could not make a report');
        if (!res.headersSent) res.send(500, 'Rapporten kunde inte tas fram just nu. Försök igen om en stund.');
      }
    });
  }

  const publicPages = deps.publicPages;
  if (publicPages) {
    server.get(`${PUBLIC_PAGE_PATH}/:area`, (req, res, next) => {
      try {
        const answer = answerPublicPage(publicPages, req.getPath(), req.getQuery(), req.header('if-none-match'));
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      } catch (error) {
        deps.logger.error({ err: error, path: req.getPath() }, 'could not make the public page');
        if (!res.headersSent) res.send(500, 'Sidan kunde inte tas fram just nu. Försök igen om en stund.');
      }
      return next();
    });
  }

  server.on(
    'restifyError',
    (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
      deps.logger.warn({ err, url: req.url, status: err.statusCode }, 'request refused');
      callback();
    },
  );
  return server;
}
