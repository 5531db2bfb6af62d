namespace Liaison.Storage.Sqlite;

/// <summary>
/// The schema's history. A golden test pins the text of every migration: changing an applied one would leave
/// existing nodes with a schema the code does not expect.
/// </summary>
public static class Migrations
{
    /// <summary>Every migration, oldest first.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "objects, versions, time, space and text indexes", """
            CREATE TABLE object_keys (
                key INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE
            );

            CREATE TABLE objects (
                seq INTEGER PRIMARY KEY,
                key INTEGER NOT NULL,
                type TEXT NOT NULL,
                version_us INTEGER NOT NULL,
                added_at_us INTEGER NOT NULL,
                latest INTEGER NOT NULL,
                revoked INTEGER NOT NULL,
                time_start_us INTEGER,
                time_end_us INTEGER,
                content_hash BLOB NOT NULL,
                json BLOB NOT NULL
            );
            CREATE UNIQUE INDEX ix_objects_key_version ON objects (key, version_us);
            CREATE UNIQUE INDEX ix_objects_added_at ON objects (added_at_us);
            CREATE INDEX ix_objects_modified ON objects (version_us);
            CREATE INDEX ix_objects_type_time ON objects (type, time_start_us) WHERE latest = 1;
            CREATE INDEX ix_objects_time ON objects (time_start_us) WHERE latest = 1;

            CREATE TABLE location_points (
                location_key INTEGER PRIMARY KEY,
                lat REAL NOT NULL,
                lon REAL NOT NULL
            );

            CREATE TABLE location_links (
                location_key INTEGER NOT NULL,
                object_key INTEGER NOT NULL,
                via_key INTEGER NOT NULL,
                PRIMARY KEY (location_key, object_key, via_key)
            ) WITHOUT ROWID;
            CREATE INDEX ix_location_links_via ON location_links (via_key);

            CREATE TABLE geo (
                cell INTEGER NOT NULL,
                object_key INTEGER NOT NULL,
                location_key INTEGER NOT NULL,
                lat REAL NOT NULL,
                lon REAL NOT NULL,
                time_start_us INTEGER,
                time_end_us INTEGER,
                PRIMARY KEY (cell, object_key, location_key)
            ) WITHOUT ROWID;
            CREATE INDEX ix_geo_object ON geo (object_key, location_key);

            CREATE VIRTUAL TABLE text_index USING fts5 (body, content = '', tokenize = 'unicode61 remove_diacritics 2');
            CREATE TABLE text_index_state (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                indexed_through_seq INTEGER NOT NULL
            );
            INSERT INTO text_index_state VALUES (1, 0);
            """),
        new(2, "TAXII collections, membership, principals, grants and statuses", """
            CREATE TABLE collections (
                key INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                description TEXT,
                alias TEXT COLLATE NOCASE UNIQUE,
                created_at_us INTEGER NOT NULL
            );

            CREATE TABLE collection_objects (
                collection_key INTEGER NOT NULL,
                date_added_us INTEGER NOT NULL,
                object_key INTEGER NOT NULL,
                version_us INTEGER NOT NULL,
                object_seq INTEGER NOT NULL,
                type TEXT NOT NULL,
                PRIMARY KEY (collection_key, date_added_us)
            ) WITHOUT ROWID;
            CREATE UNIQUE INDEX ix_collection_objects_version ON collection_objects (collection_key, object_key, version_us);
            CREATE INDEX ix_collection_objects_type ON collection_objects (collection_key, type, date_added_us);

            CREATE TABLE date_added_state (
                singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
                last_us INTEGER NOT NULL
            );
            INSERT INTO date_added_state SELECT 1, COALESCE(MAX(added_at_us), 0) FROM objects;

            CREATE TABLE principals (
                key INTEGER PRIMARY KEY,
                name TEXT NOT NULL COLLATE NOCASE UNIQUE,
                password_hash TEXT NOT NULL,
                token_lookup TEXT NOT NULL UNIQUE,
                token_hash TEXT NOT NULL,
                created_at_us INTEGER NOT NULL,
                revoked_at_us INTEGER
            );

            CREATE TABLE grants (
                principal_key INTEGER NOT NULL,
                collection_key INTEGER NOT NULL,
                can_read INTEGER NOT NULL,
                can_write INTEGER NOT NULL,
                PRIMARY KEY (principal_key, collection_key)
            ) WITHOUT ROWID;

            CREATE TABLE statuses (
                id TEXT PRIMARY KEY,
                collection_id TEXT NOT NULL,
                principal TEXT NOT NULL,
                complete INTEGER NOT NULL,
                request_timestamp_us INTEGER NOT NULL,
                saved_at_us INTEGER NOT NULL,
                details BLOB NOT NULL
            );
            CREATE INDEX ix_statuses_saved ON statuses (saved_at_us);
            """),
        new(3, "pull cursors and provenance of received objects", """
            CREATE TABLE pull_cursors (
                remote TEXT NOT NULL,
                collection_id TEXT NOT NULL,
                date_added TEXT NOT NULL,
                PRIMARY KEY (remote, collection_id)
            ) WITHOUT ROWID;

            CREATE TABLE provenance (
                seq INTEGER NOT NULL,
                remote TEXT NOT NULL,
                collection_id TEXT NOT NULL,
                received_at_us INTEGER NOT NULL,
                PRIMARY KEY (seq, remote, collection_id)
            ) WITHOUT ROWID;
            """),
        new(4, "ledger: entries, Merkle tree nodes, checkpoints issued and received, partner receipts", """
            CREATE TABLE ledger_entries (
                seq INTEGER PRIMARY KEY,
                partner TEXT,
                object_id TEXT,
                entry BLOB NOT NULL
            );

            CREATE TABLE ledger_tree (
                position INTEGER PRIMARY KEY,
                hash BLOB NOT NULL
            );

            CREATE TABLE ledger_checkpoints (
                seq INTEGER PRIMARY KEY,
                tree_size INTEGER NOT NULL,
                time_us INTEGER NOT NULL,
                origin TEXT NOT NULL,
                root_hash BLOB NOT NULL,
                key_id TEXT NOT NULL,
                public_key TEXT NOT NULL,
                signature TEXT NOT NULL,
                partner TEXT
            );
            CREATE INDEX ix_ledger_checkpoints_size ON ledger_checkpoints (tree_size);

            CREATE TABLE partner_checkpoints (
                partner TEXT NOT NULL,
                tree_size INTEGER NOT NULL,
                origin TEXT NOT NULL,
                root_hash BLOB NOT NULL,
                time_us INTEGER NOT NULL,
                key_id TEXT NOT NULL,
                signature TEXT NOT NULL,
                received_at_us INTEGER NOT NULL,
                PRIMARY KEY (partner, tree_size)
            ) WITHOUT ROWID;

            CREATE TABLE partner_receipts (
                seq INTEGER PRIMARY KEY,
                partner TEXT NOT NULL,
                received_at_us INTEGER NOT NULL,
                receipt BLOB NOT NULL
            );
            CREATE INDEX ix_partner_receipts_partner ON partner_receipts (partner);
            """),
        new(5, "partners, agreements, releases, approval queue and quarantine", """
            CREATE TABLE partners (
                code TEXT PRIMARY KEY,
                principal TEXT NOT NULL,
                outbound_collection TEXT NOT NULL,
                inbound_collection TEXT NOT NULL,
                discovery_url TEXT NOT NULL,
                added_at_us INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE partner_keys (
                code TEXT NOT NULL,
                accepted_at_us INTEGER NOT NULL,
                public_key TEXT NOT NULL,
                accepted_by TEXT NOT NULL,
                PRIMARY KEY (code, accepted_at_us)
            ) WITHOUT ROWID;

            CREATE TABLE agreements (
                partner TEXT NOT NULL,
                version INTEGER NOT NULL,
                applied_at_us INTEGER NOT NULL,
                applied_by TEXT NOT NULL,
                sha256 BLOB NOT NULL,
                text TEXT NOT NULL,
                PRIMARY KEY (partner, version)
            ) WITHOUT ROWID;

            CREATE TABLE releases (
                id INTEGER PRIMARY KEY,
                partner TEXT NOT NULL,
                source_id TEXT NOT NULL,
                source_version_us INTEGER NOT NULL,
                released_id TEXT NOT NULL,
                released_modified TEXT,
                state TEXT NOT NULL,
                agreement_version INTEGER NOT NULL,
                clause TEXT NOT NULL,
                precision_km REAL,
                precise INTEGER NOT NULL,
                requested_by TEXT NOT NULL,
                requested_at_us INTEGER NOT NULL,
                decided_by TEXT,
                decided_at_us INTEGER,
                reason TEXT,
                content_hash BLOB
            );
            CREATE UNIQUE INDEX ix_releases_source ON releases (partner, source_id, source_version_us, precise);
            CREATE INDEX ix_releases_state ON releases (partner, state);

            CREATE TABLE release_outputs (
                object_id TEXT PRIMARY KEY,
                partner TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE release_waiting (
                partner TEXT NOT NULL,
                source_id TEXT NOT NULL,
                source_version_us INTEGER NOT NULL,
                not_before_us INTEGER,
                reason TEXT NOT NULL,
                PRIMARY KEY (partner, source_id)
            ) WITHOUT ROWID;

            CREATE TABLE release_cursors (
                partner TEXT PRIMARY KEY,
                seq INTEGER NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE quarantine (
                id INTEGER PRIMARY KEY,
                partner TEXT NOT NULL,
                object_id TEXT NOT NULL,
                received_at_us INTEGER NOT NULL,
                reason TEXT NOT NULL,
                json BLOB NOT NULL
            );
            """),
        new(6, "persons of interest: read log and retention purges", """
            CREATE TABLE person_reads (
                seq INTEGER PRIMARY KEY,
                read_at_us INTEGER NOT NULL,
                reader TEXT NOT NULL,
                object_id TEXT NOT NULL,
                version_us INTEGER NOT NULL,
                via TEXT NOT NULL
            );
            CREATE INDEX ix_person_reads_object ON person_reads (object_id, read_at_us);

            CREATE TABLE retention_purges (
                seq INTEGER PRIMARY KEY,
                purged_at_us INTEGER NOT NULL,
                purged_by TEXT NOT NULL,
                object_id TEXT NOT NULL,
                review_by TEXT NOT NULL,
                versions INTEGER NOT NULL,
                content_hashes BLOB NOT NULL
            );
            CREATE INDEX ix_retention_purges_object ON retention_purges (object_id);
            """),
        new(7, "partners' STIX identities", """
            ALTER TABLE partners ADD COLUMN identity_id TEXT;
            """),
    ];

    /// <summary>The schema version this code expects.</summary>
    public static int Latest => All[^1].Version;
}
