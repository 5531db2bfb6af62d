using System.Text.Json;
using System.Text.Json.Serialization;
using Liaison.Server.Client;

namespace Liaison.Cli.Node;

/// <summary>One remote TAXII server this node talks to.</summary>
internal sealed record RemoteEntry
{
    [JsonPropertyName("url")]
    public required string DiscoveryUrl { get; init; }

    /// <summary>The user for HTTP Basic; null for a bearer token.</summary>
    [JsonPropertyName("user")]
    public string? User { get; init; }

    /// <summary>The password or token (kept in a file readable by the node's owner only).</summary>
    [JsonPropertyName("secret")]
    public required string Secret { get; init; }

    public TaxiiCredentials Credentials() => User is null ? TaxiiCredentials.Bearer(Secret) : TaxiiCredentials.Basic(User, Secret);
}

[JsonSerializable(typeof(Dictionary<string, RemoteEntry>))]
[JsonSourceGenerationOptions(WriteIndented = true)]
internal sealed partial class RemoteRegistryJson : JsonSerializerContext;

/// <summary>
/// The remotes of a node, with their credentials, in <c>keys/remotes.json</c>: credentials we must present cannot
/// be hashed, so the file is created readable by its owner only (0600), like the identity key.
/// </summary>
internal sealed class RemoteRegistry(NodeHome home)
{
    private string FilePath => Path.Combine(home.KeysDirectory, "remotes.json");

    public IReadOnlyDictionary<string, RemoteEntry> All()
    {
        if (!File.Exists(FilePath))
        {
            return new Dictionary<string, RemoteEntry>();
        }

        using var stream = File.OpenRead(FilePath);
        return JsonSerializer.Deserialize(stream, RemoteRegistryJson.Default.DictionaryStringRemoteEntry) ?? [];
    }

    public RemoteEntry Get(string name) =>
        All().TryGetValue(name, out var entry) ? entry : throw new CliException(ExitCodes.Rejected, $"no remote '{name}': add it with 'liaison remote add {name} --url …'");

    public void Save(string name, RemoteEntry entry)
    {
        var all = new Dictionary<string, RemoteEntry>(All(), StringComparer.Ordinal) { [name] = entry };
        Write(all);
    }

    public bool Remove(string name)
    {
        var all = new Dictionary<string, RemoteEntry>(All(), StringComparer.Ordinal);
        if (!all.Remove(name))
        {
            return false;
        }

        Write(all);
        return true;
    }

    private void Write(Dictionary<string, RemoteEntry> all)
    {
        var temporary = FilePath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, all, RemoteRegistryJson.Default.DictionaryStringRemoteEntry);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }
}
