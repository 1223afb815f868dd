-- Every outbox message gets its Message-ID when it is queued, and keeps it for every attempt.
-- SQLite cannot add a NOT NULL column without a constant default, so the table is rebuilt, and the
-- messages already there get a random id now.
-- Outbox rows are never deleted, so the rebuilt table's AUTOINCREMENT goes on from the same id.
CREATE TABLE `__new_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` text NOT NULL,
	`to_address` text NOT NULL,
	`subject` text NOT NULL,
	`body_text` text NOT NULL,
	`body_html` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("id", "message_id", "to_address", "subject", "body_text", "body_html", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at") SELECT "id", '<' || lower(hex(randomblob(16))) || '@utmarkelse>', "to_address", "subject", "body_text", "body_html", "status", "attempts", "next_attempt_at", "last_error", "sent_at", "created_at" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_message_id_unique` ON `outbox` (`message_id`);
