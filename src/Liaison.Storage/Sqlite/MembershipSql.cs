using Liaison.Storage.Taxii;
using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Sqlite;

/// <summary>
/// The pieces of SQL that select members of a collection (table alias <c>m</c>) for TAXII filters. Every predicate
/// is answered from the membership table's own indexes; objects are joined only for the page that is returned.
/// </summary>
internal static class MembershipSql
{
    /// <summary>The only STIX version this node stores (objects without <c>spec_version</c> are 2.1 observables).</summary>
    public const string SpecVersion = "2.1";

    /// <summary>The collection's key, as an uncorrelated subquery (evaluated once, usable as an index bound).</summary>
    public const string CollectionKey = "(SELECT key FROM collections WHERE id = $collection)";

    private const string NoLaterVersion =
        "NOT EXISTS (SELECT 1 FROM collection_objects x WHERE x.collection_key = m.collection_key AND x.object_key = m.object_key AND x.version_us > m.version_us)";

    private const string NoEarlierVersion =
        "NOT EXISTS (SELECT 1 FROM collection_objects x WHERE x.collection_key = m.collection_key AND x.object_key = m.object_key AND x.version_us < m.version_us)";

    /// <summary>Whether <c>match[spec_version]</c> lets anything through: it must be empty or name 2.1.</summary>
    public static bool SpecVersionsMatch(TaxiiFilter filter) =>
        filter.SpecVersions.Count == 0 || filter.SpecVersions.Contains(SpecVersion, StringComparer.Ordinal);

    /// <summary>Binds the collection and <c>added_after</c> (exclusive; absent means from the start).</summary>
    public static void BindCommon(SqliteCommand command, Guid collectionId, TaxiiFilter filter)
    {
        command.Parameters.AddWithValue("$collection", SqliteStixStore.CollectionIdText(collectionId));
        command.Parameters.AddWithValue("$after", filter.AddedAfter ?? long.MinValue);
    }

    /// <summary>
    /// <c>match[version]</c> as one predicate on <c>m</c> (TAXII 2.1 §3.4.2): "last"/"first" are the latest/earliest
    /// version of each object <em>among the versions in this collection</em>; "all" keeps every version; timestamps keep
    /// those versions (an object without <c>modified</c> or <c>created</c> has its date added as version). Several
    /// values are OR'ed; nothing asked means "last".
    /// </summary>
    public static string VersionPredicate(TaxiiVersionFilter versions, SqliteCommand command)
    {
        if (versions.All)
        {
            return "1";
        }

        var any = new List<string>();
        if (versions.Last || (!versions.First && versions.Exact.Count == 0))
        {
            any.Add(NoLaterVersion);
        }

        if (versions.First)
        {
            any.Add(NoEarlierVersion);
        }

        if (versions.Exact.Count > 0)
        {
            var names = Bind(command, "$v", versions.Exact.Distinct().Select(v => (object)v));
            command.Parameters.AddWithValue("$unversioned", SqliteWriteBatch.Unversioned);
            any.Add($"m.version_us IN ({names})");
            any.Add($"(m.version_us = $unversioned AND m.date_added_us IN ({names}))");
        }

        return "(" + string.Join(" OR ", any) + ")";
    }

    /// <summary>Adds one parameter per value (<c>$p0</c>, <c>$p1</c>...) and returns their names, comma-separated.</summary>
    public static string Bind(SqliteCommand command, string prefix, IEnumerable<object> values)
    {
        var names = new List<string>();
        foreach (var value in values)
        {
            var name = prefix + names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.AddWithValue(name, value);
            names.Add(name);
        }

        return string.Join(", ", names);
    }
}
