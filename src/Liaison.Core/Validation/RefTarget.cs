using System.Collections.Frozen;

namespace Liaison.Core.Validation;

/// <summary>
/// Which object types an identifier reference may point to: whole families (SDO, SCO, ...), named types, and
/// whether custom (non-spec) types are acceptable. <see cref="Description"/> is the phrase used in messages
/// ("must reference an identity").
/// </summary>
internal sealed class RefTarget
{
    private readonly FrozenSet<string> _types;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _typeLookup;

    private RefTarget(string description, bool sdo, bool sro, bool sco, bool meta, bool custom, string[] types, string[]? excluded = null)
    {
        Description = description;
        Sdo = sdo;
        Sro = sro;
        Sco = sco;
        Meta = meta;
        Custom = custom;
        _types = types.ToFrozenSet(StringComparer.Ordinal);
        _typeLookup = _types.GetAlternateLookup<ReadOnlySpan<char>>();
        _excluded = (excluded ?? []).ToFrozenSet(StringComparer.Ordinal);
        _excludedLookup = _excluded.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Description { get; }

    public bool Sdo { get; }

    public bool Sro { get; }

    public bool Sco { get; }

    public bool Meta { get; }

    public bool Custom { get; }

    private readonly FrozenSet<string> _excluded;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _excludedLookup;

    /// <summary>Whether an identifier whose type part is <paramref name="type"/> may be referenced.</summary>
    public bool Allows(ReadOnlySpan<char> type)
    {
        if (_typeLookup.Contains(type))
        {
            return true;
        }

        if (!TypeCatalog.TryGetCategory(type, out var category))
        {
            // bundle is not an object, so it can never be referenced.
            return Custom && !type.SequenceEqual("bundle");
        }

        if (_excluded.Count > 0 && _excludedLookup.Contains(type))
        {
            return false;
        }

        return category switch
        {
            ObjectCategory.Sdo => Sdo,
            ObjectCategory.Sro => Sro,
            ObjectCategory.Sco => Sco,
            _ => Meta,
        };
    }

    private static RefTarget Types(string description, params string[] types) => new(description, false, false, false, false, false, types);

    public static readonly RefTarget AnyObject = new("a STIX object", true, true, true, true, true, []);
    public static readonly RefTarget Identity = Types("an identity", "identity");
    public static readonly RefTarget MarkingDefinition = Types("a marking-definition", "marking-definition");
    public static readonly RefTarget IdentityOrLocation = Types("an identity or a location", "identity", "location");
    public static readonly RefTarget ObservedData = Types("an observed-data", "observed-data");
    public static readonly RefTarget SdoOrCustom = new("an SDO or a custom object", true, false, false, false, true, []);
    public static readonly RefTarget SdoScoOrCustom = new("an SDO, an SCO or a custom object (not an SRO or a meta object)", true, false, true, false, true, []);
    public static readonly RefTarget ScoOrSro = new("an SCO, a relationship, a sighting or a custom object", false, true, true, false, true, []);
    public static readonly RefTarget AnySco = new("an SCO (or a custom object)", false, false, true, false, true, []);
    public static readonly RefTarget NotLanguageContent = new("a STIX object other than language-content", true, true, true, true, true, [], ["language-content"]);
    public static readonly RefTarget Software = Types("a software", "software");
    public static readonly RefTarget FileOrArtifact = Types("a file or an artifact", "file", "artifact");
    public static readonly RefTarget AnalysisSample = Types("an artifact, a file or a network-traffic", "artifact", "file", "network-traffic");
    public static readonly RefTarget FileOrDirectory = Types("a file or a directory", "file", "directory");
    public static readonly RefTarget Directory = Types("a directory", "directory");
    public static readonly RefTarget File = Types("a file", "file");
    public static readonly RefTarget Artifact = Types("an artifact", "artifact");
    public static readonly RefTarget ArtifactOrFile = Types("an artifact or a file", "artifact", "file");
    public static readonly RefTarget DomainResolution = Types("an ipv4-addr, an ipv6-addr or a domain-name", "ipv4-addr", "ipv6-addr", "domain-name");
    public static readonly RefTarget MacAddress = Types("a mac-addr", "mac-addr");
    public static readonly RefTarget AutonomousSystem = Types("an autonomous-system", "autonomous-system");
    public static readonly RefTarget UserAccount = Types("a user-account", "user-account");
    public static readonly RefTarget EmailAddress = Types("an email-addr", "email-addr");
    public static readonly RefTarget NetworkEndpoint = Types("an ipv4-addr, an ipv6-addr, a mac-addr or a domain-name", "ipv4-addr", "ipv6-addr", "mac-addr", "domain-name");
    public static readonly RefTarget NetworkTraffic = Types("a network-traffic", "network-traffic");
    public static readonly RefTarget Process = Types("a process", "process");
}
