import type { Locale } from '$lib/domain/locale';
import type { Session } from '$lib/server/auth/sessions';
import type { User } from '$lib/server/repos/users';

declare global {
	namespace App {
		interface Locals {
			user: User | null;
			session: Session | null;
			locale: Locale;
			requestId: string;
		}
		interface Error {
			message: string;
			errorId?: string;
		}
	}
}

export {};
