ALTER TABLE `board` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `organisation` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `unit` ADD `version` integer DEFAULT 1 NOT NULL;