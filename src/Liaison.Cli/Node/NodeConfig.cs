using System.Text.Json.Serialization;

namespace Liaison.Cli.Node;

/// <summary>The node's configuration file (<c>liaison.json</c> in the node's home).</summary>
internal sealed record NodeConfig
{
    /// <summary>The file layout version, raised when the file's meaning changes.</summary>
    [JsonPropertyName("format")]
    public int Format { get; init; } = 1;

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>The STIX identity id that names this node in everything it publishes.</summary>
    [JsonPropertyName("identity_id")]
    public required string IdentityId { get; init; }

    /// <summary>Base64 of the Ed25519 public key partners pin.</summary>
    [JsonPropertyName("public_key")]
    public required string PublicKey { get; init; }

    [JsonPropertyName("created")]
    public required string Created { get; init; }
}

[JsonSerializable(typeof(NodeConfig))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class NodeConfigJson : JsonSerializerContext;
