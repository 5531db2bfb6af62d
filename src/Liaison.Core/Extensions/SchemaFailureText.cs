using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace Liaison.Core.Extensions;

/// <summary>
/// Turns JsonSchema.Net evaluation failures into <see cref="Stix.StixError"/>s: one per problem, at the exact JSON
/// path of the offending value (for a missing property, the path it should have), with a reason written from the
/// schema itself (allowed values, limits, the description of what was expected) rather than the library's text.
/// </summary>
internal static class SchemaFailureText
{
    /// <summary>Reports every failure in <paramref name="results"/> (list output) to <paramref name="sink"/>.</summary>
    /// <param name="schemas">The schema set, to look up the failing keywords' schema nodes.</param>
    /// <param name="document">The schema the instance was evaluated against.</param>
    /// <param name="results">The failed evaluation, in list format.</param>
    /// <param name="instance">The evaluated JSON.</param>
    /// <param name="basePath">The JSON path of <paramref name="instance"/> within its STIX object.</param>
    /// <param name="subjectName">What the instance is, for messages about unknown properties at its top level.</param>
    /// <param name="sink">Where errors go.</param>
    public static void Report(ExtensionSchemaSet schemas, ExtensionSchemaSet.SchemaDocument document, EvaluationResults results,
        JsonElement instance, string basePath, string subjectName, ErrorSink sink)
    {
        var found = new List<(Failure Failure, string Keyword, string Message)>();
        Walk(results);

        // A value of the wrong type fails its other keywords too (enum, pattern...): the type is the one to fix.
        var wrongType = found.Where(f => f.Keyword == "type").Select(f => f.Failure.Path).ToHashSet(StringComparer.Ordinal);
        var before = sink.Count;
        foreach (var (failure, keyword, message) in found)
        {
            if (keyword == "type" || !wrongType.Contains(failure.Path))
            {
                Explain(failure, keyword, message, sink);
            }
        }

        if (sink.Count == before)
        {
            sink.Add(basePath, $"does not conform to the schema of {subjectName}");
        }

        void Walk(EvaluationResults node)
        {
            if (node.Errors is { Count: > 0 } errors && !UnderTest(node.EvaluationPath.ToString()))
            {
                var instanceSegments = JsonPathText.Segments(node.InstanceLocation.ToString());
                var path = JsonPathText.FromPointer(basePath, instance, instanceSegments, out var value);
                var resolved = schemas.Resolve(document, JsonPathText.Segments(node.EvaluationPath.ToString()));
                var failure = new Failure(schemas, resolved, path, value, instanceSegments, subjectName);
                foreach (var (keyword, message) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    found.Add((failure, keyword, message));
                }
            }

            if (node.Details is { } details)
            {
                foreach (var detail in details)
                {
                    Walk(detail);
                }
            }
        }
    }

    /// <summary>
    /// Whether a result sits under an <c>if</c> or <c>not</c>: list output includes the failures of those subschemas,
    /// but they are tests, not rules (a failing <c>if</c> only means its <c>then</c> does not apply).
    /// </summary>
    private static bool UnderTest(string evaluationPath)
    {
        var segments = JsonPathText.Segments(evaluationPath);
        for (var i = 0; i < segments.Count; i++)
        {
            var namePosition = i > 0 && segments[i - 1] is "properties" or "patternProperties" or "$defs" or "dependentSchemas";
            if (!namePosition && segments[i] is "if" or "not")
            {
                return true;
            }
        }

        return false;
    }

    private sealed record Failure(ExtensionSchemaSet Schemas, ExtensionSchemaSet.ResolvedNode? Resolved, string Path, JsonElement? Value,
        IReadOnlyList<string> InstanceSegments, string SubjectName)
    {
        public JsonElement? Keyword(string name) =>
            Resolved is { Node.Element: { ValueKind: JsonValueKind.Object } element } && element.TryGetProperty(name, out var value) ? value : null;

        public string When => Resolved?.Condition is { } condition ? $" ({condition})" : string.Empty;
    }

    private static void Explain(Failure failure, string keyword, string message, ErrorSink sink)
    {
        var value = failure.Value;
        switch (keyword)
        {
            case "required":
                ExplainRequired(failure, message, sink);
                return;
            case "type" when failure.Keyword("type") is { } expected:
                sink.Add(failure.Path, $"must be {ExpectedTypes(expected)}, not {DescribeValue(value, expected)}{failure.When}");
                return;
            case "enum" when failure.Keyword("enum") is { ValueKind: JsonValueKind.Array } allowed:
                sink.Add(failure.Path, $"{Show(value)} is not one of the allowed values: {string.Join(", ", allowed.EnumerateArray().Select(e => Show(e)))}{failure.When}");
                return;
            case "const" when failure.Keyword("const") is { } constant:
                var why = failure.InstanceSegments is [.., "extension_type"] ? " (the extension_type its extension definition declares)" : failure.When;
                sink.Add(failure.Path, $"must be {Show(constant)}, not {Show(value)}{why}");
                return;
            case "pattern" when failure.Keyword("pattern") is { } pattern:
                var description = failure.Resolved is { } resolved ? failure.Schemas.DescriptionOf(resolved.Node) : null;
                sink.Add(failure.Path, description is null
                    ? $"{Show(value)} does not match the pattern {pattern.GetString()}"
                    : $"{Show(value)} is not {description}");
                return;
            case "minimum" when failure.Keyword("minimum") is { } limit:
                sink.Add(failure.Path, $"must be at least {limit.GetRawText()}, not {Show(value)}");
                return;
            case "maximum" when failure.Keyword("maximum") is { } limit:
                sink.Add(failure.Path, $"must be at most {limit.GetRawText()}, not {Show(value)}");
                return;
            case "exclusiveMinimum" when failure.Keyword("exclusiveMinimum") is { } limit:
                sink.Add(failure.Path, $"must be greater than {limit.GetRawText()}, not {Show(value)}");
                return;
            case "exclusiveMaximum" when failure.Keyword("exclusiveMaximum") is { } limit:
                sink.Add(failure.Path, $"must be less than {limit.GetRawText()}, not {Show(value)}");
                return;
            case "minItems" when failure.Keyword("minItems") is { } limit && value is { ValueKind: JsonValueKind.Array } array:
                sink.Add(failure.Path, $"must have at least {Items(limit.GetInt32())}, it has {array.GetArrayLength()}");
                return;
            case "maxItems" when failure.Keyword("maxItems") is { } limit && value is { ValueKind: JsonValueKind.Array } array:
                sink.Add(failure.Path, $"must have at most {Items(limit.GetInt32())}, it has {array.GetArrayLength()}");
                return;
            case "minLength" when failure.Keyword("minLength") is { } limit:
                sink.Add(failure.Path, limit.GetInt32() == 1 ? "must not be empty" : $"must have at least {limit.GetInt32()} characters");
                return;
            case "maxLength" when failure.Keyword("maxLength") is { } limit:
                sink.Add(failure.Path, $"must have at most {limit.GetInt32()} characters");
                return;
            case "uniqueItems" when value is { ValueKind: JsonValueKind.Array } array:
                sink.Add(failure.Path, $"must not repeat an item: {DescribeDuplicate(array)}");
                return;
            case "" when failure.InstanceSegments.Count > 0:
                ExplainForbidden(failure, sink);
                return;
            default:
                // A keyword this translator does not know: the library's message is the best there is.
                sink.Add(failure.Path, message);
                return;
        }
    }

    private static void ExplainRequired(Failure failure, string message, ErrorSink sink)
    {
        if (failure.Keyword("required") is not { ValueKind: JsonValueKind.Array } required || failure.Value is not { ValueKind: JsonValueKind.Object } instance)
        {
            sink.Add(failure.Path, $"a required property is missing: {message}");
            return;
        }

        foreach (var name in required.EnumerateArray().Select(n => n.GetString()!))
        {
            if (!instance.TryGetProperty(name, out _))
            {
                var description = PropertyDescription(failure, name);
                var hint = description is null ? string.Empty : $": {description}";
                sink.Add(JsonPathText.Property(failure.Path, name), $"required property '{name}' is missing{failure.When}{hint}");
            }
        }
    }

    private static void ExplainForbidden(Failure failure, ErrorSink sink)
    {
        var name = failure.InstanceSegments[^1];
        var owner = failure.InstanceSegments.Count == 1
            ? failure.SubjectName
            : failure.InstanceSegments.Count >= 2 && int.TryParse(failure.InstanceSegments[^2], NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? $"an item of {(failure.InstanceSegments.Count >= 3 ? failure.InstanceSegments[^3] : "this list")}"
                : failure.InstanceSegments[^2];
        if (failure.Resolved?.Condition is { } condition)
        {
            sink.Add(failure.Path, $"property '{name}' is not allowed {condition}");
            return;
        }

        var custom = failure.InstanceSegments.Count == 1 && failure.SubjectName.StartsWith("x-", StringComparison.Ordinal)
            ? " (custom properties must start with x_)"
            : string.Empty;
        sink.Add(failure.Path, $"'{name}' is not a property of {owner}; check its spelling{custom}");
    }

    private static string? PropertyDescription(Failure failure, string name)
    {
        if (failure.Resolved is not { } resolved)
        {
            return null;
        }

        for (var i = resolved.SameInstance.Count - 1; i >= 0; i--)
        {
            var node = resolved.SameInstance[i];
            if (node.Element.ValueKind == JsonValueKind.Object && node.Element.TryGetProperty("properties", out var properties)
                && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var property))
            {
                if (failure.Schemas.DescriptionOf(node with { Element = property }) is { } description)
                {
                    return description;
                }
            }
        }

        return null;
    }

    private static string ExpectedTypes(JsonElement type)
    {
        var names = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString() ?? "?") : [type.GetString() ?? "?"];
        return string.Join(" or ", names.Select(name => name switch
        {
            "string" => "a string",
            "integer" => "an integer",
            "number" => "a number",
            "boolean" => "true or false",
            "object" => "a JSON object",
            "array" => "an array",
            "null" => "null",
            _ => name,
        }));
    }

    private static string DescribeValue(JsonElement? value, JsonElement expected) => value?.ValueKind switch
    {
        JsonValueKind.String => $"a string ({Show(value)})",
        JsonValueKind.Number when expected.GetRawText().Contains("integer", StringComparison.Ordinal) && !IsInteger(value.Value)
            => $"a number with a fraction ({Show(value)})",
        JsonValueKind.Number => $"a number ({Show(value)})",
        JsonValueKind.True or JsonValueKind.False => $"a boolean ({Show(value)})",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "a JSON object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    private static bool IsInteger(JsonElement number) => number.TryGetDecimal(out var d) ? decimal.Truncate(d) == d : number.GetDouble() % 1 == 0;

    private static string DescribeDuplicate(JsonElement array)
    {
        var items = array.EnumerateArray().ToList();
        for (var i = 1; i < items.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (JsonElement.DeepEquals(items[i], items[j]))
                {
                    return $"item [{i}] {Show(items[i])} repeats item [{j}]";
                }
            }
        }

        return "two items are equal";
    }

    private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";

    /// <summary>A value as a person would quote it: strings in single quotes (shortened), other scalars as written.</summary>
    internal static string Show(JsonElement? value) => value?.ValueKind switch
    {
        JsonValueKind.String => $"'{Shorten(value.Value.GetString()!)}'",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => value.Value.GetRawText(),
        JsonValueKind.Object => "a JSON object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}
