using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Json.Schema;
using Liaison.Core.Extensions.Compiled;

namespace Liaison.Core.Extensions;

/// <summary>
/// The embedded JSON schemas of the Liaison extensions, each built once with JsonSchema.Net into a private registry
/// (so they never collide with other schemas in the process) and once with <see cref="SchemaCompiler"/>: the
/// compiled schema decides validity, JsonSchema.Net explains a failure. Immutable after construction; evaluation is
/// thread-safe.
/// </summary>
internal sealed partial class ExtensionSchemaSet
{
    private const string ResourcePrefix = "Liaison.Core.Extensions.Schemas.";

    private readonly Dictionary<string, SchemaDocument> _byFile;
    private readonly Dictionary<string, SchemaDocument> _byUri;

    private ExtensionSchemaSet(Dictionary<string, SchemaDocument> byFile)
    {
        _byFile = byFile;
        _byUri = byFile.Values.ToDictionary(d => d.Id.AbsoluteUri, StringComparer.Ordinal);
    }

    /// <summary>One schema file: its name, <c>$id</c>, JSON, the schema built by JsonSchema.Net and the compiled one.</summary>
    internal sealed record SchemaDocument(string FileName, Uri Id, JsonElement Root, JsonSchema Schema, CompiledSchema Compiled);

    /// <summary>
    /// Loads and builds every schema embedded in this assembly; a broken schema, or one using a keyword the compiled
    /// evaluator does not implement, is a build defect and throws.
    /// </summary>
    public static ExtensionSchemaSet LoadEmbedded()
    {
        var assembly = typeof(ExtensionSchemaSet).Assembly;
        var roots = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".json", StringComparison.Ordinal))
            {
                roots[resource[ResourcePrefix.Length..]] = ReadResource(assembly, resource);
            }
        }

        // References are resolved when a schema is built, so a schema is built after every file it refers to.
        var registry = new SchemaRegistry();
        var options = new BuildOptions { SchemaRegistry = registry };
        var compiled = SchemaCompiler.Compile(roots);
        var built = new Dictionary<string, SchemaDocument>(StringComparer.Ordinal);
        foreach (var file in BuildOrder(roots))
        {
            var root = roots[file];
            var id = new Uri(root.GetProperty("$id").GetString()!, UriKind.Absolute);
            built[file] = new SchemaDocument(file, id, root, JsonSchema.Build(root, options), compiled[file]);
        }

        return new ExtensionSchemaSet(built);
    }

    /// <summary>The names of the schema files, e.g. <c>common.json</c>.</summary>
    public IEnumerable<string> Files => _byFile.Keys;

    /// <summary>The schema file, e.g. <c>strike-assessment.json</c>.</summary>
    public SchemaDocument Get(string fileName) =>
        _byFile.TryGetValue(fileName, out var document)
            ? document
            : throw new ArgumentException($"no embedded extension schema named '{fileName}'", nameof(fileName));

    /// <summary>Evaluates an instance; returns null when it is valid, else the detailed (list) results.</summary>
    public static EvaluationResults? Failures(SchemaDocument document, JsonElement instance)
    {
        // The compiled schema decides (it accepts exactly what JsonSchema.Net accepts, at a fraction of the cost);
        // JsonSchema.Net's detailed evaluation runs only to explain a failure.
        if (document.Compiled.IsValid(instance))
        {
            return null;
        }

        return document.Schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List, Culture = CultureInfo.InvariantCulture });
    }

    private static JsonElement ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource '{resource}' cannot be opened");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }

    private static List<string> BuildOrder(Dictionary<string, JsonElement> roots)
    {
        var order = new List<string>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        foreach (var file in roots.Keys.Order(StringComparer.Ordinal))
        {
            Visit(file);
        }

        return order;

        void Visit(string file)
        {
            if (state.TryGetValue(file, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException($"extension schema '{file}' takes part in a reference cycle between files");
                }

                return;
            }

            state[file] = false;
            foreach (var dependency in FileReferences(roots[file]))
            {
                if (!roots.ContainsKey(dependency))
                {
                    throw new InvalidOperationException($"extension schema '{file}' refers to '{dependency}', which is not embedded");
                }

                if (dependency != file)
                {
                    Visit(dependency);
                }
            }

            state[file] = true;
            order.Add(file);
        }
    }

    private static HashSet<string> FileReferences(JsonElement element)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        Collect(element);
        return files;

        void Collect(JsonElement node)
        {
            switch (node.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in node.EnumerateObject())
                    {
                        if (property.NameEquals("$ref") && property.Value.ValueKind == JsonValueKind.String)
                        {
                            var reference = property.Value.GetString()!;
                            var hash = reference.IndexOf('#', StringComparison.Ordinal);
                            var file = hash < 0 ? reference : reference[..hash];
                            if (file.Length > 0)
                            {
                                files.Add(file);
                            }
                        }
                        else
                        {
                            Collect(property.Value);
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in node.EnumerateArray())
                    {
                        Collect(item);
                    }

                    break;
                default:
                    break;
            }
        }
    }
}
