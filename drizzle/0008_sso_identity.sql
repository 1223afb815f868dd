CREATE TABLE `sso_identity` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`issuer` text NOT NULL,
	`subject` text NOT NULL,
	`bound_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sso_identity_issuer_subject_idx` ON `sso_identity` (`issuer`,`subject`);--> statement-breakpoint
ALTER TABLE `user` ADD `sso_required` integer DEFAULT false NOT NULL;