CREATE TABLE "stage_events" (
	"commitment_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"agenda_id" uuid NOT NULL,
	"sector_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"day_end" integer NOT NULL,
	"left_stage" "stage",
	"entered_stage" "stage" NOT NULL,
	CONSTRAINT "stage_events_commitment_id_sequence_pk" PRIMARY KEY("commitment_id","sequence")
);
--> statement-breakpoint
DROP INDEX "status_updates_stage_changes_idx";--> statement-breakpoint
DROP INDEX "status_updates_recent_changes_idx";--> statement-breakpoint
ALTER TABLE "stage_events" ADD CONSTRAINT "stage_events_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stage_events_agenda_idx" ON "stage_events" USING btree ("agenda_id","at","day_end","left_stage","entered_stage","sector_id","commitment_id");--> statement-breakpoint
CREATE INDEX "stage_events_agenda_sector_idx" ON "stage_events" USING btree ("agenda_id","sector_id","at","day_end","left_stage","entered_stage","commitment_id");