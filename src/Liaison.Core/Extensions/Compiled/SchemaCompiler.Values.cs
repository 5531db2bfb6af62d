using System.Globalization;
using System.Text.Json;

namespace Liaison.Core.Extensions.Compiled;

internal sealed partial class SchemaCompiler
{
    private CompiledSchema Resolve(Document from, string at, string reference)
    {
        var target = new Uri(from.Id, reference);
        if (!_byUri.TryGetValue(target.GetLeftPart(UriPartial.Query), out var document))
        {
            throw Refuse(from, at, $"$ref '{reference}' leads outside the extension schemas");
        }

        var fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
        if (fragment.Length > 0 && fragment[0] != '/')
        {
            throw Refuse(from, at, $"$ref '{reference}' names an anchor; only JSON pointers are implemented");
        }

        var element = document.Root;
        var pointer = string.Empty;
        foreach (var segment in JsonPathText.Segments(fragment))
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                throw Refuse(from, at, $"$ref '{reference}' does not lead to a schema");
            }

            pointer += "/" + Escape(segment);
        }

        return CompileAt(document, element, pointer);
    }

    private static JsonTypes Types(Document document, string at, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return JsonTypesOf.Parse(value.GetString()!);
        }

        var types = JsonTypes.None;
        foreach (var item in Array(document, at, value).EnumerateArray())
        {
            types |= JsonTypesOf.Parse(String(document, at, item));
        }

        return types == JsonTypes.None ? throw Refuse(document, at, "an empty type list") : types;
    }

    private static NumberLimit Number(Document document, string at, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? new NumberLimit(value) : throw Refuse(document, at, "a number is expected");

    private static long Count(Document document, string at, JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var count) && count >= 0
            ? count
            : throw Refuse(document, at, "a whole number of zero or more is expected");

    private static bool Boolean(Document document, string at, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Refuse(document, at, "true or false is expected"),
    };

    // const and enum hold strings only: JsonSchema.Net compares other values with its own number and object equality.
    private static string String(Document document, string at, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Refuse(document, at, "a string is expected");

    private static JsonElement Array(Document document, string at, JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value : throw Refuse(document, at, "an array is expected");

    private static JsonElement Object(Document document, string at, JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? value : throw Refuse(document, at, "an object is expected");

    private static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static NotSupportedException Refuse(Document document, string at, string why) =>
        new($"extension schema '{document.File}' at #{at}: {why}; the compiled evaluator cannot promise to decide it as JsonSchema.Net does");
}
