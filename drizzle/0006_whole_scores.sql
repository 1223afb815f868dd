PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_assessment_score` (
	`assessment_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`score` integer,
	`strengths` text DEFAULT '[]' NOT NULL,
	`improvements` text DEFAULT '[]' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`assessment_id`, `criterion_id`),
	FOREIGN KEY (`assessment_id`) REFERENCES `assessment`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `criterion`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "assessment_score_whole" CHECK("__new_assessment_score"."score" IS NULL OR (typeof("__new_assessment_score"."score") = 'integer' AND "__new_assessment_score"."score" BETWEEN 0 AND 100))
);
--> statement-breakpoint
INSERT INTO `__new_assessment_score`("assessment_id", "criterion_id", "score", "strengths", "improvements", "notes") SELECT "assessment_id", "criterion_id", "score", "strengths", "improvements", "notes" FROM `assessment_score`;--> statement-breakpoint
DROP TABLE `assessment_score`;--> statement-breakpoint
ALTER TABLE `__new_assessment_score` RENAME TO `assessment_score`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `assessment_score_ranking_idx` ON `assessment_score` (`assessment_id`,`criterion_id`,`score`);--> statement-breakpoint
CREATE TABLE `__new_consensus_score` (
	`consensus_id` integer NOT NULL,
	`criterion_id` integer NOT NULL,
	`score` integer,
	`strengths` text DEFAULT '[]' NOT NULL,
	`improvements` text DEFAULT '[]' NOT NULL,
	PRIMARY KEY(`consensus_id`, `criterion_id`),
	FOREIGN KEY (`consensus_id`) REFERENCES `consensus`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`criterion_id`) REFERENCES `criterion`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "consensus_score_whole" CHECK("__new_consensus_score"."score" IS NULL OR (typeof("__new_consensus_score"."score") = 'integer' AND "__new_consensus_score"."score" BETWEEN 0 AND 100))
);
--> statement-breakpoint
INSERT INTO `__new_consensus_score`("consensus_id", "criterion_id", "score", "strengths", "improvements") SELECT "consensus_id", "criterion_id", "score", "strengths", "improvements" FROM `consensus_score`;--> statement-breakpoint
DROP TABLE `consensus_score`;--> statement-breakpoint
ALTER TABLE `__new_consensus_score` RENAME TO `consensus_score`;--> statement-breakpoint
CREATE INDEX `consensus_score_ranking_idx` ON `consensus_score` (`consensus_id`,`criterion_id`,`score`);