using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;

namespace Liaison.Core.Policy;

/// <summary>
/// Replaces who said it with stable per-partner pseudonyms: identity references (<c>created_by_ref</c>, a strike
/// assessment's <c>assessor_ref</c>, each claim's <c>source_ref</c>, or the paths given) and external references.
/// </summary>
/// <remarks>
/// <para>A pseudonym is <c>identity--</c> and a UUID made from the first 16 bytes of
/// HMAC-SHA256(partner secret, <c>"identity\0"</c> + original id), with the version nibble set to 5 and the RFC 4122
/// variant (UUIDv5-like: name-based, but keyed). The same source always gets the same pseudonym for one partner; without
/// the secret, pseudonyms of two partners cannot be linked to each other or to the original. Every pseudonym used is
/// returned as a companion <c>identity</c> (<see cref="PseudonymIdentity"/>: name "Source" and six hex digits,
/// identity_class <c>unknown</c>, fixed timestamps) so that no reference dangles.</para>
/// <para>An external reference whose <c>source_name</c> is not kept (CVE and CAPEC are: they name registries, not
/// sources) becomes <c>{ source_name: "Source XXXXXX", external_id: "ref-…" }</c>: the source name is pseudonymised as
/// identities are, its url, description and hashes are dropped, and the external_id is a keyed digest of
/// (source_name, url, external_id), so the partner can tell that two objects cite the same item and nothing more.</para>
/// <para>The secret is copied; immutable and thread safe.</para>
/// </remarks>
public sealed class SourcePseudonymisation : StixTransform
{
    /// <summary>The created/modified timestamp of every pseudonymous identity (fixed, so each is always the same version).</summary>
    public const string PseudonymTimestamp = "2000-01-01T00:00:00.000Z";

    /// <summary>The shortest partner secret accepted, in bytes.</summary>
    public const int MinimumSecretLength = 16;

    // Sources are few and recur: their pseudonyms are kept (up to a bound) instead of recomputing the HMAC.
    private const int MaxCached = 65_536;

    private readonly ConcurrentDictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly byte[] _secret;
    private readonly PropertyPath[] _identityRefs;
    private readonly FrozenSet<string> _keptSourceNames;

    /// <summary>Creates the pseudonymisation for one partner.</summary>
    /// <param name="partnerSecret">The partner's secret, at least <see cref="MinimumSecretLength"/> random bytes, never sent.</param>
    /// <param name="identityRefPaths">Paths of identity references to replace; <see cref="DefaultIdentityRefs"/> when null.</param>
    /// <param name="keptSourceNames">External reference source names left as they are; <c>cve</c> and <c>capec</c> when null.</param>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinimumSecretLength"/> bytes.</exception>
    public SourcePseudonymisation(ReadOnlySpan<byte> partnerSecret, IEnumerable<PropertyPath>? identityRefPaths = null, IEnumerable<string>? keptSourceNames = null)
    {
        Preconditions.CheckArgument(partnerSecret.Length >= MinimumSecretLength, "a partner secret has at least 16 bytes");
        _secret = partnerSecret.ToArray();
        _identityRefs = [.. identityRefPaths ?? DefaultIdentityRefs];
        _keptSourceNames = (keptSourceNames ?? ["cve", "capec"]).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary><c>created_by_ref</c>, <c>assessor_ref</c> and the casualty claims' <c>source_ref</c>.</summary>
    public static IReadOnlyList<PropertyPath> DefaultIdentityRefs { get; } =
    [
        PropertyPath.Parse("created_by_ref"),
        PropertyPath.Parse("assessor_ref"),
        PropertyPath.Parse($"extensions['{LiaisonExtensions.CasualtyClaimsId}'].claims[*].source_ref"),
    ];

    /// <summary>The identity references replaced.</summary>
    public IReadOnlyList<PropertyPath> IdentityRefPaths => _identityRefs;

    /// <summary>The pseudonym of <paramref name="identityId"/> for this partner.</summary>
    public string PseudonymFor(string identityId)
    {
        ArgumentNullException.ThrowIfNull(identityId);
        if (_cache.TryGetValue(identityId, out var pseudonym))
        {
            return pseudonym;
        }

        pseudonym = "identity--" + KeyedUuid("identity", identityId);
        if (_cache.Count < MaxCached)
        {
            _cache.TryAdd(identityId, pseudonym);
        }

        return pseudonym;
    }

    /// <summary>The <c>identity</c> object to send with references to <paramref name="pseudonymId"/>.</summary>
    public static JsonObject PseudonymIdentity(string pseudonymId)
    {
        ArgumentNullException.ThrowIfNull(pseudonymId);
        Preconditions.CheckArgument(pseudonymId.StartsWith("identity--", StringComparison.Ordinal) && pseudonymId.Length == 46, "a pseudonym is identity--UUID");
        return new JsonObject
        {
            ["type"] = "identity",
            ["spec_version"] = "2.1",
            ["id"] = pseudonymId,
            ["created"] = PseudonymTimestamp,
            ["modified"] = PseudonymTimestamp,
            ["name"] = "Source " + pseudonymId.Substring(10, 6).ToUpperInvariant(),
            ["identity_class"] = "unknown",
        };
    }

    internal override void ApplyTo(JsonObject target, TransformContext context)
    {
        foreach (var path in _identityRefs)
        {
            PathVisitor.Visit(target, path, (this, context), static (holder, name, state) =>
            {
                if (holder[name] is JsonValue value && value.TryGetValue(out string? id) && id.StartsWith("identity--", StringComparison.Ordinal))
                {
                    var pseudonym = state.Item1.PseudonymFor(id);
                    holder[name] = pseudonym;
                    state.context.Companion(pseudonym, () => PseudonymIdentity(pseudonym));
                }
            });
        }

        if (target["external_references"] is JsonArray references)
        {
            for (var i = 0; i < references.Count; i++)
            {
                if (references[i] is JsonObject reference && reference["source_name"] is JsonValue source && source.TryGetValue(out string? sourceName)
                    && !_keptSourceNames.Contains(sourceName))
                {
                    references[i] = Pseudonymous(reference, sourceName);
                }
            }
        }
    }

    private JsonObject Pseudonymous(JsonObject reference, string sourceName)
    {
        var url = reference["url"] is JsonValue u && u.TryGetValue(out string? s) ? s : "";
        var externalId = reference["external_id"] is JsonValue e && e.TryGetValue(out string? x) ? x : "";
        return new JsonObject
        {
            ["source_name"] = "Source " + KeyedUuid("source", sourceName)[..6].ToUpperInvariant(),
            ["external_id"] = "ref-" + KeyedUuid("reference", string.Concat(sourceName, "\0", url, "\0", externalId)).Replace("-", "", StringComparison.Ordinal),
        };
    }

    private string KeyedUuid(string domain, string value)
    {
        Span<byte> mac = stackalloc byte[32];
        var input = Encoding.UTF8.GetBytes(domain + "\0" + value);
        HMACSHA256.HashData(_secret, input, mac);
        mac[6] = (byte)((mac[6] & 0x0F) | 0x50);
        mac[8] = (byte)((mac[8] & 0x3F) | 0x80);
        return new Guid(mac[..16], bigEndian: true).ToString("D");
    }
}
