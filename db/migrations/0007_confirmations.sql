CREATE TABLE "confirmed_stage_events" (
	"commitment_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"agenda_id" uuid NOT NULL,
	"sector_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"day_end" integer NOT NULL,
	"left_stage" "stage",
	"entered_stage" "stage" NOT NULL,
	CONSTRAINT "confirmed_stage_events_commitment_id_sequence_pk" PRIMARY KEY("commitment_id","sequence")
);
--> statement-breakpoint
CREATE TABLE "update_confirmations" (
	"status_update_id" uuid PRIMARY KEY NOT NULL,
	"commitment_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decision" text,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"note" text,
	CONSTRAINT "update_confirmations_decision" CHECK ("update_confirmations"."decision" is null or "update_confirmations"."decision" in ('confirmed', 'disputed')),
	CONSTRAINT "update_confirmations_decided_together" CHECK (("update_confirmations"."decision" is null) = ("update_confirmations"."decided_by_id" is null) and ("update_confirmations"."decision" is null) = ("update_confirmations"."decided_at" is null)),
	CONSTRAINT "update_confirmations_dispute_note" CHECK ("update_confirmations"."decision" is distinct from 'disputed' or length(btrim("update_confirmations"."note")) >= 15),
	CONSTRAINT "update_confirmations_note_length" CHECK ("update_confirmations"."note" is null or length("update_confirmations"."note") <= 5000)
);
--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "confirmed_stage" "stage" DEFAULT 'intent' NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "confirmed_health" "health" DEFAULT 'on_track' NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD COLUMN "open_dispute" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "status_updates" ADD COLUMN "party" text;--> statement-breakpoint
ALTER TABLE "confirmed_stage_events" ADD CONSTRAINT "confirmed_stage_events_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_confirmations" ADD CONSTRAINT "update_confirmations_status_update_id_status_updates_id_fk" FOREIGN KEY ("status_update_id") REFERENCES "public"."status_updates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_confirmations" ADD CONSTRAINT "update_confirmations_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_confirmations" ADD CONSTRAINT "update_confirmations_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "confirmed_stage_events_agenda_idx" ON "confirmed_stage_events" USING btree ("agenda_id","at","day_end","left_stage","entered_stage","sector_id","commitment_id");--> statement-breakpoint
CREATE INDEX "confirmed_stage_events_agenda_sector_idx" ON "confirmed_stage_events" USING btree ("agenda_id","sector_id","at","day_end","left_stage","entered_stage","commitment_id");--> statement-breakpoint
CREATE INDEX "update_confirmations_commitment_idx" ON "update_confirmations" USING btree ("commitment_id","sequence");--> statement-breakpoint
CREATE INDEX "update_confirmations_awaiting_idx" ON "update_confirmations" USING btree ("commitment_id","requested_at") WHERE "update_confirmations"."decision" is null;--> statement-breakpoint
CREATE INDEX "update_confirmations_disputed_idx" ON "update_confirmations" USING btree ("commitment_id","sequence") WHERE "update_confirmations"."decision" = 'disputed';--> statement-breakpoint
CREATE INDEX "commitments_agenda_sector_confirmed_idx" ON "commitments" USING btree ("agenda_id","sector_id","confirmed_stage");--> statement-breakpoint
CREATE INDEX "commitments_open_dispute_idx" ON "commitments" USING btree ("agenda_id","sector_id") WHERE "commitments"."open_dispute";--> statement-breakpoint
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_party" CHECK ("status_updates"."party" is null or "status_updates"."party" in ('a', 'b'));
--> statement-breakpoint
-- A decision is final: a decided confirmation cannot change, and none is ever deleted.
CREATE OR REPLACE FUNCTION refuse_decided_confirmation_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.decision IS NOT NULL THEN
    RAISE EXCEPTION 'update_confirmations: a decided confirmation cannot be %d', lower(TG_OP)
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER update_confirmations_final BEFORE UPDATE OR DELETE ON update_confirmations
  FOR EACH ROW EXECUTE FUNCTION refuse_decided_confirmation_change();
--> statement-breakpoint
-- The confirmed view of the given commitments, derived from their confirmations: the creation event,
-- one event each time a decision changed the confirmed stage (the stage every update states, of a
-- confirmed update later than every update confirmed before it), and the commitments' confirmed
-- stage and health (those of the latest confirmed update; intent and on track before any), and
-- whether its latest claim is disputed. Called in the transaction of each decision, by the seed, and when a commitment moves.
CREATE OR REPLACE FUNCTION confirmed_stage_events_for(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM confirmed_stage_events WHERE commitment_id = ANY (ids);
  INSERT INTO confirmed_stage_events (commitment_id, sequence, agenda_id, sector_id, at, day_end, left_stage, entered_stage)
  SELECT c.id, 0, c.agenda_id, c.sector_id, c.created_at, stage_event_day_end(c.created_at), NULL, 'intent'
    FROM commitments c WHERE c.id = ANY (ids);
  INSERT INTO confirmed_stage_events (commitment_id, sequence, agenda_id, sector_id, at, day_end, left_stage, entered_stage)
  WITH decided AS (
    SELECT k.commitment_id, k.sequence, k.decided_at, u.stage_after,
           max(k.sequence) OVER (PARTITION BY k.commitment_id ORDER BY k.decided_at, k.sequence
                                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prior
      FROM update_confirmations k JOIN status_updates u ON u.id = k.status_update_id
     WHERE k.commitment_id = ANY (ids) AND k.decision = 'confirmed'
  ), changes AS (
    SELECT d.*, coalesce(lag(d.stage_after) OVER (PARTITION BY d.commitment_id ORDER BY d.decided_at, d.sequence), 'intent'::stage) AS left_stage
      FROM decided d WHERE d.prior IS NULL OR d.sequence > d.prior
  )
  SELECT x.commitment_id, x.sequence, c.agenda_id, c.sector_id, greatest(x.decided_at, c.created_at),
         stage_event_day_end(greatest(x.decided_at, c.created_at)), x.left_stage, x.stage_after
    FROM changes x JOIN commitments c ON c.id = x.commitment_id
   WHERE x.left_stage <> x.stage_after;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION confirmed_stage_refresh(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM confirmed_stage_events_for(ids);
  UPDATE commitments c
     SET confirmed_stage = coalesce((
           SELECT u.stage_after FROM update_confirmations k JOIN status_updates u ON u.id = k.status_update_id
            WHERE k.commitment_id = c.id AND k.decision = 'confirmed'
            ORDER BY k.sequence DESC LIMIT 1), 'intent'),
         confirmed_health = coalesce((
           SELECT u.health FROM update_confirmations k JOIN status_updates u ON u.id = k.status_update_id
            WHERE k.commitment_id = c.id AND k.decision = 'confirmed'
            ORDER BY k.sequence DESC LIMIT 1), 'on_track'),
         open_dispute = coalesce((
           SELECT k.decision = 'disputed' FROM update_confirmations k
            WHERE k.commitment_id = c.id ORDER BY k.sequence DESC LIMIT 1), false)
   WHERE c.id = ANY (ids);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION confirmed_stage_events_on_commitment_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO confirmed_stage_events (commitment_id, sequence, agenda_id, sector_id, at, day_end, left_stage, entered_stage)
  SELECT c.id, 0, c.agenda_id, c.sector_id, c.created_at, stage_event_day_end(c.created_at), NULL, 'intent'
    FROM inserted c;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commitments_confirmed_stage_events_insert AFTER INSERT ON commitments
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION confirmed_stage_events_on_commitment_insert();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION confirmed_stage_events_on_commitment_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  moved uuid[];
BEGIN
  SELECT array_agg(n.id) INTO moved
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE (n.agenda_id, n.sector_id, n.created_at) IS DISTINCT FROM (o.agenda_id, o.sector_id, o.created_at);
  IF moved IS NOT NULL THEN
    PERFORM confirmed_stage_events_for(moved);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commitments_confirmed_stage_events_update AFTER UPDATE ON commitments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION confirmed_stage_events_on_commitment_update();
--> statement-breakpoint
-- What is there already: each update's party from its author's organisation; every earlier update
-- that claims progress (a stage or health change, or a reading) awaits the other side.
ALTER TABLE status_updates DISABLE TRIGGER status_updates_append_only;
--> statement-breakpoint
UPDATE status_updates u
   SET party = CASE WHEN au.organisation_id = c.lead_org_a_id THEN 'a' WHEN au.organisation_id = c.lead_org_b_id THEN 'b' END
  FROM users au, commitments c
 WHERE au.id = u.author_id AND c.id = u.commitment_id AND au.organisation_id IS NOT NULL;
--> statement-breakpoint
ALTER TABLE status_updates ENABLE TRIGGER status_updates_append_only;
--> statement-breakpoint
INSERT INTO update_confirmations (status_update_id, commitment_id, sequence, requested_at)
SELECT id, commitment_id, sequence, created_at FROM (
  SELECT u.id, u.commitment_id, u.sequence, u.created_at, u.stage_before, u.stage_after, u.health,
         coalesce(lag(u.health) OVER (PARTITION BY u.commitment_id ORDER BY u.sequence), 'on_track'::health) AS health_before
    FROM status_updates u
) x
 WHERE x.stage_after <> x.stage_before OR x.health <> x.health_before
    OR EXISTS (SELECT 1 FROM indicator_readings r WHERE r.status_update_id = x.id);
--> statement-breakpoint
SELECT confirmed_stage_events_for(array_agg(id)) FROM commitments;
