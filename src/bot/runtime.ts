// The bot on botbuilder (the default, BOT_SDK=botbuilder): botbuilder's token check as the host's
// authentication step, its CloudAdapter for the turn, the shared connector notifier for proactive sends.
import type { Activity } from 'botbuilder';
import { createConnectorNotifier } from '../channel/connectorNotifier.js';
import {
  botOptions,
  CallerFromAnotherSdkError,
  header,
  notifierOptions,
  type BotRuntime,
  type InboundRequest,
  type RuntimeDeps,
} from '../channel/runtime.js';
import { createAdapter, createAuthentication, type AuthenticateRequestResult } from './adapter.js';
import { connectorToken } from './connectorToken.js';
import { MedborgarBot } from './medborgarBot.js';

function activityOf(request: InboundRequest): Activity | undefined {
  const body = request.body;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const activity = body as Activity & { timestamp?: unknown; localTimestamp?: unknown };
  if (typeof activity.type !== 'string') return undefined;
  // What botbuilder's own CloudAdapter.process does (validateAndFixActivity): dates as Date.
  if (typeof activity.timestamp === 'string') activity.timestamp = new Date(activity.timestamp);
  if (typeof activity.localTimestamp === 'string') activity.localTimestamp = new Date(activity.localTimestamp);
  return activity;
}

export function createBotbuilderRuntime(deps: RuntimeDeps): BotRuntime {
  const authentication = createAuthentication(deps.config, deps.logger);
  const adapter = createAdapter(authentication, deps.logger);
  const bot = new MedborgarBot(deps.app, botOptions(deps));
  const auth = deps.config.auth;
  return {
    sdk: 'botbuilder',
    notifier: createConnectorNotifier(auth ? notifierOptions(deps, connectorToken(auth)) : {}),

    async authenticate(request) {
      const activity = activityOf(request);
      if (!activity) return { ok: false, status: 400, reason: 'no activity in the request body' };
      try {
        const result = await authentication.authenticateRequest(activity, header(request, 'authorization') ?? '');
        return { ok: true, caller: { sdk: 'botbuilder', claims: result, activity } };
      } catch (error) {
        // Every refusal is a 401: a bad signature escapes botframework-connector as jsonwebtoken's
        // error, and a forged request must never look like our fault.
        return { ok: false, status: 401, reason: error instanceof Error ? error.message : String(error) };
      }
    },

    async process(_request, caller) {
      // The body was read once, in authenticate.
      const activity = caller.activity as Activity | undefined;
      if (!activity) return { status: 400 };
      if (caller.sdk !== 'botbuilder') throw new CallerFromAnotherSdkError('botbuilder', caller.sdk);
      const answer = await adapter.runVerified(caller.claims as AuthenticateRequestResult, activity, (context) =>
        bot.run(context),
      );
      return answer
        ? { status: answer.status, ...(answer.body !== undefined ? { body: answer.body } : {}) }
        : { status: 200 };
    },
  };
}
