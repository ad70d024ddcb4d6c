import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	checkConfig,
	describeProblems,
	devMailEnabled,
	EXIT_BAD_CONFIG,
	isPlaceholder
} from './config.js';

const GOOD_PRODUCTION = {
	NODE_ENV: 'production',
	ORIGIN: 'https://quartiermarkt.suedstadt-bonn.de',
	SMTP_URL: 'smtps://qm:s3cr3t-Pa55@mail.suedstadt-bonn.de:465'
};

function problems(env: Record<string, string | undefined>): string[] {
	const checked = checkConfig(env);
	return checked.ok ? [] : checked.problems;
}

describe('production configuration', () => {
	it('starts with an https ORIGIN, SMTP_URL and real secrets', () => {
		const checked = checkConfig({
			...GOOD_PRODUCTION,
			STRIPE_SECRET_KEY: 'sk_live_51AbCdEfGh',
			STRIPE_WEBHOOK_SECRET: 'whsec_Q1w2E3r4'
		});
		expect(checked).toMatchObject({ ok: true, config: { production: true, DEV_MAIL: false } });
	});

	it('refuses STRIPE_API_BASE with a live key, in development too', () => {
		const live = {
			STRIPE_SECRET_KEY: 'sk_live_51AbCdEfGh',
			STRIPE_WEBHOOK_SECRET: 'whsec_Q1w2E3r4',
			STRIPE_API_BASE: 'http://127.0.0.1:12111'
		};
		const refusal =
			'STRIPE_API_BASE: must not be set with a live key (sk_live_…): it would send the key to that host';
		expect(problems({ ...GOOD_PRODUCTION, ...live })).toEqual([refusal]);
		expect(problems({ NODE_ENV: 'development', ...live })).toEqual([refusal]);
		expect(
			problems({ NODE_ENV: 'development', ...live, STRIPE_SECRET_KEY: 'sk_test_51Ab' })
		).toEqual([]);
	});

	it('refuses a missing ORIGIN', () => {
		expect(problems({ ...GOOD_PRODUCTION, ORIGIN: undefined })).toEqual([
			'ORIGIN: is not set; production needs the public https address, e.g. ORIGIN=https://quartiermarkt.your-city.de'
		]);
	});

	it('refuses an http ORIGIN', () => {
		expect(problems({ ...GOOD_PRODUCTION, ORIGIN: 'http://qm.suedstadt-bonn.de' })).toEqual([
			'ORIGIN: is http://qm.suedstadt-bonn.de; production needs an https:// address (sessions and forms depend on it)'
		]);
	});

	it('refuses a missing SMTP_URL', () => {
		expect(problems({ ...GOOD_PRODUCTION, SMTP_URL: '' })).toEqual([
			'SMTP_URL: is not set; production sends mail (sign-up, password reset) through SMTP, e.g. SMTP_URL=smtp://user:pass@mail.your-provider.de:587'
		]);
	});

	it.each([
		['STRIPE_SECRET_KEY', 'sk_test_...', 'STRIPE_WEBHOOK_SECRET', 'whsec_R34l'],
		['STRIPE_SECRET_KEY', 'sk_test_xxx', 'STRIPE_WEBHOOK_SECRET', 'whsec_R34l'],
		['STRIPE_SECRET_KEY', 'change-me', 'STRIPE_WEBHOOK_SECRET', 'whsec_R34l'],
		['STRIPE_WEBHOOK_SECRET', 'whsec_...,whsec_...', 'STRIPE_SECRET_KEY', 'sk_live_R34l'],
		['STRIPE_WEBHOOK_SECRET', 'whsec_xxxxxxxx', 'STRIPE_SECRET_KEY', 'sk_live_R34l'],
		['SMTP_URL', 'smtp://user:password@smtp.example.org:587', 'LOG_LEVEL', 'info'],
		[
			'MONGODB_URI',
			'mongodb://user:password@db.example.org:27017/?replicaSet=rs0',
			'LOG_LEVEL',
			'info'
		],
		['ORIGIN', 'https://quartiermarkt.example.org', 'LOG_LEVEL', 'info']
	])('refuses the placeholder %s=%s', (variable, value, other, otherValue) => {
		expect(problems({ ...GOOD_PRODUCTION, [variable]: value, [other]: otherValue })).toEqual([
			`${variable}: is still a placeholder (as in .env.example); set the real value or remove the line`
		]);
	});

	it('refuses DEV_MAIL', () => {
		expect(problems({ ...GOOD_PRODUCTION, DEV_MAIL: '1' })).toEqual([
			'DEV_MAIL: is on; /dev/mail shows every password-reset link and never runs in production: remove DEV_MAIL'
		]);
	});

	it('names every problem at once, one line each', () => {
		const found = problems({
			NODE_ENV: 'production',
			ORIGIN: 'http://localhost:3000',
			STRIPE_SECRET_KEY: 'sk_test_xxx',
			STRIPE_WEBHOOK_SECRET: 'whsec_...',
			DEV_MAIL: '1',
			MONGODB_MAX_POOL_SIZE: 'many'
		});
		expect(found.map((line) => line.split(':')[0])).toEqual([
			'MONGODB_MAX_POOL_SIZE',
			'ORIGIN',
			'SMTP_URL',
			'STRIPE_SECRET_KEY',
			'STRIPE_WEBHOOK_SECRET',
			'DEV_MAIL'
		]);
		const report = describeProblems(found);
		expect(report.split('\n')).toHaveLength(found.length + 2);
		expect(report).toMatch(/^Quartiermarkt cannot start: .* has 6 problems:/);
	});

	it('leaves development alone, and /dev/mail off unless DEV_MAIL=1', () => {
		const dev = checkConfig({ NODE_ENV: 'development' });
		expect(dev.ok && devMailEnabled(dev.config)).toBe(false);
		const on = checkConfig({ NODE_ENV: 'development', DEV_MAIL: '1' });
		expect(on.ok && devMailEnabled(on.config)).toBe(true);
		const test = checkConfig({ NODE_ENV: 'test', DEV_MAIL: '1' });
		expect(test.ok && devMailEnabled(test.config)).toBe(true);
	});

	it('takes real keys as no placeholders', () => {
		expect(isPlaceholder('sk_live_51HqLyjWDarjtT1zdp7dc')).toBe(false);
		expect(isPlaceholder('whsec_quartiermarkt_local_fake')).toBe(false);
		expect(isPlaceholder('https://quartiermarkt.suedstadt-bonn.de')).toBe(false);
	});
});

describe('npm start reads .env', () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'qm-start-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const start = path.resolve('scripts/start.js');
	const cleanEnv = Object.fromEntries(
		Object.entries(process.env).filter(
			([k]) => !/^(NODE_ENV|ORIGIN|SMTP_URL|DEV_MAIL|STRIPE_|MONGODB_|ENV_FILE|PORT)/.test(k)
		)
	);

	it('refuses the production configuration in .env of the working directory, one line each', () => {
		writeFileSync(
			path.join(dir, '.env'),
			'ORIGIN=http://qm.suedstadt-bonn.de\nDEV_MAIL=1\nSMTP_URL=smtp://qm:geheim@mail.suedstadt-bonn.de:587\n'
		);
		const result = spawnSync(process.execPath, [start], {
			cwd: dir,
			env: cleanEnv,
			encoding: 'utf8'
		});
		expect(result.status).toBe(EXIT_BAD_CONFIG);
		expect(result.stderr).toContain('has 2 problems');
		expect(result.stderr).toContain(
			'  ✖ ORIGIN: is http://qm.suedstadt-bonn.de; production needs an https:// address'
		);
		expect(result.stderr).toContain('  ✖ DEV_MAIL: is on;');
	});

	it('lets real environment variables win over .env', () => {
		// ORIGIN from the environment is fine; DEV_MAIL from .env still stops the start.
		const result = spawnSync(process.execPath, [start], {
			cwd: dir,
			env: { ...cleanEnv, ORIGIN: 'https://qm.suedstadt-bonn.de' },
			encoding: 'utf8',
			timeout: 10_000
		});
		expect(result.status).toBe(EXIT_BAD_CONFIG);
		expect(result.stderr).toContain('has a problem');
		expect(result.stderr).not.toContain('ORIGIN');
		expect(result.stderr).toContain('  ✖ DEV_MAIL: is on;');
	});
});
