using System.Globalization;
using System.Text.Json;
using Json.Schema;
using Liaison.Core.Extensions;

namespace Liaison.Core.Tests.Extensions;

/// <summary>
/// What the extension check said of an instance before the compiled schemas (JsonSchema.Net alone) and what it says
/// now (the compiled decision, JsonSchema.Net only to explain a failure), and the check that they agree: accept,
/// reject or throw alike.
/// </summary>
internal static class SchemaVerdicts
{
    public static readonly Lazy<ExtensionSchemaSet> Schemas = new(ExtensionSchemaSet.LoadEmbedded);

    /// <summary>Whether this build embeds the schema file.</summary>
    public static bool IsEmbedded(string schemaFile) => Schemas.Value.Files.Contains(schemaFile, StringComparer.Ordinal);

    /// <summary>
    /// The path before the compiled schemas: JsonSchema.Net's flag evaluation decides, its list evaluation explains a
    /// failure (and throws where JsonSchema.Net cannot compare a value, e.g. a number beyond decimal in uniqueItems).
    /// </summary>
    public static string LibraryPath(ExtensionSchemaSet.SchemaDocument document, JsonElement instance)
    {
        try
        {
            var flag = new EvaluationOptions { OutputFormat = OutputFormat.Flag, Culture = CultureInfo.InvariantCulture };
            if (document.Schema.Evaluate(instance, flag).IsValid)
            {
                return "valid";
            }

            var list = new EvaluationOptions { OutputFormat = OutputFormat.List, Culture = CultureInfo.InvariantCulture };
            return document.Schema.Evaluate(instance, list).IsValid ? "valid per explanation" : "invalid";
        }
        catch (Exception e)
        {
            return "threw " + e.GetType().Name;
        }
    }

    /// <summary>The node's path now: the compiled decision, then JsonSchema.Net's explanation of a failure.</summary>
    public static string CompiledPath(ExtensionSchemaSet.SchemaDocument document, JsonElement instance)
    {
        try
        {
            return ExtensionSchemaSet.Failures(document, instance) is { } failures ? (failures.IsValid ? "valid per explanation" : "invalid") : "valid";
        }
        catch (Exception e)
        {
            return "threw " + e.GetType().Name;
        }
    }

    /// <summary>Asserts both paths agree on <paramref name="instance"/> for the schema file <paramref name="schemaFile"/>.</summary>
    public static void AssertAgree(string schemaFile, JsonElement instance, string? context = null)
    {
        var document = Schemas.Value.Get(schemaFile);
        var library = LibraryPath(document, instance);
        var compiled = CompiledPath(document, instance);
        Assert.True(library == compiled,
            $"{schemaFile}: JsonSchema.Net says {library}, the compiled path says {compiled}{context} for\n{instance.GetRawText()}");
    }

    /// <summary>Every Liaison-extension subject of a STIX object: (schema file, the JSON its schema checks).</summary>
    public static IEnumerable<(string SchemaFile, JsonElement Subject)> Subjects(JsonElement stixObject)
    {
        if (stixObject.ValueKind != JsonValueKind.Object || !stixObject.TryGetProperty("extensions", out var extensions)
            || extensions.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in extensions.EnumerateObject())
        {
            if (LiaisonExtensions.Instance.TryGetExtension(property.Name, out var extension))
            {
                var subject = extension.ExtensionType == StixExtensionType.NewSdo ? stixObject : property.Value;
                yield return (extension.SchemaFileName, subject);
            }
        }
    }
}
