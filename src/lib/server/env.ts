// Reads and checks configuration once. Scripts (seed, ledger tools) use this module too, so it
// reads process.env rather than SvelteKit's $env (adapter-node passes the environment through).
import { existsSync } from 'node:fs';
import { z } from 'zod';

if (existsSync('.env') && typeof process.loadEnvFile === 'function') {
	process.loadEnvFile('.env');
}

const envSchema = z
	.object({
		NODE_ENV: z.string().default('development'),
		MONGODB_URI: z
			.string()
			.regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
			.optional(),
		MONGODB_DB: z
			.string()
			.regex(/^[A-Za-z0-9_-]{1,60}$/, 'letters, digits, - and _ only')
			.default('quartiermarkt'),
		/** Connections per app instance. FerretDB v1 on PostgreSQL hangs when more concurrent updates
		 * reach it than its own pool of 50 PostgreSQL connections: keep the sum over all instances
		 * below that (docs/architecture.md). */
		MONGODB_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(20),
		DATA_DIR: z.string().min(1).default('./data'),
		FERRETDB_BIN: z.string().optional(),
		SMTP_URL: z.string().url('must be a URL such as smtp://user:pass@host:587').optional(),
		MAIL_FROM: z.string().min(3).default('Quartiermarkt <no-reply@quartiermarkt.local>'),
		/** Card payments (server/payments/stripe.ts): both set, or neither (then none are offered). */
		STRIPE_SECRET_KEY: z
			.string()
			.regex(
				/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/,
				'must be a Stripe secret key (sk_live_…, sk_test_…)'
			)
			.optional(),
		/** One signing secret per webhook endpoint, comma-separated (the platform's endpoint and the
		 * Connect endpoint each have their own). */
		STRIPE_WEBHOOK_SECRET: z
			.string()
			.regex(
				/^whsec_[A-Za-z0-9_]+(,whsec_[A-Za-z0-9_]+)*$/,
				'must be whsec_… (several: comma-separated)'
			)
			.optional(),
		/** Tests only: where the Stripe API is, e.g. http://127.0.0.1:12111 for the local fake. */
		STRIPE_API_BASE: z
			.string()
			.regex(/^https?:\/\/[^/]+\/?$/, 'must be a base URL such as http://127.0.0.1:12111')
			.optional()
	})
	.refine((e) => !!e.STRIPE_SECRET_KEY === !!e.STRIPE_WEBHOOK_SECRET, {
		path: ['STRIPE_WEBHOOK_SECRET'],
		message: 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set together, or neither'
	});

export type AppEnv = z.infer<typeof envSchema> & { production: boolean };

function loadEnv(): AppEnv {
	const raw = Object.fromEntries(
		Object.entries(process.env).filter(([, value]) => value !== undefined && value !== '')
	);
	const parsed = envSchema.safeParse(raw);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(
			`Quartiermarkt cannot start: the configuration is invalid.\n${lines.join('\n')}\n` +
				'Fix these variables (see .env.example) and start again.'
		);
	}
	return { ...parsed.data, production: parsed.data.NODE_ENV === 'production' };
}

export const env: AppEnv = loadEnv();
