using System.Globalization;
using System.Text.Json;
using Json.Schema;
using Liaison.Core.Extensions.Compiled;

namespace Liaison.Core.Tests.Extensions;

/// <summary>
/// The JSON Schema subtleties where a hand-written evaluator is easily wrong, each decided by JsonSchema.Net and by
/// the compiled schema on small schemas: they must agree (and the expected verdict pins what JsonSchema.Net does).
/// </summary>
public sealed class SchemaQuirkTests
{
    [Theory]
    // integer: a number whose double value has no fraction (overflow and underflow included).
    [InlineData("""{ "type": "integer" }""", "1.0", true)]
    [InlineData("""{ "type": "integer" }""", "1e2", true)]
    [InlineData("""{ "type": "integer" }""", "-0.0", true)]
    [InlineData("""{ "type": "integer" }""", "9223372036854775808", true)]
    [InlineData("""{ "type": "integer" }""", "1.0000000000000000001", true)]
    [InlineData("""{ "type": "integer" }""", "1e400", true)]
    [InlineData("""{ "type": "integer" }""", "2.5", false)]
    [InlineData("""{ "type": "integer" }""", "1e-400", true)] // underflows to 0
    [InlineData("""{ "type": ["number", "string"] }""", "null", false)]
    // bounds: exact, no rounding.
    [InlineData("""{ "maximum": 6 }""", "6.0000000000000000000000000001", false)]
    [InlineData("""{ "maximum": 6 }""", "60e-1", true)]
    [InlineData("""{ "exclusiveMinimum": 0 }""", "1e-400", true)]
    [InlineData("""{ "exclusiveMinimum": 0 }""", "-0", false)]
    [InlineData("""{ "exclusiveMaximum": 10 }""", "9.99999999999999999999", true)]
    [InlineData("""{ "exclusiveMaximum": 10 }""", "10.0", false)]
    [InlineData("""{ "minimum": -180 }""", "-1e400", false)]
    // lengths: text elements (grapheme clusters).
    [InlineData("""{ "minLength": 2 }""", "\"e\\u0301\"", false)]
    [InlineData("""{ "minLength": 2 }""", "\"\\r\\n\"", false)]
    [InlineData("""{ "minLength": 2 }""", "\"\\ud83d\\ude00\"", false)]
    [InlineData("""{ "maxLength": 1 }""", "\"\\ud83c\\uddeb\\ud83c\\uddf7\"", true)]
    [InlineData("""{ "maxLength": 2 }""", "\"abc\"", false)]
    [InlineData("""{ "minLength": 1 }""", "\"\"", false)]
    // patterns: .NET's engine in ECMAScript mode, unanchored; $ also matches before a final newline.
    [InlineData("""{ "pattern": "b" }""", "\"abc\"", true)]
    [InlineData("""{ "pattern": "^a$" }""", "\"a\\n\"", true)]
    [InlineData("""{ "pattern": "^\\w$" }""", "\"\\u00e9\"", false)]
    [InlineData("""{ "pattern": "^.$" }""", "\"\\ud83d\\ude00\"", false)]
    [InlineData("""{ "pattern": "^[^\\s]" }""", "\"\\u00a0x\"", true)]
    [InlineData("""{ "pattern": "^a" }""", "1", true)]
    // const and enum compare unescaped strings.
    [InlineData("""{ "const": "a" }""", "\"\\u0061\"", true)]
    [InlineData("""{ "enum": ["a", "b"] }""", "[\"a\"]", false)]
    // properties under escapes, duplicates, additional and pattern properties.
    [InlineData("""{ "properties": { "a": { "type": "string" } }, "additionalProperties": false }""", """{ "\u0061": "x" }""", true)]
    [InlineData("""{ "required": ["a"] }""", """{ "\u0061": 1 }""", true)]
    [InlineData("""{ "properties": { "a": { "type": "string" } } }""", """{ "a": 1, "a": "x" }""", false)]
    [InlineData("""{ "patternProperties": { "^x_": true }, "additionalProperties": false }""", """{ "x_a": 1, "y": 2 }""", false)]
    [InlineData("""{ "patternProperties": { "^x_": { "type": "string" } } }""", """{ "x_\u00e9": 1 }""", false)]
    // unevaluatedProperties sees what passing subschemas evaluated, and nothing from failing ones.
    [InlineData("""{ "if": { "properties": { "a": true }, "required": ["a"] }, "unevaluatedProperties": false }""", """{ "a": 1 }""", true)]
    [InlineData("""{ "if": { "properties": { "a": true }, "required": ["b"] }, "unevaluatedProperties": false }""", """{ "a": 1 }""", false)]
    [InlineData("""{ "if": { "required": ["b"] }, "else": { "properties": { "a": true } }, "unevaluatedProperties": false }""", """{ "a": 1 }""", true)]
    [InlineData("""{ "if": { "required": ["a"] }, "then": { "properties": { "a": true } }, "unevaluatedProperties": false }""", """{ "a": 1 }""", true)]
    [InlineData("""{ "anyOf": [{ "properties": { "a": { "type": "string" } } }, true], "unevaluatedProperties": false }""", """{ "a": 1 }""", false)]
    [InlineData("""{ "anyOf": [{ "properties": { "a": true } }, { "required": ["z"] }], "unevaluatedProperties": false }""", """{ "a": 1 }""", true)]
    [InlineData("""{ "oneOf": [{ "properties": { "a": true } }, { "properties": { "b": true } }], "unevaluatedProperties": false }""", """{ "a": 1 }""", false)]
    [InlineData("""{ "oneOf": [{ "properties": { "a": true }, "required": ["a"] }, { "required": ["b"] }], "unevaluatedProperties": false }""", """{ "a": 1 }""", true)]
    [InlineData("""{ "allOf": [{ "additionalProperties": true }], "unevaluatedProperties": false }""", """{ "a": 1 }""", true)]
    [InlineData("""{ "not": { "properties": { "a": true } }, "unevaluatedProperties": false }""", """{ "a": 1 }""", false)]
    [InlineData("""{ "not": { "required": ["a"] } }""", """{ "a": 1 }""", false)]
    [InlineData("""{ "unevaluatedProperties": { "type": "integer" } }""", """{ "a": 1, "b": 2.0 }""", true)]
    // arrays.
    [InlineData("""{ "prefixItems": [{ "type": "number" }], "items": false }""", "[1]", true)]
    [InlineData("""{ "prefixItems": [{ "type": "number" }], "items": false }""", "[1, 2]", false)]
    [InlineData("""{ "prefixItems": [{ "type": "number" }], "maxItems": 2 }""", "[1, \"a\"]", true)]
    [InlineData("""{ "items": { "type": "string" }, "uniqueItems": true }""", "[\"a\", \"\\u0061\"]", false)]
    [InlineData("""{ "items": { "type": "string" }, "uniqueItems": true }""", "[\"a\", \"b\", \"A\"]", true)]
    public void Both_evaluators_decide_alike(string schema, string instance, bool expected)
    {
        var root = Parse("{ \"$id\": \"https://example.org/q.json\", " + schema.Trim()[1..]);
        var library = JsonSchema.Build(root, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var compiled = SchemaCompiler.Compile(new Dictionary<string, JsonElement> { ["q.json"] = root })["q.json"];
        var value = Parse(instance);
        var options = new EvaluationOptions { OutputFormat = OutputFormat.Flag, Culture = CultureInfo.InvariantCulture };
        Assert.Equal(expected, library.Evaluate(value, options).IsValid);
        Assert.Equal(expected, compiled.IsValid(value));
    }

    [Fact]
    public void Long_strings_and_many_items_take_the_pooled_paths()
    {
        var root = Parse("""
            { "$id": "https://example.org/q.json", "type": "array", "uniqueItems": true,
              "items": { "type": "string", "pattern": "^[a-z]+$", "maxLength": 600 } }
            """);
        var compiled = SchemaCompiler.Compile(new Dictionary<string, JsonElement> { ["q.json"] = root })["q.json"];
        var distinct = Enumerable.Range(0, 100).Select(i => new string((char)('a' + (i % 26)), 300 + i)).ToList();
        Assert.True(compiled.IsValid(Parse(JsonSerializer.Serialize(distinct))));
        Assert.False(compiled.IsValid(Parse(JsonSerializer.Serialize(distinct.Append(distinct[7])))));
        Assert.False(compiled.IsValid(Parse(JsonSerializer.Serialize(distinct.Append(new string('z', 601))))));
        Assert.False(compiled.IsValid(Parse(JsonSerializer.Serialize(distinct.Append(new string('z', 400) + "1")))));
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
