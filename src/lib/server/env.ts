// The app's configuration, checked once at start (rules and messages: ./config.js, shared with
// the scripts and the built server's start). Scripts (seed, ledger tools) use this module too, so
// it reads process.env rather than SvelteKit's $env (adapter-node passes the environment through).
import { devMailEnabled, loadConfig, type AppConfig } from './config.js';

export type AppEnv = AppConfig;

export const env: AppEnv = loadConfig();

/** Whether `/dev/mail` and its footer link exist: DEV_MAIL=1 and not production. */
export const devMail: boolean = devMailEnabled(env);
