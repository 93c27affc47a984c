CREATE TABLE "risk_items" (
	"risk_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "risk_items_risk_id_item_id_pk" PRIMARY KEY("risk_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"roadmap_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"kind" text NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"owner_id" uuid,
	"delay_days" integer,
	"contingency" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "risks_likelihood_check" CHECK ("risks"."likelihood" between 1 and 5),
	CONSTRAINT "risks_impact_check" CHECK ("risks"."impact" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "staffing_plans" (
	"roadmap_id" uuid PRIMARY KEY NOT NULL,
	"hiring_lead_weeks" integer DEFAULT 8 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staffing_rows" (
	"roadmap_id" uuid NOT NULL,
	"skill_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"headcount" double precision NOT NULL,
	"hours_per_week" double precision NOT NULL,
	CONSTRAINT "staffing_rows_roadmap_id_skill_id_quarter_pk" PRIMARY KEY("roadmap_id","skill_id","quarter")
);
--> statement-breakpoint
ALTER TABLE "risk_items" ADD CONSTRAINT "risk_items_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_items" ADD CONSTRAINT "risk_items_item_id_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_plans" ADD CONSTRAINT "staffing_plans_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_rows" ADD CONSTRAINT "staffing_rows_roadmap_id_roadmaps_id_fk" FOREIGN KEY ("roadmap_id") REFERENCES "public"."roadmaps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_rows" ADD CONSTRAINT "staffing_rows_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "public"."skills"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "risk_items_item_idx" ON "risk_items" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "risks_roadmap_idx" ON "risks" USING btree ("roadmap_id");