using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Liaison.Core.Policy;

/// <summary>
/// A releasability statement marking, e.g. "REL TO FRA, RUS": a STIX <c>marking-definition</c> of
/// <c>definition_type</c> <c>statement</c> whose id is derived from its text, so every node that writes the same
/// statement writes the same object.
/// </summary>
/// <remarks>
/// The codes are upper-case ISO 3166 alpha-3 country codes or four-letter organisation codes (e.g. NATO), written in
/// ordinal order without duplicates, so the same set gives the same text whatever the order given. The id is an RFC
/// 4122 version 5 UUID (SHA-1, name-based) of the statement text in the STIX 2.1 namespace
/// <c>00abedb4-aa42-466c-9c01-fed23315a9b7</c>; <c>created</c> is fixed (<see cref="Created"/>). Immutable;
/// <see cref="Definition"/> returns a fresh copy each time.
/// </remarks>
public sealed class ReleasabilityMarking
{
    /// <summary>The fixed <c>created</c> of every releasability marking.</summary>
    public const string Created = "2000-01-01T00:00:00.000Z";

    private static readonly Guid StixNamespace = Guid.Parse("00abedb4-aa42-466c-9c01-fed23315a9b7");

    private ReleasabilityMarking(string[] codes, string statement, string id)
    {
        Codes = codes;
        Statement = statement;
        Id = id;
    }

    /// <summary>The codes released to, in ordinal order.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The statement, e.g. <c>REL TO FRA, RUS</c>.</summary>
    public string Statement { get; }

    /// <summary>The marking-definition id derived from <see cref="Statement"/>.</summary>
    public string Id { get; }

    /// <summary>Builds "REL TO" the given codes.</summary>
    /// <exception cref="ArgumentException">No code, or a code that is not 3 or 4 upper-case letters.</exception>
    public static ReleasabilityMarking RelTo(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var sorted = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        Preconditions.CheckArgument(sorted.Length > 0, "a releasability statement names at least one country or organisation");
        foreach (var code in sorted)
        {
            Preconditions.CheckArgument(code is { Length: 3 or 4 } && code.All(char.IsAsciiLetterUpper), $"'{code}' is not an upper-case 3-letter country or 4-letter organisation code");
        }

        var statement = "REL TO " + string.Join(", ", sorted);
        return new ReleasabilityMarking(sorted, statement, "marking-definition--" + NameBasedUuid(statement));
    }

    /// <summary>Builds "REL TO" the given codes.</summary>
    public static ReleasabilityMarking RelTo(params string[] codes) => RelTo((IEnumerable<string>)codes);

    /// <summary>The marking-definition object (a new copy).</summary>
    public JsonObject Definition() => new()
    {
        ["type"] = "marking-definition",
        ["spec_version"] = "2.1",
        ["id"] = Id,
        ["created"] = Created,
        ["name"] = Statement,
        ["definition_type"] = "statement",
        ["definition"] = new JsonObject { ["statement"] = Statement },
    };

    /// <inheritdoc />
    public override string ToString() => Statement;

    private static string NameBasedUuid(string name)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        StixNamespace.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 is defined with; this is an identifier, not a security boundary.
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString("D");
    }
}
