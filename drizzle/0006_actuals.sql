CREATE TABLE "forecast_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_on" date NOT NULL,
	"reason" text NOT NULL,
	"review_id" uuid,
	"method" text NOT NULL,
	"runs" integer NOT NULL,
	"seed" integer NOT NULL,
	"series" jsonb NOT NULL,
	CONSTRAINT "forecast_records_reason_check" CHECK ("forecast_records"."reason" in ('review', 'daily')),
	CONSTRAINT "forecast_records_method_check" CHECK ("forecast_records"."method" in ('pert', 'history'))
);
--> statement-breakpoint
CREATE TABLE "time_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"person_id" uuid,
	"on" date NOT NULL,
	"hours" numeric(4, 2) NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "time_entries_hours_check" CHECK ("time_entries"."hours" > 0 and "time_entries"."hours" <= 24)
);
--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "actual_start" date;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "actual_finish" date;--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "remaining_hours" double precision;--> statement-breakpoint
ALTER TABLE "forecast_records" ADD CONSTRAINT "forecast_records_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_records" ADD CONSTRAINT "forecast_records_review_id_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."reviews"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_person_id_users_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entries" ADD CONSTRAINT "time_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "forecast_records_roadmap_idx" ON "forecast_records" USING btree ("roadmap_id","method","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forecast_records_daily_key" ON "forecast_records" USING btree ("roadmap_id","method","recorded_on") WHERE "forecast_records"."reason" = 'daily';--> statement-breakpoint
CREATE INDEX "time_entries_item_idx" ON "time_entries" USING btree ("item_id","on");--> statement-breakpoint
CREATE INDEX "time_entries_team_person_idx" ON "time_entries" USING btree ("team_id","person_id");--> statement-breakpoint
CREATE INDEX "items_done_features_idx" ON "items" USING btree ("roadmap_id","actual_finish") WHERE "items"."status" = 'done' and "items"."kind" = 'feature' and "items"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_actuals_check" CHECK ("items"."actual_finish" is null or "items"."actual_start" is null or "items"."actual_start" <= "items"."actual_finish");--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "items_remaining_hours_check" CHECK ("items"."remaining_hours" is null or "items"."remaining_hours" >= 0);