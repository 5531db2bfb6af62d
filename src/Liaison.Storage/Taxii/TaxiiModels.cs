namespace Liaison.Storage.Taxii;

/// <summary>A TAXII collection held by this node.</summary>
/// <param name="Id">The collection's UUID (TAXII requires a UUID id).</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Description">Optional description.</param>
/// <param name="Alias">Optional unique short name.</param>
public sealed record CollectionInfo(Guid Id, string Title, string? Description, string? Alias);

/// <summary>A principal (a partner, a tool, a person) that can authenticate to the node.</summary>
/// <param name="Name">Unique name.</param>
/// <param name="CreatedAtMicroseconds">When it was created (Unix microseconds).</param>
/// <param name="Revoked">Whether its credentials were revoked (it can no longer authenticate).</param>
public sealed record PrincipalInfo(string Name, long CreatedAtMicroseconds, bool Revoked);

/// <summary>What a principal may do in a collection.</summary>
public sealed record CollectionGrant(string Principal, Guid CollectionId, bool CanRead, bool CanWrite);

/// <summary>The credentials handed out once when a principal is created: a password (for HTTP Basic) and a bearer token.</summary>
/// <param name="Principal">The principal's name.</param>
/// <param name="Password">The password, when generated (null when the caller supplied one).</param>
/// <param name="BearerToken">A bearer token for the same principal.</param>
public sealed record PrincipalCredentials(string Principal, string? Password, string BearerToken);

/// <summary>
/// Which versions of which objects a TAXII request asks for. Lists are OR'ed inside a filter; filters are AND'ed.
/// </summary>
public sealed record TaxiiFilter
{
    /// <summary>Only entries added to the collection strictly after this instant (Unix microseconds).</summary>
    public long? AddedAfter { get; init; }

    /// <summary><c>match[id]</c>.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary><c>match[type]</c>.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary><c>match[version]</c>: "last" (default), "first", "all", or explicit version timestamps.</summary>
    public TaxiiVersionFilter Versions { get; init; } = TaxiiVersionFilter.Default;

    /// <summary><c>match[spec_version]</c>; empty means the latest spec version of each object (2.1 here).</summary>
    public IReadOnlyList<string> SpecVersions { get; init; } = [];
}

/// <summary>The <c>match[version]</c> filter: any combination of last, first, all and explicit timestamps.</summary>
public sealed record TaxiiVersionFilter(bool Last, bool First, bool All, IReadOnlyList<long> Exact)
{
    /// <summary>The default: the latest version of each object.</summary>
    public static TaxiiVersionFilter Default { get; } = new(true, false, false, []);
}

/// <summary>One object version in a collection, with the date it was added to that collection.</summary>
public sealed record CollectionEntry(StoredObject Stored, long DateAddedMicroseconds, string? SpecVersion);

/// <summary>One page of a collection read.</summary>
/// <param name="Entries">The entries, in date-added order.</param>
/// <param name="More">Whether more entries match after this page.</param>
public sealed record CollectionPage(IReadOnlyList<CollectionEntry> Entries, bool More);

/// <summary>A TAXII status resource: the outcome of one POST to a collection.</summary>
public sealed record TaxiiStatus(
    Guid Id,
    Guid CollectionId,
    string Principal,
    bool Complete,
    long RequestTimestampMicroseconds,
    IReadOnlyList<TaxiiStatusDetail> Successes,
    IReadOnlyList<TaxiiStatusDetail> Failures,
    IReadOnlyList<TaxiiStatusDetail> Pendings)
{
    /// <summary>Objects in the request.</summary>
    public int TotalCount => Successes.Count + Failures.Count + Pendings.Count;
}

/// <summary>One object's outcome in a status resource.</summary>
/// <param name="Id">The object's id (or a placeholder when it had none).</param>
/// <param name="Version">Its version (modified/created) as written, when it had one.</param>
/// <param name="Message">Why it failed, or a note.</param>
public sealed record TaxiiStatusDetail(string Id, string? Version, string? Message)
{
    /// <summary>Writes the detail as TAXII's status-detail object (absent version and message are omitted).</summary>
    public void WriteTo(System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        if (Version is not null)
        {
            writer.WriteString("version", Version);
        }

        if (Message is not null)
        {
            writer.WriteString("message", Message);
        }

        writer.WriteEndObject();
    }
}
