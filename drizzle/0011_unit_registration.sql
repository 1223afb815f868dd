CREATE TABLE `board_minutes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`board_id` integer,
	`dnr` text NOT NULL,
	`meeting_date` text NOT NULL,
	`received_at` integer NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`size` integer NOT NULL,
	`uploaded_by` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycle`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`board_id`) REFERENCES `board`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `board_minutes_cycle_org_idx` ON `board_minutes` (`cycle_id`,`organisation_id`);--> statement-breakpoint
CREATE TABLE `coordinator` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycle`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `coordinator_unique_idx` ON `coordinator` (`cycle_id`,`organisation_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `coordinator_user_idx` ON `coordinator` (`user_id`);--> statement-breakpoint
CREATE TABLE `reminder` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entry_id` integer NOT NULL,
	`kind` text NOT NULL,
	`deadline` text NOT NULL,
	`recipients` integer NOT NULL,
	`sent_by` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`entry_id`) REFERENCES `entry`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sent_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminder_entry_kind_deadline_idx` ON `reminder` (`entry_id`,`kind`,`deadline`);--> statement-breakpoint
CREATE TABLE `unit_proposal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`organisation_id` integer NOT NULL,
	`name` text NOT NULL,
	`class_id` integer NOT NULL,
	`contact_name` text NOT NULL,
	`contact_email` text NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`unit_id` integer,
	`proposed_by` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycle`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`class_id`) REFERENCES `award_class`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `unit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_proposal_cycle_idx` ON `unit_proposal` (`cycle_id`);--> statement-breakpoint
ALTER TABLE `entry` ADD `minutes_document_id` integer REFERENCES board_minutes(id);--> statement-breakpoint
ALTER TABLE `entry` ADD `registered_by` integer REFERENCES user(id);--> statement-breakpoint
ALTER TABLE `entry` ADD `confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `entry` ADD `confirmed_by` integer REFERENCES user(id);