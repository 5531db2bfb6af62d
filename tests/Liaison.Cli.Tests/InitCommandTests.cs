using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

public sealed class InitCommandTests
{
    [Fact]
    public async Task Init_creates_the_configuration_the_database_and_a_private_identity_key()
    {
        using var cli = new CliHarness();

        var result = (await cli.Run("init", "--name", "FRA node")).ExitsWith(ExitCodes.Ok);

        Assert.Contains("FRA node", result.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(cli.Home, "liaison.json")));
        Assert.True(File.Exists(Path.Combine(cli.Home, "liaison.db")));
        var key = Path.Combine(cli.Home, "keys", "identity.key");
        Assert.True(File.Exists(key));
        Assert.NotEmpty(File.ReadAllBytes(key));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(cli.Home, "keys")));
        }
    }

    [Fact]
    public async Task Init_stores_the_nodes_STIX_identity_and_get_returns_it()
    {
        using var cli = new CliHarness();

        var identityId = await cli.Init("FRA node");

        Assert.StartsWith("identity--", identityId, StringComparison.Ordinal);
        var stored = (await cli.Json("get", identityId))["versions"]![0]!["object"]!;
        Assert.Equal("identity", stored["type"]!.GetValue<string>());
        Assert.Equal(identityId, stored["id"]!.GetValue<string>());
        Assert.Equal("FRA node", stored["name"]!.GetValue<string>());
        Assert.Equal(1, (await cli.Json("stats"))["objects"]!.GetValue<long>());
    }

    [Fact]
    public async Task Init_with_json_writes_the_identity_id_and_public_key_as_JSON()
    {
        using var cli = new CliHarness();

        var json = await cli.Json("init", "--name", "FRA node");

        Assert.StartsWith("identity--", json["identity_id"]!.GetValue<string>(), StringComparison.Ordinal);
        var publicKey = Convert.FromBase64String(json["public_key"]!.GetValue<string>());
        Assert.Equal(32, publicKey.Length);
        Assert.Equal("FRA node", json["name"]!.GetValue<string>());
        Assert.Equal(cli.Home, json["home"]!.GetValue<string>());
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Home, "liaison.json")))!;
        Assert.Equal(json["identity_id"]!.GetValue<string>(), config["identity_id"]!.GetValue<string>());
        Assert.Equal(json["public_key"]!.GetValue<string>(), config["public_key"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_init_in_the_same_home_exits_3_and_changes_nothing()
    {
        using var cli = new CliHarness();
        await cli.Init("first");
        var before = FilesOf(cli.Home);

        var result = (await cli.Run("init", "--name", "second")).ExitsWith(ExitCodes.NodeError);

        Assert.Contains(cli.Home, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("already exists", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, FilesOf(cli.Home));
    }

    [Fact]
    public async Task Init_in_a_home_under_a_regular_file_exits_3_names_the_path_and_leaves_nothing_behind()
    {
        using var cli = new CliHarness();
        var file = cli.Write("not-a-folder", "just a file");
        var home = Path.Combine(file, "node");

        var result = (await cli.Run("init", "--name", "FRA node", "--home", home)).ExitsWith(ExitCodes.NodeError);

        Assert.Contains(home, result.Stderr, StringComparison.Ordinal);
        Assert.Equal("just a file", File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFileSystemEntries(cli.Root));
    }

    [Fact]
    public async Task Init_without_a_name_is_a_usage_error()
    {
        using var cli = new CliHarness();

        var result = (await cli.Run("init")).ExitsWith(ExitCodes.Usage);

        Assert.Contains("--name", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.Home));
    }

    /// <summary>Every file under a folder with its bytes and last write time, to compare before and after.</summary>
    private static List<string> FilesOf(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {File.GetLastWriteTimeUtc(f):O} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))}")
            .ToList();
}
