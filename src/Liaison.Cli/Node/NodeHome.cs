using System.Text.Json;
using Liaison.Core.Crypto;
using Liaison.Storage;
using Liaison.Storage.Ledger;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Node;

/// <summary>
/// A node's directory: <c>liaison.json</c> (configuration), <c>liaison.db</c> (the SQLite store) and
/// <c>keys/identity.key</c> (the Ed25519 identity key, readable by its owner only).
/// </summary>
internal sealed class NodeHome
{
    public const string EnvironmentVariable = "LIAISON_HOME";
    public const string DefaultDirectory = ".liaison";

    public NodeHome(string directory) => Directory = Path.GetFullPath(directory);

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "liaison.json");

    public string DatabasePath => Path.Combine(Directory, "liaison.db");

    public string KeysDirectory => Path.Combine(Directory, "keys");

    public string KeyPath => Path.Combine(KeysDirectory, "identity.key");

    /// <summary><c>--home</c>, else <c>LIAISON_HOME</c>, else <c>./.liaison</c>.</summary>
    public static NodeHome Resolve(string? flag, CliEnvironment environment)
    {
        var chosen = !string.IsNullOrWhiteSpace(flag) ? flag
            : environment.Variable(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : DefaultDirectory;
        return new NodeHome(Path.Combine(environment.WorkingDirectory, chosen));
    }

    public bool Exists => File.Exists(ConfigPath);

    public NodeConfig LoadConfig()
    {
        if (!Exists)
        {
            throw new CliException(ExitCodes.NodeError, $"no node at {Directory}: run 'liaison init --name NAME' first, or choose one with --home or {EnvironmentVariable}");
        }

        try
        {
            using var stream = File.OpenRead(ConfigPath);
            return JsonSerializer.Deserialize(stream, NodeConfigJson.Default.NodeConfig)
                ?? throw new CliException(ExitCodes.NodeError, $"{ConfigPath} is empty");
        }
        catch (JsonException ex)
        {
            throw new CliException(ExitCodes.NodeError, $"{ConfigPath} is not a valid node configuration: {ex.Message}");
        }
    }

    /// <summary>The node's identity key (the caller disposes of it).</summary>
    public NodeKey LoadKey()
    {
        try
        {
            return NodeKey.Import(File.ReadAllBytes(KeyPath));
        }
        catch (FormatException ex)
        {
            throw new CliException(ExitCodes.NodeError, $"{KeyPath}: {ex.Message}");
        }
    }

    /// <summary>What signs the node's ledger checkpoints, with the key loaded (dispose of <see cref="LedgerSigner.Key"/>).</summary>
    public LedgerSigner LoadSigner() => LedgerSigner.For(LoadConfig().IdentityId, LoadKey());

    public SqliteStixStore OpenStore()
    {
        LoadConfig();
        try
        {
            return SqliteStixStore.Open(DatabasePath, SystemClock.Instance);
        }
        catch (StoreException ex)
        {
            throw new CliException(ExitCodes.NodeError, ex.Message);
        }
    }
}
