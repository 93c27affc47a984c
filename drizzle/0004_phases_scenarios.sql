CREATE TABLE "phases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"gate_title" text,
	"gate_outcome" text,
	"decision" text,
	"decision_notes" text,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_snapshot_id" uuid,
	"source_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "phases_dates_check" CHECK ("phases"."start_date" <= "phases"."end_date")
);
--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD COLUMN "scenario_status" text;--> statement-breakpoint
ALTER TABLE "roadmaps" ADD COLUMN "base_snapshot_id" uuid;--> statement-breakpoint
ALTER TABLE "workstreams" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "risks" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_decision_snapshot_id_snapshots_id_fk" FOREIGN KEY ("decision_snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "phases_roadmap_idx" ON "phases" USING btree ("roadmap_id","start_date");