namespace Industry.History.Data;

/// <summary>
/// The PostgreSQL side of ADR 0043, as the <c>MonthPartitions</c> migration runs it: <c>history_entries</c> partitioned by
/// range of <c>store_time</c>, one partition per UTC month named <c>history_entries_yyyy_mm</c>, the function that
/// creates them, and the function that archives the oldest one. Kept here, not in the generated migration, so the SQL
/// reads as one piece.
/// </summary>
internal static class PartitioningSql
{
    /// <summary>
    /// Creates the partition of the month of <c>store_time</c> and the <c>months - 1</c> months after it, when missing.
    /// A month archived already is never asked for: the writer asks for the current month, archives only past ones.
    /// </summary>
    public const string EnsureFunction = """
        CREATE FUNCTION history_ensure_month_partitions(at_time timestamptz, months integer) RETURNS void
        LANGUAGE plpgsql AS $$
        DECLARE
            first_month timestamp := date_trunc('month', at_time AT TIME ZONE 'UTC');
            this_month timestamp;
            part_name text;
        BEGIN
            FOR i IN 0 .. months - 1 LOOP
                this_month := first_month + make_interval(months => i);
                part_name := 'history_entries_' || to_char(this_month, 'YYYY_MM');
                IF to_regclass(part_name) IS NULL THEN
                    EXECUTE format('CREATE TABLE %I PARTITION OF history_entries FOR VALUES FROM (%L) TO (%L)',
                        part_name, this_month AT TIME ZONE 'UTC', (this_month + interval '1 month') AT TIME ZONE 'UTC');
                END IF;
            END LOOP;
        END $$;
        """;

    /// <summary>
    /// Detaches the partition of a past month and records it in <c>history_archives</c>, in one transaction under the
    /// writer's lock ("HIST", 1), so no group is half stored in it. Oldest month first, so what is archived is always
    /// one range of positions below every kept one (checked: a kept entry below the horizon refuses the archive).
    /// The caller then dumps the detached table and drops it (docs/deploy.md).
    /// </summary>
    public const string ArchiveFunction = """
        CREATE FUNCTION history_archive_month(archived_month date) RETURNS text
        LANGUAGE plpgsql AS $$
        DECLARE
            start_at timestamptz := date_trunc('month', archived_month::timestamp) AT TIME ZONE 'UTC';
            part_name text := 'history_entries_' || to_char(archived_month::timestamp, 'YYYY_MM');
            older text;
            stats record;
            horizon bigint;
            below bigint;
        BEGIN
            IF start_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' THEN
                RAISE EXCEPTION 'history: % is the current month or later; only past months are archived', to_char(archived_month::timestamp, 'YYYY-MM');
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                           WHERE i.inhparent = 'history_entries'::regclass AND c.relname = part_name) THEN
                RAISE EXCEPTION 'history: % is not a partition of history_entries (archived already, or never made)', part_name;
            END IF;
            SELECT c.relname INTO older FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent = 'history_entries'::regclass AND c.relname < part_name ORDER BY c.relname LIMIT 1;
            IF older IS NOT NULL THEN
                RAISE EXCEPTION 'history: archive % first; months are archived oldest first', older;
            END IF;

            PERFORM pg_advisory_xact_lock(1212765012, 1);
            EXECUTE format('SELECT count(*) AS n, min(position) AS first_position, max(position) AS last_position FROM %I', part_name) INTO stats;
            SELECT COALESCE(max(a.last_position), 0) INTO horizon FROM history_archives a;
            horizon := GREATEST(horizon, COALESCE(stats.last_position, 0));
            EXECUTE format('ALTER TABLE history_entries DETACH PARTITION %I', part_name);
            -- The position default names the parent's sequence, which a dump of the table alone would not restore.
            EXECUTE format('ALTER TABLE %I ALTER COLUMN position DROP DEFAULT', part_name);
            SELECT min(e.position) INTO below FROM history_entries e WHERE e.position <= horizon;
            IF below IS NOT NULL THEN
                RAISE EXCEPTION 'history: position % is kept in a later month but lies below the horizon %; archive refused', below, horizon;
            END IF;

            INSERT INTO history_archives (month_start, month_end, table_name, entry_count, first_position, last_position, archive_time)
            VALUES (start_at, start_at + interval '1 month', part_name, stats.n, COALESCE(stats.first_position, 0), horizon, now());
            RETURN part_name;
        END $$;
        """;

    /// <summary>
    /// The unpartitioned table of the first migration becomes the partitioned one, keeping its rows and positions: the
    /// old table is renamed out of the way, the new one made with the same columns and index names, the months of the
    /// existing rows (and this month and the next) created, the rows copied, the position sequence moved past them.
    /// A unique index cannot leave out the partition key, so event ids are kept unique by the writer's check under
    /// its lock (ADR 0038) and the event-id index is a plain one.
    /// </summary>
    public const string PartitionEntries = """
        ALTER TABLE history_entries RENAME TO history_entries_unpartitioned;
        ALTER TABLE history_entries_unpartitioned RENAME CONSTRAINT pk_history_entries TO pk_history_entries_unpartitioned;
        ALTER INDEX ix_history_entries_actor_occur_time RENAME TO ix_history_entries_unpartitioned_actor_occur_time;
        ALTER INDEX ix_history_entries_city_code_occur_time RENAME TO ix_history_entries_unpartitioned_city_code_occur_time;
        ALTER INDEX ix_history_entries_event_id RENAME TO ix_history_entries_unpartitioned_event_id;
        ALTER INDEX ix_history_entries_occur_time_event_id RENAME TO ix_history_entries_unpartitioned_occur_time_event_id;
        ALTER INDEX ix_history_entries_subject_subject_version RENAME TO ix_history_entries_unpartitioned_subject_subject_version;

        CREATE SEQUENCE history_entries_position AS bigint;
        CREATE TABLE history_entries (
            position bigint NOT NULL DEFAULT nextval('history_entries_position'),
            event_id character varying(36) NOT NULL,
            event_type character varying(200) NOT NULL,
            source character varying(200) NOT NULL,
            subject character varying(300) NOT NULL,
            subject_version bigint NOT NULL,
            actor character varying(200) NOT NULL,
            occur_time timestamp with time zone NOT NULL,
            store_time timestamp with time zone NOT NULL,
            resource_type character varying(200) NOT NULL,
            city_code character varying(12) NOT NULL,
            county_code character varying(12) NOT NULL,
            trace_parent character varying(64),
            body text NOT NULL,
            CONSTRAINT pk_history_entries PRIMARY KEY (position, store_time)
        ) PARTITION BY RANGE (store_time);
        ALTER SEQUENCE history_entries_position OWNED BY history_entries.position;
        CREATE INDEX ix_history_entries_actor_occur_time ON history_entries (actor, occur_time);
        CREATE INDEX ix_history_entries_city_code_occur_time ON history_entries (city_code, occur_time);
        CREATE INDEX ix_history_entries_event_id ON history_entries (event_id);
        CREATE INDEX ix_history_entries_occur_time_event_id ON history_entries (occur_time, event_id);
        CREATE INDEX ix_history_entries_subject_subject_version ON history_entries (subject, subject_version);

        -- Every month from the oldest row's to the next one after now (or after the newest row, if a clock ran ahead).
        SELECT history_ensure_month_partitions(m AT TIME ZONE 'UTC', 1)
        FROM (SELECT generate_series(date_trunc('month', COALESCE(min(store_time), now()) AT TIME ZONE 'UTC'),
                                     date_trunc('month', GREATEST(max(store_time), now()) AT TIME ZONE 'UTC') + interval '1 month',
                                     interval '1 month') AS m
              FROM history_entries_unpartitioned) AS months;

        INSERT INTO history_entries SELECT position, event_id, event_type, source, subject, subject_version, actor,
            occur_time, store_time, resource_type, city_code, county_code, trace_parent, body FROM history_entries_unpartitioned;
        SELECT setval('history_entries_position', COALESCE((SELECT max(position) FROM history_entries), 0) + 1, false);
        DROP TABLE history_entries_unpartitioned;
        """;

    /// <summary>Back to one unpartitioned table with the first migration's identity column and unique event ids (the archived months stay archived).</summary>
    public const string UnpartitionEntries = """
        DROP FUNCTION history_archive_month(date);
        CREATE TABLE history_entries_unpartitioned (
            position bigint GENERATED BY DEFAULT AS IDENTITY,
            event_id character varying(36) NOT NULL,
            event_type character varying(200) NOT NULL,
            source character varying(200) NOT NULL,
            subject character varying(300) NOT NULL,
            subject_version bigint NOT NULL,
            actor character varying(200) NOT NULL,
            occur_time timestamp with time zone NOT NULL,
            store_time timestamp with time zone NOT NULL,
            resource_type character varying(200) NOT NULL,
            city_code character varying(12) NOT NULL,
            county_code character varying(12) NOT NULL,
            trace_parent character varying(64),
            body text NOT NULL
        );
        INSERT INTO history_entries_unpartitioned SELECT position, event_id, event_type, source, subject, subject_version, actor,
            occur_time, store_time, resource_type, city_code, county_code, trace_parent, body FROM history_entries;
        SELECT setval(pg_get_serial_sequence('history_entries_unpartitioned', 'position'),
            COALESCE((SELECT max(position) FROM history_entries_unpartitioned), 0) + 1, false);
        DROP TABLE history_entries;
        DROP FUNCTION history_ensure_month_partitions(timestamptz, integer);
        ALTER TABLE history_entries_unpartitioned RENAME TO history_entries;
        ALTER TABLE history_entries ADD CONSTRAINT pk_history_entries PRIMARY KEY (position);
        CREATE INDEX ix_history_entries_actor_occur_time ON history_entries (actor, occur_time);
        CREATE INDEX ix_history_entries_city_code_occur_time ON history_entries (city_code, occur_time);
        CREATE UNIQUE INDEX ix_history_entries_event_id ON history_entries (event_id);
        CREATE INDEX ix_history_entries_occur_time_event_id ON history_entries (occur_time, event_id);
        CREATE INDEX ix_history_entries_subject_subject_version ON history_entries (subject, subject_version);
        """;
}
