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
    ];

    /// <summary>The schema version this code expects.</summary>
    public static int Latest => All[^1].Version;
}
