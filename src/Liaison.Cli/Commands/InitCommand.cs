using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Crypto;
using Liaison.Core.Stix;
using Liaison.Core.Validation;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison init --name NAME</c>: a new node (directory, configuration, database, identity key and STIX identity).</summary>
internal static class InitCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var name = new Option<string>("--name") { Description = "The node's name, e.g. the organisation it speaks for.", Required = true };
        var command = new Command("init", "Create a node: configuration, database, Ed25519 identity key and the node's STIX identity.") { name };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var config = Initialise(home, parse.GetValue(name)!);
            output.Success($"Node '{config.Name}' created in {home.Directory}");
            output.Table(null, ["property", "value"],
            [
                ["identity", config.IdentityId],
                ["public key (Ed25519)", config.PublicKey],
                ["database", home.DatabasePath],
                ["key file (mode 0600)", home.KeyPath],
            ]);
            output.Result(new JsonObject
            {
                ["home"] = home.Directory,
                ["name"] = config.Name,
                ["identity_id"] = config.IdentityId,
                ["public_key"] = config.PublicKey,
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Creates the node; on any failure removes what it created, so a retry starts clean.</summary>
    public static NodeConfig Initialise(NodeHome home, string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CliException(ExitCodes.Usage, "--name must not be empty");
        }

        if (home.Exists || File.Exists(home.DatabasePath) || File.Exists(home.KeyPath))
        {
            throw new CliException(ExitCodes.NodeError, $"a node already exists in {home.Directory}; refusing to overwrite it (choose another --home)");
        }

        var created = new List<string>();
        try
        {
            CreateDirectory(home.Directory, created);
            CreateDirectory(home.KeysDirectory, created);
            using var key = NodeKey.Generate();
            WritePrivate(home.KeyPath, key.ExportPrivateKey());
            created.Add(home.KeyPath);

            var now = SystemClock.Instance.UtcNow;
            var identity = IdentityObject(name, now);
            created.Add(home.DatabasePath);
            using (var store = SqliteStixStore.Open(home.DatabasePath, SystemClock.Instance))
            using (var batch = store.BeginBatch())
            {
                batch.Add(identity);
                batch.Commit();
            }

            var config = new NodeConfig
            {
                Name = name,
                IdentityId = identity.Id.Value,
                PublicKey = key.PublicKeyBase64,
                Created = now.ToString("O", CultureInfo.InvariantCulture),
            };
            File.WriteAllText(home.ConfigPath, JsonSerializer.Serialize(config, NodeConfigJson.Default.NodeConfig));
            return config;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Liaison.Storage.StoreException)
        {
            Cleanup(created);
            throw new CliException(ExitCodes.NodeError, $"cannot create a node in {home.Directory}: {ex.Message}");
        }
    }

    private static StixObject IdentityObject(string name, DateTimeOffset now)
    {
        var timestamp = StixTimestamp.FromDateTimeOffset(now).Text;
        var json = new JsonObject
        {
            ["type"] = "identity",
            ["spec_version"] = "2.1",
            ["id"] = StixId.NewRandom("identity").Value,
            ["created"] = timestamp,
            ["modified"] = timestamp,
            ["name"] = name,
            ["identity_class"] = "organization",
            ["description"] = "This Liaison node's own identity.",
        };
        var result = new StixValidator().Validate(JsonSerializer.SerializeToElement(json));
        return result.Object ?? throw new InvalidOperationException("the node identity is invalid: " + string.Join("; ", result.Errors));
    }

    private static void CreateDirectory(string path, List<string> created)
    {
        if (Directory.Exists(path))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        created.Add(path);
    }

    internal static void WritePrivate(string path, byte[] content)
    {
        // The mode is set at creation, so the key is never readable by others, not even for an instant.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(content);
    }

    private static void Cleanup(List<string> created)
    {
        for (var i = created.Count - 1; i >= 0; i--)
        {
            try
            {
                if (Directory.Exists(created[i]))
                {
                    Directory.Delete(created[i], recursive: true);
                }
                else
                {
                    foreach (var file in new[] { created[i], created[i] + "-wal", created[i] + "-shm" })
                    {
                        File.Delete(file);
                    }
                }
            }
            catch (IOException)
            {
                // Best effort: the error being reported matters more than leftover files.
            }
        }
    }
}
