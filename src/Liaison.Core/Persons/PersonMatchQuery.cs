using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Liaison.Core.Persons;

/// <summary>
/// "Do you hold a record matching this person?", as sent to a partner: an id and exactly <see cref="TagCount"/> tags
/// (64 lower-case hex digits each), the keyed hashes of the person's name keys and birth year padded with random tags
/// and sorted, so every query has the same shape whatever the person: the partner learns neither the number of names
/// nor of variants, and without the key nothing at all. Immutable.
/// </summary>
public sealed record PersonMatchQuery
{
    /// <summary>The number of tags in every query.</summary>
    public const int TagCount = 64;

    private PersonMatchQuery(string queryId, IReadOnlyList<string> tags)
    {
        QueryId = queryId;
        Tags = tags;
    }

    /// <summary>The requester's id for the query (1-64 ASCII letters, digits, '-' or '_'), echoed in the answer.</summary>
    public string QueryId { get; }

    /// <summary>The tags, sorted.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>Makes the query for a person known by <paramref name="names"/> (in any script) born in <paramref name="birthYear"/>.</summary>
    /// <param name="queryId">The id to echo (see <see cref="QueryId"/>).</param>
    /// <param name="names">The person's names and aliases.</param>
    /// <param name="birthYear">The year of birth, 1900-2100.</param>
    /// <param name="key">The key shared with the partner asked.</param>
    /// <param name="fillRandom">Fills padding tags; cryptographic randomness when null (tests inject their own).</param>
    /// <exception cref="ArgumentException">The id is malformed, the names give no key, or they give more than <see cref="TagCount"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The birth year is outside 1900-2100.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="fillRandom"/> repeats itself.</exception>
    public static PersonMatchQuery Create(string queryId, IEnumerable<string> names, int birthYear, PersonMatchKey key, Action<Span<byte>>? fillRandom = null)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(key);
        Preconditions.CheckArgument(IsValidId(queryId), "a query id is 1-64 ASCII letters, digits, '-' or '_'");
        ArgumentOutOfRangeException.ThrowIfLessThan(birthYear, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(birthYear, 2100);
        var tags = key.Tags(names, birthYear);
        Preconditions.CheckArgument(tags.Count > 0, "the names give no key: they have no letters");
        Preconditions.CheckArgument(tags.Count <= TagCount, "the names give more keys than a query holds: send fewer names");

        Span<byte> padding = stackalloc byte[32];
        while (tags.Count < TagCount)
        {
            if (fillRandom is null)
            {
                RandomNumberGenerator.Fill(padding);
            }
            else
            {
                fillRandom(padding);
            }

            if (!tags.Add(Convert.ToHexStringLower(padding)))
            {
                throw new InvalidOperationException("the random source repeated a 256-bit value: it is not random");
            }
        }

        return new PersonMatchQuery(queryId, [.. tags.Order(StringComparer.Ordinal)]);
    }

    /// <summary>Reads a query received from a partner, or says why it is not one.</summary>
    public static bool TryCreate(string? queryId, IReadOnlyList<string>? tags, [NotNullWhen(true)] out PersonMatchQuery? query, [NotNullWhen(false)] out string? problem)
    {
        query = null;
        if (!IsValidId(queryId))
        {
            problem = "query_id must be 1-64 ASCII letters, digits, '-' or '_'";
            return false;
        }

        if (tags is null || tags.Count != TagCount)
        {
            problem = $"a query has exactly {TagCount} tags, not {tags?.Count ?? 0}";
            return false;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (tags[i] is not { Length: 64 } tag || !tag.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
            {
                problem = $"tags[{i}] must be 64 lower-case hexadecimal digits";
                return false;
            }
        }

        query = new PersonMatchQuery(queryId, [.. tags]);
        problem = null;
        return true;
    }

    private static bool IsValidId([NotNullWhen(true)] string? id) =>
        id is { Length: >= 1 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
