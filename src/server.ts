// HTTP: POST /api/messages for the Bot Framework, GET /healthz for whoever watches the process,
// GET /rapport/* for the documents behind signed links.
import restify from 'restify';
import type { Logger } from './app/ports.js';
import type { BotRuntime } from './channel/runtime.js';
import { classifyFailure, failureFields, type Failure } from './errors/classify.js';
import { render } from './views/catalogue.js';
import { serverTexts, type ServerAnswer } from './views/serverTexts.js';
import { PUBLIC_PAGE_PATH } from './report/paths.js';
import { answerPublicPage, type PublicPageDeps } from './report/publicRoute.js';
import { answerReportRequest, type ReportRouteDeps } from './report/reportRoute.js';

/** How long /healthz waits for the store's answer. */
const READY_TIMEOUT_MS = 2000;

/** What the server needs: the bot, the logger, readiness and health, and optionally the documents. */
export interface ServerDeps {
  /** The bot on the SDK BOT_SDK chose: it authenticates a request, then runs its turn. */
  bot: Pick<BotRuntime, 'authenticate' | 'process'>;
  logger: Logger;
  /**
   * True while the store answers within `timeoutMs` (readiness: /healthz says 503 otherwise, with the
   * catalogue's code and fix when it rejects with why). Absent: always ready.
   */
  ready?: (timeoutMs: number) => Promise<boolean>;
  /** What /healthz shows when ready. */
  health: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  reports?: ReportRouteDeps;
  /** The public progress pages (PUBLIC_PAGES=on); without it /loften/* is 404. */
  publicPages?: PublicPageDeps;
}

/**
 * The bot's HTTP server (restify), not yet listening: POST /api/messages, GET /healthz, and when
 * their deps are given GET /rapport/:name and the public pages. A route that fails answers with a
 * short Swedish text (src/views/serverTexts.ts) and logs the failure with its catalogue code and fix.
 */
export function createServer(deps: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'medborgarlofte-bot', handleUncaughtExceptions: false });
  // 1 MB is far above any Teams activity; larger bodies get 413, not a crash.
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
  server.post('/api/messages', messagesRoute(deps));
  server.get('/healthz', healthRoute(deps));
  const reports = deps.reports;
  if (reports) {
    server.get(
      '/rapport/:name',
      documentRoute(deps.logger, 'could not make a report', 'server.reportFailed', (req) =>
        answerReportRequest(reports, req.getPath(), req.getQuery()),
      ),
    );
  }
  const publicPages = deps.publicPages;
  if (publicPages) {
    server.get(
      `${PUBLIC_PAGE_PATH}/:area`,
      documentRoute(deps.logger, 'could not make the public page', 'server.pageFailed', (req) =>
        answerPublicPage(publicPages, req.getPath(), req.getQuery(), req.header('if-none-match')),
      ),
    );
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

const say = (answer: ServerAnswer): string => render(serverTexts, answer);

/** POST /api/messages: the caller verified first, the same way for either SDK; then its turn. */
function messagesRoute(deps: ServerDeps): restify.RequestHandlerType {
  return async (req: restify.Request, res: restify.Response) => {
    try {
      const request = { headers: req.headers, body: req.body as unknown };
      // A refused request never reaches a turn.
      const authentication = await deps.bot.authenticate(request);
      if (!authentication.ok) {
        // The reason names the failed check; never the token.
        deps.logger.warn({ reason: authentication.reason, status: authentication.status }, 'request refused');
        res.send(authentication.status, {
          error: say({ code: authentication.status === 401 ? 'server.unauthorized' : 'server.activityRefused' }),
        });
        return;
      }
      const answer = await deps.bot.process(request, authentication.caller);
      if (answer.body === undefined) {
        res.writeHead(answer.status);
        res.end();
      } else res.send(answer.status, answer.body);
    } catch (error) {
      deps.logger.error({ err: error, ...failureFields(error) }, 'could not process an incoming activity');
      if (!res.headersSent) res.send(400, { error: say({ code: 'server.activityRefused' }) });
    }
  };
}

/**
 * GET /healthz: ready only while the store answers, so a load balancer sends no message to an
 * instance that could not store it. The check is bounded: a database that hangs gives a 503, not a hang.
 */
function healthRoute(deps: ServerDeps): restify.RequestHandlerType {
  const notReady = {
    status: 'unavailable',
    reason: say({ code: 'server.storeNotReady', timeoutMs: READY_TIMEOUT_MS }),
  };
  return async (_req: restify.Request, res: restify.Response) => {
    let timer: NodeJS.Timeout | undefined;
    let failure: Failure | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS + 500)));
    try {
      const ready = await Promise.race([
        (deps.ready?.(READY_TIMEOUT_MS) ?? Promise.resolve(true)).catch((error: unknown) => {
          failure = classifyFailure(error);
          // A load balancer asks every few seconds: the reason goes in the answer, the log stays quiet.
          deps.logger.debug({ err: error, ...failureFields(error) }, 'the readiness check failed');
          return false;
        }),
        late,
      ]);
      if (!ready) {
        res.send(503, { ...notReady, ...(failure ? { failure: failure.code, fix: failure.fix } : {}) });
        return;
      }
      res.send(200, { status: 'ok', ...(await deps.health()) });
    } catch (error) {
      deps.logger.error({ err: error, ...failureFields(error) }, 'the health check failed');
      if (!res.headersSent) res.send(503, notReady);
    } finally {
      clearTimeout(timer);
    }
  };
}

/** A GET route that answers with a made document; on failure a 500 with `failed`'s text, logged as `what`. */
function documentRoute(
  logger: Logger,
  what: string,
  failed: 'server.reportFailed' | 'server.pageFailed',
  answer: (req: restify.Request) => Promise<{ status: number; headers: Record<string, string>; body: string | Buffer }>,
): restify.RequestHandlerType {
  return async (req: restify.Request, res: restify.Response) => {
    try {
      const made = await answer(req);
      res.writeHead(made.status, made.headers);
      res.end(made.body);
    } catch (error) {
      logger.error({ err: error, ...failureFields(error), path: req.getPath() }, what);
      if (!res.headersSent) res.send(500, say({ code: failed }));
    }
  };
}
