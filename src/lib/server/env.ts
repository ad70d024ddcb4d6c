// The app's configuration (rules and messages: ./config.js, shared with the scripts and the
// built server's start, build/start.js). Scripts (seed, ledger tools) use this module too, so it
// reads process.env rather than SvelteKit's $env (adapter-node passes the environment through).
// Loading checks the variables' formats; what production refuses (no https ORIGIN, no SMTP_URL,
// a placeholder secret, DEV_MAIL) is checked when a server starts (`assertStartable`), since
// SvelteKit's build also loads this module in production mode.
import {
	checkConfig,
	describeProblems,
	devMailEnabled,
	loadConfig,
	type AppConfig
} from './config.js';

export type AppEnv = AppConfig;

export const env: AppEnv = loadConfig({ refusals: false });

/** Whether `/dev/mail` and its footer link exist: DEV_MAIL=1 and not production. */
export const devMail: boolean = devMailEnabled(env);

/** Throws with one line per problem when this configuration must not serve (hooks init). */
export function assertStartable(): void {
	const checked = checkConfig(process.env);
	if (!checked.ok) throw new Error(describeProblems(checked.problems));
}
