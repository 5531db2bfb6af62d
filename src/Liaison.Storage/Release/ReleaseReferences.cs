using System.Text.Json;

namespace Liaison.Storage.Release;

/// <summary>The ids an object references: every string of its <c>*_ref</c> and <c>*_refs</c> properties, at any depth.</summary>
internal static class ReleaseReferences
{
    public static IEnumerable<string> Of(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name.EndsWith("_ref", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
                    {
                        yield return property.Value.GetString()!;
                    }
                    else if (property.Name.EndsWith("_refs", StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in property.Value.EnumerateArray())
                        {
                            if (item.ValueKind == JsonValueKind.String)
                            {
                                yield return item.GetString()!;
                            }
                        }
                    }
                    else
                    {
                        foreach (var nested in Of(property.Value))
                        {
                            yield return nested;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var nested in Of(item))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
