PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_account_self_assessment` (
	`account_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`band` integer,
	`reason` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`account_id`, `criterion_id`),
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `criterion`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "account_self_assessment_band" CHECK("__new_account_self_assessment"."band" BETWEEN 0 AND 5)
);
--> statement-breakpoint
INSERT INTO `__new_account_self_assessment`("account_id", "criterion_id", "band", "reason") SELECT "account_id", "criterion_id", "band", "reason" FROM `account_self_assessment`;--> statement-breakpoint
DROP TABLE `account_self_assessment`;--> statement-breakpoint
ALTER TABLE `__new_account_self_assessment` RENAME TO `account_self_assessment`;--> statement-breakpoint
PRAGMA foreign_keys=ON;