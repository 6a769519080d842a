CREATE TYPE "public"."agenda_event_kind" AS ENUM('talks', 'signing', 'review', 'milestone');--> statement-breakpoint
CREATE TYPE "public"."direction" AS ENUM('higher_is_better', 'lower_is_better');--> statement-breakpoint
CREATE TYPE "public"."health" AS ENUM('on_track', 'at_risk', 'off_track');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('staff', 'official', 'reviewer', 'admin');--> statement-breakpoint
CREATE TYPE "public"."stage" AS ENUM('intent', 'agreed', 'in_progress', 'measurable', 'achieved', 'stalled', 'dropped');--> statement-breakpoint
CREATE TABLE "agenda_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_id" uuid NOT NULL,
	"kind" "agenda_event_kind" NOT NULL,
	"title" text NOT NULL,
	"occurs_on" date NOT NULL,
	"planned" boolean DEFAULT false NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"is_next_review" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agendas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"party_a" text NOT NULL,
	"party_b" text NOT NULL,
	"signed_on" date NOT NULL,
	"place" text NOT NULL,
	"source_title" text NOT NULL,
	"source_document" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agendas_slug_format" CHECK ("agendas"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "agendas_party_a_format" CHECK ("agendas"."party_a" ~ '^[A-Z]{2}$'),
	CONSTRAINT "agendas_party_b_format" CHECK ("agendas"."party_b" ~ '^[A-Z]{2}$'),
	CONSTRAINT "agendas_distinct_parties" CHECK ("agendas"."party_a" <> "agendas"."party_b"),
	CONSTRAINT "agendas_title_present" CHECK (length(btrim("agendas"."title")) > 0)
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"country" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_country_format" CHECK ("organisations"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "organisations_name_present" CHECK (length(btrim("organisations"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "sectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"colour" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sectors_slug_format" CHECK ("sectors"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "sectors_colour_format" CHECK ("sectors"."colour" ~ '^#[0-9a-f]{6}$')
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"organisation_id" uuid,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_format" CHECK ("users"."email" ~ '^[^@[:space:]]+@[^@[:space:]]+$' AND length("users"."email") <= 254),
	CONSTRAINT "users_staff_has_organisation" CHECK ("users"."role" <> 'staff' OR "users"."organisation_id" IS NOT NULL),
	CONSTRAINT "users_session_version_positive" CHECK ("users"."session_version" >= 1),
	CONSTRAINT "users_password_hash_format" CHECK ("users"."password_hash" LIKE '$argon2id$%')
);
--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agenda_id" uuid NOT NULL,
	"sector_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source_passage" text NOT NULL,
	"lead_org_a_id" uuid NOT NULL,
	"lead_org_b_id" uuid NOT NULL,
	"due_date" date,
	"stage" "stage" DEFAULT 'intent' NOT NULL,
	"health" "health" DEFAULT 'on_track' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"last_update_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commitments_title_length" CHECK (length(btrim("commitments"."title")) BETWEEN 1 AND 300),
	CONSTRAINT "commitments_source_present" CHECK (length(btrim("commitments"."source_passage")) > 0),
	CONSTRAINT "commitments_distinct_leads" CHECK ("commitments"."lead_org_a_id" <> "commitments"."lead_org_b_id"),
	CONSTRAINT "commitments_version_positive" CHECK ("commitments"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"baseline_value" double precision NOT NULL,
	"baseline_date" date NOT NULL,
	"target_value" double precision NOT NULL,
	"target_date" date NOT NULL,
	"direction" "direction" NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_finite_values" CHECK ("indicators"."baseline_value" NOT IN ('NaN', 'Infinity', '-Infinity') AND "indicators"."target_value" NOT IN ('NaN', 'Infinity', '-Infinity')),
	CONSTRAINT "indicators_target_beyond_baseline" CHECK (("indicators"."direction" = 'higher_is_better' AND "indicators"."target_value" > "indicators"."baseline_value") OR ("indicators"."direction" = 'lower_is_better' AND "indicators"."target_value" < "indicators"."baseline_value")),
	CONSTRAINT "indicators_target_after_baseline" CHECK ("indicators"."target_date" >= "indicators"."baseline_date")
);
--> statement-breakpoint
CREATE TABLE "evidence_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status_update_id" uuid NOT NULL,
	"url" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "evidence_links_scheme" CHECK ("evidence_links"."url" ~* '^https?://[^[:space:]]+$' AND length("evidence_links"."url") <= 2048)
);
--> statement-breakpoint
CREATE TABLE "indicator_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status_update_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision NOT NULL,
	"as_of" date NOT NULL,
	CONSTRAINT "indicator_readings_finite" CHECK ("indicator_readings"."value" NOT IN ('NaN', 'Infinity', '-Infinity'))
);
--> statement-breakpoint
CREATE TABLE "status_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"sequence" integer NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stage_before" "stage" NOT NULL,
	"stage_after" "stage" NOT NULL,
	"health" "health" NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "status_updates_sequence_positive" CHECK ("status_updates"."sequence" >= 1),
	CONSTRAINT "status_updates_narrative_length" CHECK (length("status_updates"."narrative") <= 10000),
	CONSTRAINT "status_updates_next_step_length" CHECK (length("status_updates"."next_step") <= 2000)
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"commitment_id" uuid NOT NULL,
	"status_update_id" uuid,
	"parent_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "comments_body_length" CHECK (length(btrim("comments"."body")) BETWEEN 1 AND 5000),
	CONSTRAINT "comments_resolution_pair" CHECK (("comments"."resolved_at" IS NULL) = ("comments"."resolved_by_id" IS NULL)),
	CONSTRAINT "comments_not_own_parent" CHECK ("comments"."parent_id" IS NULL OR "comments"."parent_id" <> "comments"."id")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"source_address" text,
	"user_agent" text,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_events_action_format" CHECK ("audit_events"."action" ~ '^[a-z_]+(\.[a-z_]+)+$')
);
--> statement-breakpoint
ALTER TABLE "agenda_events" ADD CONSTRAINT "agenda_events_agenda_id_agendas_id_fk" FOREIGN KEY ("agenda_id") REFERENCES "public"."agendas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_agenda_id_agendas_id_fk" FOREIGN KEY ("agenda_id") REFERENCES "public"."agendas"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_sector_id_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."sectors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_lead_org_a_id_organisations_id_fk" FOREIGN KEY ("lead_org_a_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_lead_org_b_id_organisations_id_fk" FOREIGN KEY ("lead_org_b_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_links" ADD CONSTRAINT "evidence_links_status_update_id_status_updates_id_fk" FOREIGN KEY ("status_update_id") REFERENCES "public"."status_updates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_readings" ADD CONSTRAINT "indicator_readings_status_update_id_status_updates_id_fk" FOREIGN KEY ("status_update_id") REFERENCES "public"."status_updates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_readings" ADD CONSTRAINT "indicator_readings_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_commitment_id_commitments_id_fk" FOREIGN KEY ("commitment_id") REFERENCES "public"."commitments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_status_update_id_status_updates_id_fk" FOREIGN KEY ("status_update_id") REFERENCES "public"."status_updates"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_parent_id_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."comments"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_events_agenda_idx" ON "agenda_events" USING btree ("agenda_id","occurs_on");--> statement-breakpoint
CREATE UNIQUE INDEX "agenda_events_one_next_review" ON "agenda_events" USING btree ("agenda_id") WHERE "agenda_events"."is_next_review";--> statement-breakpoint
CREATE UNIQUE INDEX "agendas_slug_key" ON "agendas" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_country_name_key" ON "organisations" USING btree ("country","name");--> statement-breakpoint
CREATE UNIQUE INDEX "sectors_slug_key" ON "sectors" USING btree ("slug");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_organisation_idx" ON "users" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commitments_agenda_reference_key" ON "commitments" USING btree ("agenda_id","reference");--> statement-breakpoint
CREATE INDEX "commitments_agenda_sector_stage_idx" ON "commitments" USING btree ("agenda_id","sector_id","stage");--> statement-breakpoint
CREATE INDEX "commitments_lead_org_a_idx" ON "commitments" USING btree ("lead_org_a_id");--> statement-breakpoint
CREATE INDEX "commitments_lead_org_b_idx" ON "commitments" USING btree ("lead_org_b_id");--> statement-breakpoint
CREATE INDEX "commitments_due_date_idx" ON "commitments" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "commitments_last_update_idx" ON "commitments" USING btree ("last_update_at");--> statement-breakpoint
CREATE INDEX "indicators_commitment_idx" ON "indicators" USING btree ("commitment_id","position");--> statement-breakpoint
CREATE INDEX "evidence_links_update_idx" ON "evidence_links" USING btree ("status_update_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_readings_update_indicator_key" ON "indicator_readings" USING btree ("status_update_id","indicator_id");--> statement-breakpoint
CREATE INDEX "indicator_readings_indicator_idx" ON "indicator_readings" USING btree ("indicator_id","as_of");--> statement-breakpoint
CREATE UNIQUE INDEX "status_updates_commitment_sequence_key" ON "status_updates" USING btree ("commitment_id","sequence");--> statement-breakpoint
CREATE INDEX "status_updates_created_at_idx" ON "status_updates" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "status_updates_author_idx" ON "status_updates" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "comments_commitment_idx" ON "comments" USING btree ("commitment_id","created_at");--> statement-breakpoint
CREATE INDEX "comments_update_idx" ON "comments" USING btree ("status_update_id");--> statement-breakpoint
CREATE INDEX "comments_parent_idx" ON "comments" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","at");