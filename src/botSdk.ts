// BOT_SDK → the bot runtime. Each SDK is loaded only when chosen, so a deployment on one never
// loads the other.
import type { BotRuntime, RuntimeDeps } from './channel/runtime.js';

/** The runtime for deps.config.botSdk: botbuilder (src/bot) or the Microsoft 365 Agents SDK (src/bot-agents). */
export async function createBotRuntime(deps: RuntimeDeps): Promise<BotRuntime> {
  if (deps.config.botSdk === 'agents') return (await import('./bot-agents/runtime.js')).createAgentsRuntime(deps);
  return (await import('./bot/runtime.js')).createBotbuilderRuntime(deps);
}
