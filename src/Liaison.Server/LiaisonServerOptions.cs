namespace Liaison.Server;

/// <summary>
/// The server's one options record: defaults here, then the node's configuration and the command line. Checked by
/// <see cref="Validate"/> before the server starts.
/// </summary>
public sealed record LiaisonServerOptions
{
    /// <summary>The node's SQLite database.</summary>
    public required string DatabasePath { get; init; }

    /// <summary>Title of the discovery resource and of the API root.</summary>
    public string Title { get; init; } = "Liaison node";

    /// <summary>Largest request body accepted, in bytes (advertised as the API root's <c>max_content_length</c>).</summary>
    public int MaxContentLength { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most objects returned in one page; larger <c>limit</c> values are clamped to it.</summary>
    public int MaxPageSize { get; init; } = 1000;

    /// <summary>How long a <c>next</c> token stays valid.</summary>
    public TimeSpan PageTokenLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long a successful authentication is remembered, so each request does not pay Argon2id again.</summary>
    public TimeSpan AuthenticationCacheLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The bilateral person-match key agreed with a partner (by code), or null when none is: without one, the
    /// partner's match queries are refused.
    /// </summary>
    public Func<string, Liaison.Core.Persons.PersonMatchKey?> PersonMatchKeys { get; init; } = _ => null;

    /// <summary>The node's separation minima, for checking the activity notices a partner pushes to its inbound collection.</summary>
    public Liaison.Core.Deconfliction.DeconflictionRules DeconflictionRules { get; init; } = Liaison.Core.Deconfliction.DeconflictionRules.Default;

    /// <summary>
    /// The node's identity id, <c>created_by_ref</c> of the conflict reports written when a notice a partner pushes
    /// conflicts with ours. Null: pushed notices are stored but not checked as they arrive (they are checked when one
    /// of our notices is next added or changed).
    /// </summary>
    public string? NodeIdentityId { get; init; }

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new ArgumentException("the database path is required", nameof(DatabasePath));
        }

        if (MaxContentLength < 1024)
        {
            throw new ArgumentException($"max content length must be at least 1024 bytes, not {MaxContentLength}", nameof(MaxContentLength));
        }

        if (MaxPageSize is < 1 or > 100_000)
        {
            throw new ArgumentException($"max page size must be within 1..100000, not {MaxPageSize}", nameof(MaxPageSize));
        }
    }
}
