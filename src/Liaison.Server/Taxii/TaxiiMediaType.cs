namespace Liaison.Server.Taxii;

/// <summary>TAXII 2.1 media types and the rules for accepting them.</summary>
internal static class TaxiiMediaType
{
    /// <summary>Written exactly so on every response, errors included (TAXII 2.1 §1.6.8).</summary>
    public const string Taxii = "application/taxii+json;version=2.1";

    /// <summary>The STIX media type named in manifests.</summary>
    public const string Stix = "application/stix+json;version=2.1";

    /// <summary>
    /// Whether an <c>Accept</c> header allows a TAXII 2.1 response: absent, <c>*/*</c>, <c>application/*</c>,
    /// <c>application/taxii+json</c> bare or with <c>version=2.1</c> (spaces around <c>;</c> and case ignored).
    /// </summary>
    public static bool IsAcceptable(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return true;
        }

        foreach (var range in accept.Split(','))
        {
            if (Matches(range, allowWildcards: true))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a request's <c>Content-Type</c> is TAXII 2.1 JSON (bare or with <c>version=2.1</c>).</summary>
    public static bool IsTaxiiContent(string? contentType) => contentType is not null && Matches(contentType, allowWildcards: false);

    private static bool Matches(string mediaRange, bool allowWildcards)
    {
        var parts = mediaRange.Split(';');
        var type = parts[0].Trim();
        string? version = null;
        var refused = false;
        for (var i = 1; i < parts.Length; i++)
        {
            var parameter = parts[i].Split('=', 2);
            var name = parameter[0].Trim();
            var value = parameter.Length == 2 ? parameter[1].Trim().Trim('"') : string.Empty;
            if (name.Equals("version", StringComparison.OrdinalIgnoreCase))
            {
                version = value;
            }
            else if (name.Equals("q", StringComparison.OrdinalIgnoreCase) && value is "0" or "0.0" or "0.00" or "0.000")
            {
                refused = true;
            }
        }

        if (refused)
        {
            return false;
        }

        if (allowWildcards && (type == "*/*" || type.Equals("application/*", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return type.Equals("application/taxii+json", StringComparison.OrdinalIgnoreCase) && (version is null || version == "2.1");
    }
}
