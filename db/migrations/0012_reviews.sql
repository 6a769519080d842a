CREATE TABLE "reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_id" uuid NOT NULL,
	"name" text NOT NULL,
	"review_on" date NOT NULL,
	"held_at" timestamp with time zone,
	"held_by_id" uuid,
	"briefing" jsonb,
	"pdf" "bytea",
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_name_length" CHECK (length(btrim("reviews"."name")) BETWEEN 1 AND 200),
	CONSTRAINT "reviews_held_together" CHECK (("reviews"."held_at" is null) = ("reviews"."held_by_id" is null) and ("reviews"."held_at" is null) = ("reviews"."briefing" is null) and ("reviews"."held_at" is null) = ("reviews"."pdf" is null))
);
--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_agenda_id_agendas_id_fk" FOREIGN KEY ("agenda_id") REFERENCES "public"."agendas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_held_by_id_users_id_fk" FOREIGN KEY ("held_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reviews_agenda_idx" ON "reviews" USING btree ("agenda_id","review_on");--> statement-breakpoint
-- A held review is a record of what was presented: nothing may change or delete it afterwards.
CREATE OR REPLACE FUNCTION refuse_held_review_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.held_at IS NOT NULL THEN
    RAISE EXCEPTION 'review % is held: it cannot be %d', OLD.id, lower(TG_OP)
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reviews_frozen_when_held BEFORE UPDATE OR DELETE ON reviews
  FOR EACH ROW EXECUTE FUNCTION refuse_held_review_change();
