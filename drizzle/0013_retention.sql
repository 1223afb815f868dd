CREATE TABLE `retention_policy` (
	`cycle_id` integer PRIMARY KEY NOT NULL,
	`months` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `cycle`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `retention_step` (
	`cycle_id` integer NOT NULL,
	`kind` text NOT NULL,
	`count` integer NOT NULL,
	`done_at` integer NOT NULL,
	`done_by` integer,
	PRIMARY KEY(`cycle_id`, `kind`),
	FOREIGN KEY (`cycle_id`) REFERENCES `cycle`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`done_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
