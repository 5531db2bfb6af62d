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
    ];

    /// <summary>The schema version this code expects.</summary>
    public static int Latest => All[^1].Version;
}
