import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | null = null;

/** Spends the time of a real check when no account matches, so timing does not tell whether
 * an address is registered. */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('quartiermarkt-dummy-password');
	await verifyPassword(await dummyHash, password);
	return false;
}
