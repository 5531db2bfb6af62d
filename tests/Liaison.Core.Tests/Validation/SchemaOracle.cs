using System.Text.Json;
using Json.Schema;

namespace Liaison.Core.Tests.Validation;

/// <summary>
/// The official OASIS STIX 2.1 JSON schemas, loaded from the shared folder into a private registry (no network),
/// evaluating an object against its own type's schema.
/// </summary>
internal sealed class SchemaOracle
{
    private static readonly Lazy<SchemaOracle> Shared = new(() => new SchemaOracle(StixTestData.SchemasDirectory));

    private static readonly string[] OwnSchemaFolders = ["sdos", "sros", "observables", "common"];

    private readonly Dictionary<string, JsonSchema> _byName = new(StringComparer.Ordinal);

    private SchemaOracle(string schemasDirectory)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        foreach (var file in Directory.GetFiles(schemasDirectory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // Each schema registers itself in the registry under its $id; $refs are relative to those ids.
            var schema = JsonSchema.FromText(File.ReadAllText(file), options);
            var relative = Path.GetRelativePath(schemasDirectory, file).Replace('\\', '/');
            _byName[relative[..^".json".Length]] = schema;
        }
    }

    public static SchemaOracle Instance => Shared.Value;

    public int SchemaCount => _byName.Count;

    /// <summary>
    /// Which schema judges an object: its own type's schema; for a custom type, the common core schema of the family
    /// it belongs to (core.json for SDO/SRO-like objects carrying created, cyber-observable-core.json otherwise).
    /// </summary>
    public string SchemaNameFor(JsonElement stixObject)
    {
        var type = stixObject.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : string.Empty;
        foreach (var folder in OwnSchemaFolders)
        {
            var name = $"{folder}/{type}";
            if (_byName.ContainsKey(name) && (folder != "common" || type is "marking-definition" or "extension-definition" or "language-content"))
            {
                return name;
            }
        }

        return stixObject.TryGetProperty("created", out _) ? "common/core" : "common/cyber-observable-core";
    }

    public bool Accepts(JsonElement stixObject) => _byName[SchemaNameFor(stixObject)].Evaluate(stixObject).IsValid;
}
