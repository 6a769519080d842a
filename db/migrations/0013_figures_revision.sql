CREATE TABLE "figures_changes" (
	"txid" bigint PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "figures_revision" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "figures_revision" ("id", "revision") VALUES (true, 0);
--> statement-breakpoint
-- A transaction that changes a table the dashboard reads notes itself once, whatever it writes and
-- however many statements it runs (the conflict is with its own row: no transaction waits here).
CREATE OR REPLACE FUNCTION figures_note_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO figures_changes (txid) VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- At its commit the revision is raised: its lock is held only while the transaction commits, after
-- every statement of its own, so writers never wait on one another in the middle of their work.
CREATE OR REPLACE FUNCTION figures_raise_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE figures_revision SET revision = revision + 1;
  DELETE FROM figures_changes WHERE txid = NEW.txid;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER figures_changes_at_commit AFTER INSERT ON figures_changes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION figures_raise_revision();
--> statement-breakpoint
CREATE TRIGGER agendas_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agendas
  FOR EACH STATEMENT EXECUTE FUNCTION figures_note_change();
--> statement-breakpoint
CREATE TRIGGER agenda_events_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON agenda_events
  FOR EACH STATEMENT EXECUTE FUNCTION figures_note_change();
--> statement-breakpoint
CREATE TRIGGER sectors_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sectors
  FOR EACH STATEMENT EXECUTE FUNCTION figures_note_change();
--> statement-breakpoint
CREATE TRIGGER commitments_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON commitments
  FOR EACH STATEMENT EXECUTE FUNCTION figures_note_change();
--> statement-breakpoint
CREATE TRIGGER status_updates_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON status_updates
  FOR EACH STATEMENT EXECUTE FUNCTION figures_note_change();
--> statement-breakpoint
CREATE TRIGGER stage_events_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON stage_events
  FOR EACH STATEMENT EXECUTE FUNCTION figures_note_change();
--> statement-breakpoint
CREATE TRIGGER update_confirmations_figures AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON update_confirmations
  FOR EACH STATEMENT EXECUTE FUNCTION figures_note_change();
--> statement-breakpoint
-- The latest updates show their authors' names; a sign-in or a password change shows nothing.
CREATE TRIGGER users_figures AFTER UPDATE OF name ON users
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION figures_note_change();
