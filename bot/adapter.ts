import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions } from "botbuilder";
import type { BotConfig } from "./config";
import { describeError, type BotLogger } from "./logger";

/**
 * botbuilder's CloudAdapter for the bot's registration. Without an app id (local mode) it
 * accepts the Agents Playground's anonymous requests and sends without a token; with one it
 * validates every incoming request's token and signs what it sends.
 */
export function createAdapter(config: BotConfig, logger: BotLogger): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = config.appId
    ? {
        MicrosoftAppId: config.appId,
        MicrosoftAppPassword: config.appPassword,
        MicrosoftAppTenantId: config.tenantId,
        MicrosoftAppType: config.appType,
      }
    : {};
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(options));
  adapter.onTurnError = async (context, error) => {
    logger.error({ type: context.activity.type, error: describeError(error) }, "unhandled error in a bot turn");
  };
  return adapter;
}
