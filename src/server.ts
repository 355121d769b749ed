// HTTP: POST /api/messages for the Bot Framework, GET /healthz for whoever watches the process,
// GET /rapport/* for the documents behind signed links.
import restify from 'restify';
import type { Logger } from './app/ports.js';
import type { BotRuntime } from './channel/runtime.js';
import { storeNotReadyText } from './views/healthTexts.js';
import { PUBLIC_PAGE_PATH } from './report/paths.js';
import { answerPublicPage, type PublicPageDeps } from './report/publicRoute.js';
import { answerReportRequest, type ReportRouteDeps } from './report/reportRoute.js';

/** How long /healthz waits for the store's answer. */
const READY_TIMEOUT_MS = 2000;

export interface ServerDeps {
  /** The bot on the SDK BOT_SDK chose: it authenticates a request, then runs its turn. */
  bot: Pick<BotRuntime, 'authenticate' | 'process'>;
  logger: Logger;
  /** True while the store answers within `timeoutMs` (readiness: /healthz says 503 otherwise). Absent: always ready. */
  ready?: (timeoutMs: number) => Promise<boolean>;
  /** What /healthz shows when ready. */
  health: () => Record<string, unknown> | Promise<Record<string, unknown>>;
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
      const request = { headers: req.headers, body: req.body as unknown };
      // The host verifies the caller first, the same way for either SDK; a refused request never reaches a turn.
      const authentication = await deps.bot.authenticate(request);
      if (!authentication.ok) {
        // The reason names the failed check; never the token.
        deps.logger.warn({ reason: authentication.reason, status: authentication.status }, 'request refused');
        res.send(authentication.status, {
          error: authentication.status === 401 ? 'Ej behörig.' : 'Aktiviteten kunde inte behandlas.',
        });
        return;
      }
      const answer = await deps.bot.process(request, authentication.caller);
      if (answer.body === undefined) {
        res.writeHead(answer.status);
        res.end();
      } else res.send(answer.status, answer.body);
    } catch (error) {
      deps.logger.error({ err: error }, 'could not process an incoming activity');
      if (!res.headersSent) res.send(400, { error: 'Aktiviteten kunde inte behandlas.' });
    }
  });

  // Ready only while the store answers: a load balancer then sends no message to an instance that
  // could not store it. The check is bounded, so a database that hangs gives a 503, not a hang.
  server.get('/healthz', async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS + 500)));
    try {
      const ready = await Promise.race([
        (deps.ready?.(READY_TIMEOUT_MS) ?? Promise.resolve(true)).catch(() => false),
        late,
      ]);
      if (!ready) {
        res.send(503, { status: 'unavailable', reason: storeNotReadyText(READY_TIMEOUT_MS) });
        return;
      }
      res.send(200, { status: 'ok', ...(await deps.health()) });
    } catch (error) {
      deps.logger.error({ err: error }, 'the health check failed');
      if (!res.headersSent) res.send(503, { status: 'unavailable', reason: storeNotReadyText(READY_TIMEOUT_MS) });
    } finally {
      clearTimeout(timer);
    }
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
    server.get(`${PUBLIC_PAGE_PATH}/:area`, async (req, res) => {
      try {
        const answer = await answerPublicPage(publicPages, req.getPath(), req.getQuery(), req.header('if-none-match'));
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
      } catch (error) {
        deps.logger.error({ err: error, path: req.getPath() }, 'could not make the public page');
        if (!res.headersSent) res.send(500, 'Sidan kunde inte tas fram just nu. Försök igen om en stund.');
      }
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
