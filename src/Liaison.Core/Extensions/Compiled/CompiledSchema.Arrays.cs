using System.Runtime.InteropServices;
using System.Text.Json;

namespace Liaison.Core.Extensions.Compiled;

internal sealed partial class CompiledSchema
{
    // Past this many items, duplicates are found through a hash set instead of comparing every pair.
    private const int PairwiseUniqueLimit = 32;

    private long _minItems;
    private long _maxItems = long.MaxValue;
    private CompiledSchema[] _prefixItems = [];
    private CompiledSchema? _items;
    private bool _uniqueItems;

    private void DefineArrays(SchemaKeywords keywords)
    {
        _minItems = keywords.MinItems;
        _maxItems = keywords.MaxItems;
        _prefixItems = [.. keywords.PrefixItems];
        _items = keywords.Items;
        _uniqueItems = keywords.UniqueItems;
    }

    private bool ArrayIsValid(JsonElement instance)
    {
        var length = instance.GetArrayLength();
        if (length < _minItems || length > _maxItems)
        {
            return false;
        }

        if (_prefixItems.Length > 0 || _items is not null)
        {
            var index = 0;
            foreach (var item in instance.EnumerateArray())
            {
                var schema = index < _prefixItems.Length ? _prefixItems[index] : _items;
                if (schema is null)
                {
                    break;
                }

                if (!schema.IsValid(item))
                {
                    return false;
                }

                index++;
            }
        }

        // The compiler accepts uniqueItems only beside items that must be strings, so only strings need comparing here.
        return !_uniqueItems || (length <= PairwiseUniqueLimit ? StringsDifferPairwise(instance) : StringsDifferHashed(instance));
    }

    private static bool StringsDifferPairwise(JsonElement array)
    {
        var i = 0;
        foreach (var a in array.EnumerateArray())
        {
            if (a.ValueKind == JsonValueKind.String)
            {
                var j = 0;
                foreach (var b in array.EnumerateArray())
                {
                    if (j++ == i)
                    {
                        break;
                    }

                    if (b.ValueKind == JsonValueKind.String && SameString(a, b))
                    {
                        return false;
                    }
                }
            }

            i++;
        }

        return true;
    }

    private static bool StringsDifferHashed(JsonElement array)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && !seen.Add(item.GetString()!))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameString(JsonElement a, JsonElement b)
    {
        var rawA = JsonMarshal.GetRawUtf8Value(a);
        var rawB = JsonMarshal.GetRawUtf8Value(b);
        return Utf16Text.HasEscape(rawA) || Utf16Text.HasEscape(rawB)
            ? string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal)
            : rawA.SequenceEqual(rawB);
    }
}
