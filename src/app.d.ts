import type { SessionValidation } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionValidation['user'];
			session: SessionValidation['session'];
		}
		interface Error {
			message: string;
			reference?: string;
		}
	}
}

export {};
