-- stage_events (db/schema/stage-events.ts) follows commitments and status updates through triggers,
-- in the same transaction as the rows it follows, whoever writes them. Statement-level triggers
-- with transition tables: one set-based insert per statement, for a single update or a bulk load.
CREATE OR REPLACE FUNCTION stage_event_day_end(at timestamptz) RETURNS integer
LANGUAGE sql STABLE AS $$ SELECT ceil(date_part('epoch', at) / 86400)::integer $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stage_events_for(ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stage_events (commitment_id, sequence, agenda_id, sector_id, at, day_end, left_stage, entered_stage)
  SELECT c.id, 0, c.agenda_id, c.sector_id, c.created_at, stage_event_day_end(c.created_at), NULL, 'intent'
    FROM commitments c WHERE c.id = ANY (ids);
  INSERT INTO stage_events (commitment_id, sequence, agenda_id, sector_id, at, day_end, left_stage, entered_stage)
  SELECT u.commitment_id, u.sequence, c.agenda_id, c.sector_id, greatest(u.created_at, c.created_at),
         stage_event_day_end(greatest(u.created_at, c.created_at)), u.stage_before, u.stage_after
    FROM status_updates u JOIN commitments c ON c.id = u.commitment_id
   WHERE u.commitment_id = ANY (ids) AND u.stage_after <> u.stage_before;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stage_events_on_commitment_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stage_events (commitment_id, sequence, agenda_id, sector_id, at, day_end, left_stage, entered_stage)
  SELECT c.id, 0, c.agenda_id, c.sector_id, c.created_at, stage_event_day_end(c.created_at), NULL, 'intent'
    FROM inserted c;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commitments_stage_events_insert AFTER INSERT ON commitments
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION stage_events_on_commitment_insert();
--> statement-breakpoint
-- A commitment moved to another agenda or sector, or given another creation time: its events are
-- written again from its rows.
CREATE OR REPLACE FUNCTION stage_events_on_commitment_update() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  moved uuid[];
BEGIN
  SELECT array_agg(n.id) INTO moved
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE (n.agenda_id, n.sector_id, n.created_at) IS DISTINCT FROM (o.agenda_id, o.sector_id, o.created_at);
  IF moved IS NOT NULL THEN
    DELETE FROM stage_events WHERE commitment_id = ANY (moved);
    PERFORM stage_events_for(moved);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commitments_stage_events_update AFTER UPDATE ON commitments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION stage_events_on_commitment_update();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stage_events_on_status_update_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO stage_events (commitment_id, sequence, agenda_id, sector_id, at, day_end, left_stage, entered_stage)
  SELECT u.commitment_id, u.sequence, c.agenda_id, c.sector_id, greatest(u.created_at, c.created_at),
         stage_event_day_end(greatest(u.created_at, c.created_at)), u.stage_before, u.stage_after
    FROM inserted u JOIN commitments c ON c.id = u.commitment_id
   WHERE u.stage_after <> u.stage_before;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER status_updates_stage_events AFTER INSERT ON status_updates
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION stage_events_on_status_update_insert();
--> statement-breakpoint
-- What is there already.
SELECT stage_events_for(array_agg(id)) FROM commitments;
