// The bot on botbuilder (the default, BOT_SDK=botbuilder): botbuilder's token check as the host's
// authentication step, its CloudAdapter for the turn, the shared connector notifier for proactive sends.
import type { Activity } from 'botbuilder';
import type { ChannelActivity } from '../channel/activity.js';
import { createConnectorNotifier } from '../channel/connectorNotifier.js';
import { readInboundActivity } from '../channel/inboundActivity.js';
import {
  botOptions,
  CallerFromAnotherSdkError,
  header,
  notifierOptions,
  type BotRuntime,
  type RuntimeDeps,
} from '../channel/runtime.js';
import { createAdapter, createAuthentication, type AuthenticateRequestResult } from './adapter.js';
import { connectorToken } from './connectorToken.js';
import { MedborgarBot } from './medborgarBot.js';

/** The activity as botbuilder reads it, once the host's check (readInboundActivity) has let it in. */
function botbuilderActivity(checked: ChannelActivity): Activity {
  const activity = checked as Activity & { timestamp?: unknown; localTimestamp?: unknown };
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
      const inbound = readInboundActivity(request.body);
      if (!inbound.ok) return { ok: false, status: 400, reason: inbound.reason };
      const activity = botbuilderActivity(inbound.activity);
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
