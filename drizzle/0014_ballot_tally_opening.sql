CREATE TABLE `tally_opening` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`class_id` integer NOT NULL,
	`opened_by` integer NOT NULL,
	`opened_at` integer NOT NULL,
	FOREIGN KEY (`class_id`) REFERENCES `award_class`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opened_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tally_opening_class_id_unique` ON `tally_opening` (`class_id`);