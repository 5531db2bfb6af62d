using Liaison.Core.Stix;
using Liaison.Storage.Taxii;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    private const string CollectionColumns = "id, title, description, alias";

    /// <summary>
    /// Creates a TAXII collection with a new random id. Collections are never deleted: their ids stay valid for
    /// partners that remember them.
    /// </summary>
    /// <param name="title">Human-readable title (see <see cref="TaxiiNames.TitleProblem"/>).</param>
    /// <param name="description">Optional description.</param>
    /// <param name="alias">Optional short name, unique regardless of case (see <see cref="TaxiiNames.AliasProblem"/>).</param>
    /// <exception cref="ArgumentException">The title or alias is not acceptable.</exception>
    /// <exception cref="StoreException">The alias is already used by another collection.</exception>
    public CollectionInfo CreateCollection(string title, string? description = null, string? alias = null)
    {
        Require(TaxiiNames.TitleProblem(title), nameof(title));
        if (alias is not null)
        {
            Require(TaxiiNames.AliasProblem(alias), nameof(alias));
        }

        var collection = new CollectionInfo(Guid.NewGuid(), title, string.IsNullOrEmpty(description) ? null : description, alias);
        using var transaction = _connection.BeginTransaction(deferred: false);
        if (alias is not null && FindCollectionByAlias(alias, transaction) is { } taken)
        {
            throw new StoreException($"alias '{alias}' is already used by collection {taken.Id} ('{taken.Title}'): choose another alias");
        }

        using var insert = Command("INSERT INTO collections (id, title, description, alias, created_at_us) VALUES ($id, $title, $description, $alias, $now)", transaction);
        insert.Parameters.AddWithValue("$id", CollectionIdText(collection.Id));
        insert.Parameters.AddWithValue("$title", title);
        insert.Parameters.AddWithValue("$description", (object?)collection.Description ?? DBNull.Value);
        insert.Parameters.AddWithValue("$alias", (object?)alias ?? DBNull.Value);
        insert.Parameters.AddWithValue("$now", NowMicroseconds());
        insert.ExecuteNonQuery();
        transaction.Commit();
        return collection;
    }

    /// <summary>Every collection, oldest first.</summary>
    public IReadOnlyList<CollectionInfo> Collections()
    {
        using var command = Command($"SELECT {CollectionColumns} FROM collections ORDER BY key");
        return ReadCollections(command);
    }

    /// <summary>The collection with this id (any UUID spelling) or, failing that, this alias (any case); null when none.</summary>
    public CollectionInfo? FindCollection(string idOrAlias)
    {
        ArgumentNullException.ThrowIfNull(idOrAlias);
        if (Guid.TryParse(idOrAlias, out var id))
        {
            using var command = Command($"SELECT {CollectionColumns} FROM collections WHERE id = $id");
            command.Parameters.AddWithValue("$id", CollectionIdText(id));
            return ReadCollections(command).FirstOrDefault();
        }

        return FindCollectionByAlias(idOrAlias);
    }

    /// <summary>How collection ids are written in the database: the lower-case 8-4-4-4-12 form.</summary>
    internal static string CollectionIdText(Guid id) => id.ToString("D");

    private SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        var command = Command(sql);
        command.Transaction = transaction;
        return command;
    }

    internal long NowMicroseconds() => StixTimestamp.UnixMicrosecondsOf(_clock.UtcNow);

    private static void Require(string? problem, string parameter)
    {
        if (problem is not null)
        {
            throw new ArgumentException(problem, parameter);
        }
    }

    private CollectionInfo? FindCollectionByAlias(string alias, SqliteTransaction? transaction = null)
    {
        using var command = Command($"SELECT {CollectionColumns} FROM collections WHERE alias = $alias", transaction);
        command.Parameters.AddWithValue("$alias", alias);
        return ReadCollections(command).FirstOrDefault();
    }

    private static List<CollectionInfo> ReadCollections(SqliteCommand command)
    {
        var results = new List<CollectionInfo>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            results.Add(new CollectionInfo(
                Guid.Parse(reader.GetString(0)),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return results;
    }
}
