using System.Text.Json;
using Liaison.Core.Extensions;
using Liaison.Core.Extensions.Compiled;

namespace Liaison.Core.Tests.Extensions;

public sealed class SchemaCompilerTests
{
    private const string Id = "https://example.org/schemas/";

    [Fact]
    public void Every_embedded_schema_compiles()
    {
        var schemas = ExtensionSchemaSet.LoadEmbedded();
        Assert.Contains("common.json", schemas.Files);
        foreach (var extension in LiaisonExtensions.Instance.All)
        {
            Assert.NotNull(schemas.Get(extension.SchemaFileName).Compiled);
        }
    }

    [Theory]
    [InlineData("""{ "contains": { "type": "string" } }""", "'contains'")]
    [InlineData("""{ "format": "date-time" }""", "'format'")]
    [InlineData("""{ "multipleOf": 2 }""", "'multipleOf'")]
    [InlineData("""{ "dependentRequired": { "a": ["b"] } }""", "'dependentRequired'")]
    [InlineData("""{ "unevaluatedItems": false }""", "'unevaluatedItems'")]
    [InlineData("""{ "propertyNames": { "pattern": "^a" } }""", "'propertyNames'")]
    [InlineData("""{ "$anchor": "here" }""", "'$anchor'")]
    [InlineData("""{ "properties": { "a": { "$id": "https://example.org/other.json" } } }""", "'$id'")]
    [InlineData("""{ "$ref": "#here" }""", "anchor")]
    [InlineData("""{ "$ref": "https://elsewhere.example/schema.json" }""", "outside")]
    [InlineData("""{ "const": 1 }""", "a string is expected")]
    [InlineData("""{ "enum": ["a", null] }""", "a string is expected")]
    [InlineData("""{ "type": "array", "uniqueItems": true, "items": { "type": "integer" } }""", "uniqueItems")]
    [InlineData("""{ "type": "array", "uniqueItems": true }""", "uniqueItems")]
    [InlineData("""{ "$defs": { "unused": { "not": { "maxContains": 1 } } } }""", "'maxContains'")]
    public void A_keyword_it_does_not_implement_refuses_the_schema_at_load(string schema, string named)
    {
        var error = Assert.Throws<NotSupportedException>(() => Compile(schema));
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains("t.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Annotations_and_unique_strings_are_accepted()
    {
        var schema = Compile("""
            { "title": "t", "description": "d", "examples": [1], "$comment": "c", "default": 2, "deprecated": false,
              "type": "array", "uniqueItems": true, "items": { "$ref": "#/$defs/code" },
              "$defs": { "code": { "allOf": [{ "type": "string" }], "pattern": "^[A-Z]{2}$" } } }
            """);
        Assert.True(IsValid(schema, """["FR", "RU"]"""));
        Assert.False(IsValid(schema, """["FR", "FR"]"""));
        Assert.False(IsValid(schema, """["FR", "F"]"""));
    }

    [Fact]
    public void References_between_files_and_recursion_are_followed()
    {
        var documents = new Dictionary<string, JsonElement>
        {
            ["t.json"] = Parse($$"""{ "$id": "{{Id}}t.json", "$ref": "u.json#/$defs/tree" }"""),
            ["u.json"] = Parse($$"""
                { "$id": "{{Id}}u.json",
                  "$defs": { "tree": { "type": "object", "properties": { "children": { "type": "array", "items": { "$ref": "#/$defs/tree" } } },
                                       "additionalProperties": false } } }
                """),
        };
        var schema = SchemaCompiler.Compile(documents)["t.json"];
        Assert.True(IsValid(schema, """{ "children": [{ "children": [] }, {}] }"""));
        Assert.False(IsValid(schema, """{ "children": [{ "children": [{ "leaf": 1 }] }] }"""));
    }

    private static CompiledSchema Compile(string schema)
    {
        var root = JsonNodeWithId(schema);
        return SchemaCompiler.Compile(new Dictionary<string, JsonElement> { ["t.json"] = root })["t.json"];
    }

    private static JsonElement JsonNodeWithId(string schema) =>
        Parse("{ \"$id\": \"" + Id + "t.json\", " + schema.Trim()[1..]);

    private static bool IsValid(CompiledSchema schema, string instance)
    {
        using var document = JsonDocument.Parse(instance);
        return schema.IsValid(document.RootElement);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
