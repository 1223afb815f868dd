ALTER TABLE `award_class` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `criterion` ADD `version` integer DEFAULT 1 NOT NULL;