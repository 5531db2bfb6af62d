using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Liaison.Core.Extensions.Compiled;

/// <summary>
/// Compiles a set of JSON Schema (draft 2020-12) documents that refer to each other into <see cref="CompiledSchema"/>
/// trees. It accepts only the keywords it implements with JsonSchema.Net's exact semantics and throws
/// <see cref="NotSupportedException"/> on any other, so a schema added later can never be decided wrongly in silence:
/// extend the compiler (and its equivalence tests) first.
/// </summary>
internal sealed partial class SchemaCompiler
{
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";

    private readonly Dictionary<string, Document> _byUri = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompiledSchema> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Regex> _regexes = new(StringComparer.Ordinal);
    private readonly List<CompiledSchema> _uniqueItemsOwners = [];

    private SchemaCompiler(IReadOnlyDictionary<string, JsonElement> documents)
    {
        foreach (var (file, root) in documents)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("$id", out var id) || id.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(id.GetString(), UriKind.Absolute, out var uri) || uri.Fragment.Length > 0)
            {
                throw new NotSupportedException($"extension schema '{file}' must be an object with an absolute $id and no fragment");
            }

            _byUri.Add(uri.AbsoluteUri, new Document(file, uri, root));
        }
    }

    /// <summary>Compiles every document (all of it, <c>$defs</c> included) and returns each root by file name.</summary>
    /// <param name="documents">The schema documents by file name; each must have an absolute <c>$id</c>.</param>
    /// <exception cref="NotSupportedException">A document uses a keyword or form the compiler does not implement.</exception>
    public static Dictionary<string, CompiledSchema> Compile(IReadOnlyDictionary<string, JsonElement> documents)
    {
        var compiler = new SchemaCompiler(documents);
        var roots = new Dictionary<string, CompiledSchema>(StringComparer.Ordinal);
        foreach (var document in compiler._byUri.Values)
        {
            roots[document.File] = compiler.CompileAt(document, document.Root, string.Empty);
        }

        compiler.CheckUniqueItems();
        return roots;
    }

    private CompiledSchema CompileAt(Document document, JsonElement element, string pointer)
    {
        var key = document.Id.AbsoluteUri + "#" + pointer;
        if (_compiled.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var schema = new CompiledSchema($"{document.File}#{pointer}");
        _compiled.Add(key, schema);
        switch (element.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                schema.DefineBoolean(element.ValueKind == JsonValueKind.True);
                break;
            case JsonValueKind.Object:
                schema.Define(ReadKeywords(document, element, pointer, schema));
                break;
            default:
                throw Refuse(document, pointer, "a schema must be an object or a boolean");
        }

        return schema;
    }

    private SchemaKeywords ReadKeywords(Document document, JsonElement element, string pointer, CompiledSchema schema)
    {
        var keywords = new SchemaKeywords();
        foreach (var keyword in element.EnumerateObject())
        {
            var value = keyword.Value;
            var at = pointer + "/" + Escape(keyword.Name);
            switch (keyword.Name)
            {
                case "title" or "description" or "examples" or "$comment" or "default" or "deprecated" or "readOnly" or "writeOnly":
                    break; // annotations only: they never change validity
                case "$schema" when pointer.Length == 0 && value.ValueKind == JsonValueKind.String && value.ValueEquals(Draft202012):
                case "$id" when pointer.Length == 0:
                    break;
                case "$defs":
                    foreach (var definition in Object(document, at, value).EnumerateObject())
                    {
                        CompileAt(document, definition.Value, at + "/" + Escape(definition.Name));
                    }

                    break;
                case "$ref":
                    keywords.Ref = Resolve(document, at, String(document, at, value));
                    break;
                case "type":
                    keywords.Types = Types(document, at, value);
                    break;
                case "const":
                    keywords.Const = Encoding.UTF8.GetBytes(String(document, at, value));
                    break;
                case "enum":
                    keywords.Enum = [.. Array(document, at, value).EnumerateArray().Select((v, i) => Encoding.UTF8.GetBytes(String(document, $"{at}/{i}", v)))];
                    break;
                case "minimum":
                    keywords.Minimum = Number(document, at, value);
                    break;
                case "maximum":
                    keywords.Maximum = Number(document, at, value);
                    break;
                case "exclusiveMinimum":
                    keywords.ExclusiveMinimum = Number(document, at, value);
                    break;
                case "exclusiveMaximum":
                    keywords.ExclusiveMaximum = Number(document, at, value);
                    break;
                case "minLength":
                    keywords.MinLength = Count(document, at, value);
                    break;
                case "maxLength":
                    keywords.MaxLength = Count(document, at, value);
                    break;
                case "pattern":
                    keywords.Pattern = Regex(String(document, at, value));
                    break;
                case "minItems":
                    keywords.MinItems = Count(document, at, value);
                    break;
                case "maxItems":
                    keywords.MaxItems = Count(document, at, value);
                    break;
                case "uniqueItems":
                    keywords.UniqueItems = Boolean(document, at, value);
                    if (keywords.UniqueItems)
                    {
                        _uniqueItemsOwners.Add(schema);
                    }

                    break;
                case "items":
                    keywords.Items = CompileAt(document, value, at);
                    break;
                case "prefixItems":
                    keywords.PrefixItems.AddRange(Subschemas(document, at, value));
                    break;
                case "properties":
                    foreach (var property in Object(document, at, value).EnumerateObject())
                    {
                        keywords.Properties.Add((property.Name, CompileAt(document, property.Value, at + "/" + Escape(property.Name))));
                    }

                    break;
                case "patternProperties":
                    foreach (var property in Object(document, at, value).EnumerateObject())
                    {
                        keywords.PatternProperties.Add((Regex(property.Name), CompileAt(document, property.Value, at + "/" + Escape(property.Name))));
                    }

                    break;
                case "additionalProperties":
                    keywords.AdditionalProperties = CompileAt(document, value, at);
                    break;
                case "unevaluatedProperties":
                    keywords.UnevaluatedProperties = CompileAt(document, value, at);
                    break;
                case "required":
                    keywords.Required.AddRange(Array(document, at, value).EnumerateArray()
                        .Select((v, i) => Encoding.UTF8.GetBytes(String(document, $"{at}/{i}", v))));
                    break;
                case "allOf":
                    keywords.AllOf.AddRange(Subschemas(document, at, value));
                    break;
                case "anyOf":
                    keywords.AnyOf.AddRange(Subschemas(document, at, value));
                    break;
                case "oneOf":
                    keywords.OneOf.AddRange(Subschemas(document, at, value));
                    break;
                case "not":
                    keywords.Not = CompileAt(document, value, at);
                    break;
                case "if":
                    keywords.If = CompileAt(document, value, at);
                    break;
                case "then":
                    keywords.Then = CompileAt(document, value, at);
                    break;
                case "else":
                    keywords.Else = CompileAt(document, value, at);
                    break;
                default:
                    // format among them: JsonSchema.Net asserts the formats it knows, which this compiler does not reproduce.
                    throw Refuse(document, at, $"the keyword '{keyword.Name}' is not implemented by the compiled evaluator here");
            }
        }

        return keywords;
    }

    private List<CompiledSchema> Subschemas(Document document, string at, JsonElement value) =>
        [.. Array(document, at, value).EnumerateArray().Select((item, i) => CompileAt(document, item, $"{at}/{i}"))];

    private Regex Regex(string pattern)
    {
        if (!_regexes.TryGetValue(pattern, out var regex))
        {
            // The options JsonSchema.Net 8 builds its patterns with: .NET's engine in ECMAScript mode, unanchored.
            regex = new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.Compiled);
            _regexes.Add(pattern, regex);
        }

        return regex;
    }

    private void CheckUniqueItems()
    {
        foreach (var owner in _uniqueItemsOwners)
        {
            if (!owner.ItemsOnlyAcceptStrings())
            {
                throw new NotSupportedException(
                    $"extension schema location {owner.Location} uses uniqueItems on items that are not all strings: only string items are " +
                    "compared the way JsonSchema.Net compares them");
            }
        }
    }

    private sealed record Document(string File, Uri Id, JsonElement Root);
}
