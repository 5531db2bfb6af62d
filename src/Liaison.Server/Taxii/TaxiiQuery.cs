using Liaison.Core.Stix;
using Liaison.Storage.Taxii;
using Microsoft.AspNetCore.Http;

namespace Liaison.Server.Taxii;

/// <summary>The filters and paging of one TAXII GET, parsed from its query string, or the reason they are bad.</summary>
internal sealed record TaxiiQuery(TaxiiFilter Filter, int Limit, string? Next)
{
    public static bool TryParse(IQueryCollection query, int maxPageSize, out TaxiiQuery parsed, out string? error)
    {
        parsed = null!;
        error = null;
        var filter = new TaxiiFilter();
        if (query.TryGetValue("added_after", out var addedAfter))
        {
            if (!StixTimestamp.TryParse(addedAfter.ToString(), out var timestamp, out var reason))
            {
                error = $"added_after: {reason}";
                return false;
            }

            filter = filter with { AddedAfter = timestamp.Value.UnixMicroseconds };
        }

        var limit = maxPageSize;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText.ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out limit) || limit < 1)
            {
                error = $"limit must be a positive integer, not '{limitText}'";
                return false;
            }

            limit = Math.Min(limit, maxPageSize);
        }

        if (query.TryGetValue("match[id]", out var ids))
        {
            var list = Split(ids);
            foreach (var id in list)
            {
                if (!StixId.TryParse(id, out _, out var reason))
                {
                    error = $"match[id]: {reason}";
                    return false;
                }
            }

            filter = filter with { Ids = list };
        }

        if (query.TryGetValue("match[type]", out var types))
        {
            var list = Split(types);
            foreach (var type in list)
            {
                if (!StixNames.IsValidTypeName(type, out var reason))
                {
                    error = $"match[type]: {reason}";
                    return false;
                }
            }

            filter = filter with { Types = list };
        }

        if (query.TryGetValue("match[version]", out var versions))
        {
            bool last = false, first = false, all = false;
            var exact = new List<long>();
            foreach (var version in Split(versions))
            {
                switch (version)
                {
                    case "last": last = true; break;
                    case "first": first = true; break;
                    case "all": all = true; break;
                    default:
                        if (!StixTimestamp.TryParse(version, out var timestamp, out var reason))
                        {
                            error = $"match[version] must be last, first, all or a timestamp: {reason}";
                            return false;
                        }

                        exact.Add(timestamp.Value.UnixMicroseconds);
                        break;
                }
            }

            filter = filter with { Versions = new TaxiiVersionFilter(last, first, all, exact) };
        }

        if (query.TryGetValue("match[spec_version]", out var specVersions))
        {
            filter = filter with { SpecVersions = Split(specVersions) };
        }

        parsed = new TaxiiQuery(filter, limit, query.TryGetValue("next", out var next) ? next.ToString() : null);
        return true;
    }

    private static List<string> Split(Microsoft.Extensions.Primitives.StringValues values)
    {
        var list = new List<string>();
        foreach (var value in values)
        {
            foreach (var item in (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                list.Add(item);
            }
        }

        return list;
    }
}
