using System.Globalization;
using System.Text.Json;

namespace Liaison.Core.Extensions;

internal sealed partial class ExtensionSchemaSet
{
    /// <summary>A node inside one of the schema files.</summary>
    internal readonly record struct SchemaNode(SchemaDocument Document, JsonElement Element);

    /// <summary>
    /// The schema node an evaluation path leads to, the other nodes that apply to the same instance value (reached
    /// through <c>$ref</c>, <c>allOf</c>, <c>then</c>), and the <c>if</c> condition of the last <c>then</c> on the
    /// path, in words (the rule that failed applies only under that condition).
    /// </summary>
    internal sealed record ResolvedNode(SchemaNode Node, IReadOnlyList<SchemaNode> SameInstance, string? Condition);

    /// <summary>
    /// Follows an evaluation path (JSON pointer segments through keywords, as JsonSchema.Net reports it) from the root
    /// of <paramref name="start"/>, resolving <c>$ref</c> steps across the embedded files. Returns null when the path
    /// cannot be followed (the caller then falls back to the library's own message).
    /// </summary>
    public ResolvedNode? Resolve(SchemaDocument start, IReadOnlyList<string> evaluationPath)
    {
        var node = new SchemaNode(start, start.Root);
        var sameInstance = new List<SchemaNode> { node };
        string? condition = null;
        string? previous = null;
        foreach (var segment in evaluationPath)
        {
            var element = node.Element;
            if (segment == "$ref" && element.ValueKind == JsonValueKind.Object
                && element.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
            {
                if (TryFollow(node.Document, reference.GetString()!) is not { } target)
                {
                    return null;
                }

                node = target;
                sameInstance.Add(node);
            }
            else if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child))
            {
                if (segment == "then" && element.TryGetProperty("if", out var test))
                {
                    condition = DescribeCondition(test);
                }

                node = node with { Element = child };
                if (previous is "properties" or "patternProperties" || segment is "items" or "additionalProperties" or "unevaluatedProperties")
                {
                    // The instance location moves into a child value.
                    sameInstance.Clear();
                }

                sameInstance.Add(node);
            }
            else if (element.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
            {
                node = node with { Element = element[index] };
                if (previous == "prefixItems")
                {
                    sameInstance.Clear();
                }

                sameInstance.Add(node);
            }
            else if (segment == previous)
            {
                // JsonSchema.Net 8 writes some keywords twice in evaluation paths (".../items/items/..."): skip the echo.
                continue;
            }
            else
            {
                return null;
            }

            previous = segment;
        }

        return new ResolvedNode(node, sameInstance, condition);
    }

    /// <summary>The description of a schema node, following <c>$ref</c> when the node has none of its own.</summary>
    public string? DescriptionOf(SchemaNode node)
    {
        SchemaNode? current = node;
        for (var hops = 0; hops < 8 && current is { Element.ValueKind: JsonValueKind.Object } here; hops++)
        {
            var element = here.Element;
            if (element.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String)
            {
                return description.GetString();
            }

            if (!element.TryGetProperty("$ref", out var reference) || reference.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            current = TryFollow(here.Document, reference.GetString()!);
        }

        return null;
    }

    private SchemaNode? TryFollow(SchemaDocument from, string reference)
    {
        var target = new Uri(from.Id, reference);
        if (!_byUri.TryGetValue(target.GetLeftPart(UriPartial.Query), out var document))
        {
            return null;
        }

        var element = document.Root;
        foreach (var segment in JsonPathText.Segments(Uri.UnescapeDataString(target.Fragment)))
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
                return null;
            }
        }

        return new SchemaNode(document, element);
    }

    /// <summary>Renders <c>{"properties": {"type": {"const": "Point"}}}</c> as "when type is 'Point'".</summary>
    private static string? DescribeCondition(JsonElement test)
    {
        if (test.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (test.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            return $"when given as a {type.GetString()}";
        }

        if (!test.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var property in properties.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("const", out var constant))
            {
                parts.Add($"{property.Name} is {SchemaFailureText.Show(constant)}");
            }
        }

        return parts.Count == 0 ? null : "when " + string.Join(" and ", parts);
    }
}
