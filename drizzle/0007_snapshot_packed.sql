ALTER TABLE "snapshots" ALTER COLUMN "document" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "snapshots" ADD COLUMN "packed" "bytea";--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_document_present" CHECK ("snapshots"."document" is not null or "snapshots"."packed" is not null);