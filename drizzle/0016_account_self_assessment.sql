CREATE TABLE `account_self_assessment` (
	`account_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`band` integer NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`account_id`, `criterion_id`),
	FOREIGN KEY (`account_id`) REFERENCES `account`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `criterion`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "account_self_assessment_band" CHECK("account_self_assessment"."band" BETWEEN 0 AND 5)
);
--> statement-breakpoint
ALTER TABLE `account` ADD `pdf_without_self_sha256` text;