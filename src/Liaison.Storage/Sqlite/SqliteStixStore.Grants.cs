using Liaison.Storage.Taxii;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

public sealed partial class SqliteStixStore
{
    private const string GrantSelect =
        "SELECT p.name, c.id, g.can_read, g.can_write FROM grants g " +
        "JOIN principals p ON p.key = g.principal_key JOIN collections c ON c.key = g.collection_key ";

    /// <summary>
    /// Lets a principal read and/or write a collection, replacing what it had there. Default deny: a principal with no
    /// grant on a collection cannot see it.
    /// </summary>
    /// <exception cref="ArgumentException">Neither read nor write is given (use <see cref="RevokeGrant"/> to take access away).</exception>
    /// <exception cref="StoreException">The principal or the collection does not exist, or the principal is revoked.</exception>
    public void Grant(string principal, Guid collectionId, bool canRead, bool canWrite)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (!canRead && !canWrite)
        {
            throw new ArgumentException("a grant gives read, write or both; to take access away, revoke the grant", nameof(canWrite));
        }

        using var transaction = _connection.BeginTransaction(deferred: false);
        var (principalKey, collectionKey) = GrantKeys(principal, collectionId, transaction);
        using var upsert = Command(
            "INSERT INTO grants (principal_key, collection_key, can_read, can_write) VALUES ($p, $c, $r, $w) " +
            "ON CONFLICT (principal_key, collection_key) DO UPDATE SET can_read = excluded.can_read, can_write = excluded.can_write",
            transaction);
        upsert.Parameters.AddWithValue("$p", principalKey);
        upsert.Parameters.AddWithValue("$c", collectionKey);
        upsert.Parameters.AddWithValue("$r", canRead);
        upsert.Parameters.AddWithValue("$w", canWrite);
        upsert.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Takes away a principal's access to a collection. Returns false when it had no grant there (or either is unknown).</summary>
    public bool RevokeGrant(string principal, Guid collectionId)
    {
        ArgumentNullException.ThrowIfNull(principal);
        using var command = Command(
            "DELETE FROM grants WHERE principal_key = (SELECT key FROM principals WHERE name = $p) " +
            "AND collection_key = (SELECT key FROM collections WHERE id = $c)");
        command.Parameters.AddWithValue("$p", principal);
        command.Parameters.AddWithValue("$c", CollectionIdText(collectionId));
        return command.ExecuteNonQuery() > 0;
    }

    /// <summary>Every grant (of one principal, any case, when given), by principal name then collection age.</summary>
    public IReadOnlyList<CollectionGrant> Grants(string? principal = null)
    {
        using var command = Command(GrantSelect + (principal is null ? string.Empty : "WHERE p.name = $p ") + "ORDER BY p.name, c.key");
        if (principal is not null)
        {
            command.Parameters.AddWithValue("$p", principal);
        }

        return ReadGrants(command);
    }

    /// <summary>
    /// What the principal may do in the collection; null when it has no grant there, or when the principal is revoked
    /// or unknown (default deny).
    /// </summary>
    public CollectionGrant? Access(string principal, Guid collectionId)
    {
        ArgumentNullException.ThrowIfNull(principal);
        using var command = Command(GrantSelect + "WHERE p.name = $p AND c.id = $c AND p.revoked_at_us IS NULL");
        command.Parameters.AddWithValue("$p", principal);
        command.Parameters.AddWithValue("$c", CollectionIdText(collectionId));
        return ReadGrants(command).FirstOrDefault();
    }

    private (long Principal, long Collection) GrantKeys(string principal, Guid collectionId, SqliteTransaction transaction)
    {
        using var findPrincipal = Command("SELECT key, revoked_at_us IS NOT NULL FROM principals WHERE name = $p", transaction);
        findPrincipal.Parameters.AddWithValue("$p", principal);
        long principalKey;
        using (var reader = findPrincipal.ExecuteReader())
        {
            if (!reader.Read())
            {
                throw new StoreException($"no principal '{principal}' in this node: create it first ('liaison principal create {principal}')");
            }

            if (reader.GetBoolean(1))
            {
                throw new StoreException($"principal '{principal}' is revoked: a revoked principal takes no new grants");
            }

            principalKey = reader.GetInt64(0);
        }

        using var findCollection = Command("SELECT key FROM collections WHERE id = $c", transaction);
        findCollection.Parameters.AddWithValue("$c", CollectionIdText(collectionId));
        var collectionKey = findCollection.ExecuteScalar()
            ?? throw new StoreException($"no collection {collectionId} in this node ('liaison collection list' shows them)");
        return (principalKey, ToLong(collectionKey));
    }

    private static List<CollectionGrant> ReadGrants(SqliteCommand command)
    {
        var results = new List<CollectionGrant>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            results.Add(new CollectionGrant(reader.GetString(0), Guid.Parse(reader.GetString(1)), reader.GetBoolean(2), reader.GetBoolean(3)));
        }

        return results;
    }
}
