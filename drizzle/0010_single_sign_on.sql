CREATE TABLE `sso_attempt` (
	`id` text PRIMARY KEY NOT NULL,
	`nonce` text NOT NULL,
	`code_verifier` text NOT NULL,
	`return_to` text,
	`client` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sso_attempt_client_idx` ON `sso_attempt` (`client`);--> statement-breakpoint
CREATE TABLE `sso_identity` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	`bound_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sso_identity_issuer_subject_idx` ON `sso_identity` (`issuer`,`subject`);--> statement-breakpoint
CREATE TABLE `sso_session` (
	`session_id` text PRIMARY KEY NOT NULL,
	`id_token` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `session`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `user` ADD `sso_required` integer DEFAULT false NOT NULL;