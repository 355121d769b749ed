// The bot on the Microsoft 365 Agents SDK (BOT_SDK=agents): the SDK's JWT check (authorizeJWT, which
// the SDK expects the host to run before CloudAdapter.process) as the host's authentication step,
// its CloudAdapter for the turn, and the shared connector notifier with the SDK's token for proactive sends.
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import {
  CloudAdapter,
  type ConnectorClient,
  type NextFunction,
  type TurnContext,
  type WebResponse,
} from '@microsoft/agents-hosting';
import type { ChannelActivity, InboundActivity } from '../channel/activity.js';
import { createConnectorNotifier } from '../channel/connectorNotifier.js';
import { readInboundActivity } from '../channel/inboundActivity.js';
import {
  botOptions,
  CallerFromAnotherSdkError,
  notifierOptions,
  type BotRuntime,
  type HttpAnswer,
  type InboundRequest,
  type RuntimeDeps,
} from '../channel/runtime.js';
import { answerTurnError, createTurnHandler, type TurnIO } from '../channel/turn.js';
import { agentsAuthConfiguration } from './authConfig.js';

type JwtClaims = NonNullable<Parameters<CloudAdapter['process']>[0]['user']>;

// The issuer of the Bot Framework channel's tokens (Teams, Azure Bot Service).
const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';

/**
 * False when a Bot Framework channel token (issuer api.botframework.com) names another serviceUrl
 * than the activity's: a token for one connector must not send the bot's answers (and its token)
 * to another. Tokens of other issuers (Entra, agent-to-agent) carry no serviceurl claim.
 */
export function channelTokenFitsActivity(claims: { iss?: unknown; serviceurl?: unknown }, activity: unknown): boolean {
  if (claims.iss !== BOT_FRAMEWORK_ISSUER) return true;
  const serviceUrl = (activity as { serviceUrl?: unknown } | undefined)?.serviceUrl;
  return typeof claims.serviceurl === 'string' && claims.serviceurl === serviceUrl;
}

// The Bot Connector's token audience, as the SDK's CloudAdapter asks for it for Azure Bot Service.
const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com';

/** A WebResponse (the shape the SDK writes to) that keeps the status and body for the host to send. */
class CapturedResponse implements WebResponse {
  headersSent = false;
  writableEnded = false;
  statusCode = 200;
  body: unknown = undefined;
  status(code: number): this {
    this.statusCode = code;
    return this;
  }
  setHeader(): this {
    return this;
  }
  send(body?: unknown): this {
    this.body = body;
    this.headersSent = true;
    return this;
  }
  end(): this {
    this.writableEnded = true;
    return this;
  }
  answer(): HttpAnswer {
    return this.body === undefined ? { status: this.statusCode } : { status: this.statusCode, body: this.body };
  }
}

/** The request as the Agents SDK reads it, with the body the host's check let in. */
function agentsRequest(
  request: InboundRequest,
  body: ChannelActivity,
): { method: 'POST'; headers: InboundRequest['headers']; body: Record<string, unknown> } {
  return { method: 'POST', headers: request.headers, body: body as Record<string, unknown> };
}

function turnIO(adapter: CloudAdapter, context: TurnContext): TurnIO {
  return {
    send: async (message) => {
      await context.sendActivity(Activity.fromObject(message));
    },
    update: async (id, message) => {
      await context.updateActivity(Activity.fromObject({ ...message, id }));
    },
    answerInvoke: async (status, body) => {
      await context.sendActivity(Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status, body } }));
    },
    memberUpn: async (userId) => {
      const client = context.turnState.get<ConnectorClient>(adapter.ConnectorClientKey);
      const conversationId = context.activity.conversation?.id;
      if (!client || !conversationId) return undefined;
      const member = (await client.getConversationMember(userId, conversationId)) as { userPrincipalName?: unknown };
      return typeof member.userPrincipalName === 'string' ? member.userPrincipalName : undefined;
    },
    // The SDK checks the claim against the activity only when told to (validateServiceUrl); the turn compares them.
    signedServiceUrl: typeof context.identity?.serviceurl === 'string' ? context.identity.serviceurl : undefined,
  };
}

export function createAgentsRuntime(deps: RuntimeDeps): BotRuntime {
  const { logger } = deps;
  const adapter = new CloudAdapter(agentsAuthConfiguration(deps.config));
  adapter.onTurnError = (context: TurnContext, error: Error) =>
    answerTurnError(logger, context.activity, (text) => context.sendActivity(text), error);
  const handle = createTurnHandler(deps.app, botOptions(deps));
  const token = () => adapter.connectionManager.getDefaultConnection().getAccessToken(BOT_CONNECTOR_SCOPE);

  return {
    sdk: 'agents',
    notifier: createConnectorNotifier(notifierOptions(deps, token)),

    async authenticate(request) {
      const inbound = readInboundActivity(request.body);
      if (!inbound.ok) return { ok: false, status: 400, reason: inbound.reason };
      const req: { user?: JwtClaims } & ReturnType<typeof agentsRequest> = agentsRequest(request, inbound.activity);
      const refusal = new CapturedResponse();
      let passed = false;
      const next: NextFunction = (err?: unknown) => {
        passed = err === undefined;
      };
      try {
        await adapter.authorizeRequest(req, refusal, next);
      } catch (error) {
        return { ok: false, status: 401, reason: error instanceof Error ? error.message : String(error) };
      }
      if (!passed || !req.user) {
        const detail = (refusal.body as { 'jwt-auth-error'?: unknown } | undefined)?.['jwt-auth-error'];
        return { ok: false, status: 401, reason: typeof detail === 'string' ? detail : 'unauthorized' };
      }
      // botbuilder refuses a channel token whose serviceurl claim is not the activity's serviceUrl
      // (ChannelValidation); the Agents SDK only logs it unless validateServiceUrl is set, and then
      // also refuses tokens that carry no such claim. Checked here, so both SDKs refuse the same.
      if (!channelTokenFitsActivity(req.user, req.body))
        return { ok: false, status: 401, reason: 'Unauthorized. ServiceUrl claim do not match.' };
      return { ok: true, caller: { sdk: 'agents', claims: req.user, activity: req.body } };
    },

    async process(request, caller) {
      if (caller.sdk !== 'agents') throw new CallerFromAnotherSdkError('agents', caller.sdk);
      // The body was read once, in authenticate.
      const body = caller.activity as Record<string, unknown> | undefined;
      if (!body) return { status: 400 };
      const req = { method: 'POST', headers: request.headers, body, user: caller.claims as JwtClaims };
      const response = new CapturedResponse();
      // The SDK's activity is read from the body authenticate let in (readInboundActivity).
      await adapter.process(req, response, (context) =>
        handle(context.activity as InboundActivity, turnIO(adapter, context)),
      );
      return response.answer();
    },
  };
}
