// The bot on botbuilder: a turn context becomes the SDK-neutral turn (src/channel/turn.ts).
import { TeamsInfo, type Activity, type TurnContext } from 'botbuilder';
import type { App } from '../app/app.js';
import { createTurnHandler, type BotOptions, type TurnHandler, type TurnIO } from '../channel/turn.js';

export type { BotOptions } from '../channel/turn.js';

function turnIO(context: TurnContext): TurnIO {
  return {
    send: async (message) => {
      await context.sendActivity(message);
    },
    update: async (id, message) => {
      await context.updateActivity({ ...(message as Partial<Activity>), id });
    },
    answerInvoke: async (status, body) => {
      await context.sendActivity({ type: 'invokeResponse', value: { status, body } });
    },
    memberUpn: async (userId) => (await TeamsInfo.getMember(context, userId)).userPrincipalName,
    // botbuilder has already checked that this claim equals the activity's serviceUrl (ChannelValidation).
    signedServiceUrl: context.turnState
      .get<{ claims?: { type: string; value: string }[] } | undefined>(context.adapter.BotIdentityKey)
      ?.claims?.find((c) => c.type === 'serviceurl')?.value,
  };
}

export class MedborgarBot {
  readonly #handle: TurnHandler;

  constructor(app: App, options: BotOptions) {
    this.#handle = createTurnHandler(app, options);
  }

  /** The CloudAdapter's turn logic: `adapter.processActivity(auth, activity, (c) => bot.run(c))`. */
  run(context: TurnContext): Promise<void> {
    return this.#handle(context.activity, turnIO(context));
  }
}
