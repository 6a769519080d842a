ALTER TABLE "agendas" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sectors" ADD COLUMN "archived_at" timestamp with time zone;