import { sql } from 'drizzle-orm';
import type { Database } from '@/db/connect';
import { selectRows } from '@/db/rows';

// The size the app must stay fast at: 10,000 commitments across 10 sectors and 3 agendas,
// 1,000,000 status updates, 200,000 comments, 1,000 users. Loaded set-based (insert … select …
// from generate_series), never a row at a time, with every constraint and trigger of the real
// schema in force.

const SCALE = {
  agendas: 3,
  sectors: 10,
  organisations: 40,
  users: 1000,
  commitments: 10_000,
  updatesPerCommitment: 100,
  /** One commitment carries this many updates (the commitment page figure); four carry none. */
  longCommitmentUpdates: 500,
  comments: 200_000,
} as const;

export const BENCH_PASSWORD = 'bench-password-2026';
export const BENCH_OFFICIAL = 'official@bench.test';
export const BENCH_STAFF = 'staff@bench.test';

export interface LoadedDataset {
  counts: Record<string, number>;
  seconds: Record<string, number>;
  /** Reference of the commitment with SCALE.longCommitmentUpdates updates. */
  longCommitmentId: string;
  /** Commitments the bench staff user's organisation leads (update posting targets). */
  staffCommitmentIds: string[];
  defaultAgendaSlug: string;
  oldestAgendaSlug: string;
  sectorSlug: string;
}

async function timed(seconds: Record<string, number>, name: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  seconds[name] = Number(((performance.now() - started) / 1000).toFixed(2));
}

/**
 * Fills an empty, migrated database. `now` anchors every timestamp, so the history ends just before
 * it; `passwordHash` is an argon2id hash of BENCH_PASSWORD shared by every bench user.
 */
export async function loadDataset(db: Database, { now, passwordHash }: { now: Date; passwordHash: string }): Promise<LoadedDataset> {
  const seconds: Record<string, number> = {};
  const nowIso = now.toISOString();
  const S = SCALE;

  await timed(seconds, 'reference', async () => {
    await db.execute(sql`
      insert into organisations (name, short_name, country)
      select 'Bench ministry ' || g, 'BM' || g, case when g % 2 = 0 then 'KZ' else 'PK' end
        from generate_series(1, ${S.organisations}) g`);
    await db.execute(sql`
      insert into sectors (slug, name, colour, position)
      select 'bench-sector-' || g, 'Bench sector ' || g, '#' || lpad(to_hex((g * 1234567) % 16777216), 6, '0'), g
        from generate_series(1, ${S.sectors}) g`);
    // Three agendas: the newest (the dashboard's default) signed on the Islamabad date, two older.
    await db.execute(sql`
      insert into agendas (slug, title, party_a, party_b, signed_on, place, source_title, source_document, summary)
      values ('bench-islamabad-2026', 'Bench agenda: Islamabad talks', 'KZ', 'PK', '2026-02-04', 'Islamabad', 'Joint Declaration', 'Bench', 'Bench agenda'),
             ('bench-astana-2025', 'Bench agenda: Astana talks', 'KZ', 'PK', '2025-03-15', 'Astana', 'Road map', 'Bench', 'Bench agenda'),
             ('bench-tashkent-2024', 'Bench agenda: Tashkent talks', 'KZ', 'PK', '2024-06-01', 'Tashkent', 'Memorandum', 'Bench', 'Bench agenda')`);
    await db.execute(sql`
      insert into agenda_events (agenda_id, kind, title, occurs_on, planned, is_next_review)
      select a.id, 'talks'::agenda_event_kind, 'Talks', a.signed_on, false, false from agendas a
      union all
      select a.id, 'review'::agenda_event_kind, 'Review visit', a.signed_on + 310, true, true from agendas a`);
    // Users: n = 1 is the official, 2 the staff member (organisation 1), 3 an admin, then a mix of roles.
    await db.execute(sql`
      insert into users (email, name, role, organisation_id, password_hash)
      select case g when 1 then ${BENCH_OFFICIAL} when 2 then ${BENCH_STAFF} else 'user-' || g || '@bench.test' end,
             'Bench user ' || g,
             (case when g = 1 then 'official' when g = 3 then 'admin' when g = 2 or g % 4 = 0 then 'staff' when g % 4 = 1 then 'official' else 'reviewer' end)::role,
             case when g = 2 or g % 4 = 0 then (select id from organisations order by short_name offset ((g % ${S.organisations})) limit 1) end,
             ${passwordHash}
        from generate_series(1, ${S.users}) g`);
  });

  await timed(seconds, 'commitments', async () => {
    // Commitment n: agenda n % 3, sector n % 10, leads organisations (n % 20) and (n % 20) + 20 (one per
    // country); created within the first 30 days after signing; due 6 to 24 months after it.
    await db.execute(sql`
      with a as (select id, signed_on, row_number() over (order by signed_on desc) - 1 as k from agendas),
           s as (select id, row_number() over (order by position) - 1 as k from sectors),
           o as (select id, row_number() over (order by country, name) - 1 as k from organisations)
      insert into commitments (agenda_id, sector_id, reference, title, description, source_passage, lead_org_a_id, lead_org_b_id,
                               due_date, created_at, updated_at)
      select a.id, s.id, 'B-' || lpad(g::text, 5, '0'), 'Bench commitment ' || g || ': ' || md5(g::text),
             repeat(md5('d' || g), 4), 'Passage ' || g, oa.id, ob.id,
             a.signed_on + 180 + (g * 7) % 540,
             a.signed_on::timestamptz + interval '2 days' + ((g * 13) % 30) * interval '1 day' + ((g * 17) % 86400) * interval '1 second',
             a.signed_on::timestamptz + interval '2 days'
        from generate_series(1, ${S.commitments}) g
        join a on a.k = g % ${S.agendas}
        join s on s.k = g % ${S.sectors}
        join o oa on oa.k = g % 20
        join o ob on ob.k = 20 + g % 20`);
  });

  await timed(seconds, 'statusUpdates', async () => {
    // Commitment number (in reference order) n has `cnt` updates spread evenly from its creation to
    // just before now. Its stage follows a profile: it climbs `n % 5` pipeline steps over its life;
    // profiles 3 and 7 fall back one step for a while; 11 stalls near the end, 17 is dropped. The
    // stage_before of each update is the stage_after of the one before it (lag over the sequence).
    await db.execute(sql`
      with c as (
        select id, created_at, row_number() over (order by reference)::int as n from commitments
      ),
      plan as (
        select c.id, c.created_at, c.n,
               case when c.n = 1 then ${S.longCommitmentUpdates} when c.n between 2 and 5 then 0 else ${S.updatesPerCommitment} end as cnt
          from c
      ),
      u as (
        select p.id as commitment_id, p.n, k as sequence, (k::float8 / p.cnt) as f,
               p.created_at + (${nowIso}::timestamptz - interval '1 hour' - p.created_at) * (k::float8 / (p.cnt + 1)) as created_at
          from plan p, generate_series(1, p.cnt) k
      ),
      usr as (select id, row_number() over (order by email)::int - 1 as k from users),
      staged as (
        select u.*,
               (case
                  when u.n % 20 = 17 and u.f > 0.9 then 'dropped'
                  when u.n % 20 = 11 and u.f > 0.8 then 'stalled'
                  else (array['intent','agreed','in_progress','measurable','achieved'])[1 + greatest(0,
                         least(4, floor(u.f * (1 + u.n % 5))::int) - case when u.n % 20 in (3, 7) and u.f > 0.6 and u.f <= 0.7 then 1 else 0 end)]
                end)::stage as stage_after
          from u
      )
      insert into status_updates (commitment_id, sequence, author_id, created_at, stage_before, stage_after, health, narrative, next_step)
      select s.commitment_id, s.sequence,
             usr.id,
             s.created_at,
             lag(s.stage_after, 1, 'intent'::stage) over (partition by s.commitment_id order by s.sequence),
             s.stage_after,
             (case when s.stage_after in ('stalled', 'dropped') then 'off_track' when (s.n + s.sequence) % 9 = 0 then 'at_risk' else 'on_track' end)::health,
             'Progress report ' || s.sequence || ' on commitment ' || s.n || '. ' || repeat(md5(s.n::text || '/' || s.sequence), 4),
             'Next: ' || md5(s.sequence::text)
        from staged s join usr on usr.k = (s.n * 31 + s.sequence) % ${S.users}`);
  });

  await timed(seconds, 'commitmentState', async () => {
    // Each commitment's stage, health and last update time are those of its last update.
    await db.execute(sql`
      update commitments c
         set stage = l.stage_after, health = l.health, last_update_at = l.created_at, updated_at = l.created_at, version = l.sequence + 1
        from (select commitment_id, stage_after, health, created_at, sequence,
                     row_number() over (partition by commitment_id order by sequence desc) as r
                from status_updates) l
       where l.commitment_id = c.id and l.r = 1`);
  });

  await timed(seconds, 'confirmations', async () => {
    // Every claim of progress (a stage or health change) has its row: the last two weeks' still
    // await the other side, one in fifty older ones is disputed, the rest confirmed two days later.
    await db.execute(sql`
      with decider as (select id from users order by email limit 1),
      claims as (
        select u.id, u.commitment_id, u.sequence, u.created_at, u.stage_before, u.stage_after, u.health,
               lag(u.health, 1, 'on_track'::health) over (partition by u.commitment_id order by u.sequence) as health_before
          from status_updates u
      ),
      decided as (
        select c.*, case
                      when c.created_at > ${nowIso}::timestamptz - interval '14 days' then null
                      when (c.sequence * 7 + length(c.commitment_id::text) + ascii(c.commitment_id::text)) % 50 = 0 then 'disputed'
                      else 'confirmed'
                    end as decision
          from claims c
         where c.stage_after <> c.stage_before or c.health <> c.health_before
      )
      insert into update_confirmations (status_update_id, commitment_id, sequence, requested_at, decision, decided_by_id, decided_at, note)
      select d.id, d.commitment_id, d.sequence, d.created_at, d.decision,
             case when d.decision is null then null else (select id from decider) end,
             case when d.decision is null then null else least(d.created_at + interval '2 days', ${nowIso}::timestamptz) end,
             case when d.decision = 'disputed' then 'The other side reports a different state of the work.' end
        from decided d`);
    await db.execute(sql`select confirmed_stage_refresh(array_agg(id)) from commitments`);
  });

  await timed(seconds, 'comments', async () => {
    await db.execute(sql`
      with c as (select id, created_at, row_number() over (order by reference)::int as n from commitments),
           usr as (select id, row_number() over (order by email)::int - 1 as k from users)
      insert into comments (commitment_id, author_id, body, created_at)
      select c.id, usr.id, 'Comment ' || g || ': ' || md5(g::text) || md5((g + 1)::text),
             c.created_at + ((g * 7919) % 1000) * interval '1 hour'
        from generate_series(1, ${S.comments}) g
        join c on c.n = 1 + (g % ${S.commitments})
        join usr on usr.k = (g * 17) % ${S.users}`);
  });

  await timed(seconds, 'vacuumAnalyze', async () => {
    // Fresh statistics and visibility maps (index-only scans), as autovacuum would leave them.
    for (const table of ['status_updates', 'stage_events', 'update_confirmations', 'confirmed_stage_events', 'commitments', 'comments', 'users', 'organisations', 'sectors', 'agendas', 'agenda_events']) {
      await db.execute(sql.raw(`vacuum (analyze) ${table}`));
    }
  });

  return { ...(await describeDataset(db)), seconds };
}

/** What the measurements need to know about a loaded dataset (also for one loaded by an earlier run). */
export async function describeDataset(db: Database): Promise<LoadedDataset> {
  const [counts] = await selectRows<Record<string, number>>(
    db,
    sql`select (select count(*) from agendas)::int as agendas, (select count(*) from sectors)::int as sectors,
               (select count(*) from commitments)::int as commitments, (select count(*) from status_updates)::int as "statusUpdates",
               (select count(*) from comments)::int as comments, (select count(*) from users)::int as users,
               (select count(*) from status_updates where stage_after <> stage_before)::int as "stageChanges"`,
  );
  const [long] = await selectRows<{ id: string }>(db, sql`select commitment_id as id from status_updates group by commitment_id order by count(*) desc limit 1`);
  const staff = await selectRows<{ id: string }>(
    db,
    sql`select c.id from commitments c join users u on u.email = ${BENCH_STAFF}
         where (c.lead_org_a_id = u.organisation_id or c.lead_org_b_id = u.organisation_id) and c.stage <> 'dropped'
         order by c.reference limit 200`,
  );
  const [sector] = await selectRows<{ slug: string }>(db, sql`select slug from sectors order by position limit 1`);
  return {
    counts: counts!,
    seconds: {},
    longCommitmentId: long!.id,
    staffCommitmentIds: staff.map((r) => r.id),
    defaultAgendaSlug: 'bench-islamabad-2026',
    oldestAgendaSlug: 'bench-tashkent-2024',
    sectorSlug: sector!.slug,
  };
}

/** The invariants the dashboard relies on, checked in SQL after loading: each returns 0 when they hold. */
export async function checkConsistency(db: Database): Promise<Record<string, number>> {
  const [row] = await selectRows<Record<string, number>>(
    db,
    sql`select
          (select count(*) from (
             select commitment_id, sequence, row_number() over (partition by commitment_id order by sequence) as r from status_updates) x
            where x.sequence <> x.r)::int as "sequenceGaps",
          (select count(*) from (
             select stage_before, lag(stage_after, 1, 'intent'::stage) over (partition by commitment_id order by sequence) as prev
               from status_updates) x
            where x.stage_before <> x.prev)::int as "brokenStageChains",
          (select count(*) from commitments c join lateral (
             select stage_after, health, created_at from status_updates u where u.commitment_id = c.id order by sequence desc limit 1) l on true
            where c.stage <> l.stage_after or c.health <> l.health or c.last_update_at <> l.created_at)::int as "commitmentsOutOfStep",
          (select count(*) from status_updates u join commitments c on c.id = u.commitment_id where u.created_at < c.created_at)::int as "updatesBeforeCreation",
          -- The movement chart's events, kept by triggers: one per commitment and one per stage change.
          abs((select count(*) from stage_events)
              - (select count(*) from commitments) - (select count(*) from status_updates where stage_after <> stage_before))::int as "stageEventsOutOfStep"`,
  );
  return row!;
}
