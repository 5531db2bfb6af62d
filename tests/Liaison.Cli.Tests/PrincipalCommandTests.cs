using Liaison.Cli.Tests.Support;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Tests;

public sealed class PrincipalCommandTests
{
    /// <summary>Asks the node's store directly, as the TAXII server will, whether a secret authenticates.</summary>
    private static (string? ByPassword, string? ByToken) Authenticate(CliHarness cli, string name, string? password, string? token)
    {
        using var store = SqliteStixStore.Open(Path.Combine(cli.Home, "liaison.db"), SystemClock.Instance);
        return (password is null ? null : store.AuthenticatePassword(name, password), token is null ? null : store.AuthenticateToken(token));
    }

    [Fact]
    public async Task Create_prints_a_generated_password_and_a_bearer_token_that_authenticate()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var json = await cli.Json("principal", "create", "rus-liaison");

        var password = json["password"]!.GetValue<string>();
        var token = json["bearer_token"]!.GetValue<string>();
        Assert.Equal("rus-liaison", json["name"]!.GetValue<string>());
        Assert.True(password.Length >= 24);
        Assert.StartsWith("lsn_", token, StringComparison.Ordinal);
        Assert.Contains("not shown again", json["note"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("rus-liaison", "rus-liaison"), Authenticate(cli, "rus-liaison", password, token));
    }

    [Fact]
    public async Task Create_in_plain_text_shows_both_secrets_and_says_to_store_them_now()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var stdout = (await cli.Run("principal", "create", "rus-liaison")).ExitsWith(ExitCodes.Ok).Stdout;

        Assert.Matches(@"\npassword\t[A-Za-z0-9_-]{32}\n", stdout);
        Assert.Matches(@"\nbearer token\tlsn_[A-Za-z0-9_-]{43}\n", stdout);
        Assert.Contains("Store them now: they are not shown again", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_password_stdin_reads_the_first_line_and_prints_only_the_token()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = (await cli.RunWithInput("correct horse battery staple\r\nsecond line ignored\n", "principal", "create", "unhcr", "--password-stdin", "--json")).ExitsWith(ExitCodes.Ok);

        var json = result.Json();
        Assert.Null(json["password"]);
        Assert.DoesNotContain("correct horse", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(("unhcr", "unhcr"), Authenticate(cli, "unhcr", "correct horse battery staple", json["bearer_token"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("Hunter2!\n")]
    public async Task A_missing_or_weak_password_on_stdin_exits_2_without_repeating_it(string stdin)
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = (await cli.RunWithInput(stdin, "principal", "create", "unhcr", "--password-stdin")).ExitsWith(ExitCodes.Usage);

        if (stdin.Trim().Length > 0)
        {
            Assert.DoesNotContain(stdin.Trim(), result.Stdout + result.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("password", result.Stderr, StringComparison.Ordinal);
        Assert.Empty((await cli.Json("principal", "list"))["principals"]!.AsArray());
    }

    [Fact]
    public async Task A_refused_create_never_shows_the_password_read_from_stdin()
    {
        using var cli = new CliHarness();
        await cli.Init();
        (await cli.Run("principal", "create", "unhcr")).ExitsWith(ExitCodes.Ok);

        var result = (await cli.RunWithInput("a perfectly fine password\n", "principal", "create", "UNHCR", "--password-stdin", "--json")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("already exists", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("perfectly fine", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_taken_in_any_case_exits_1()
    {
        using var cli = new CliHarness();
        await cli.Init();
        (await cli.Run("principal", "create", "rus-liaison")).ExitsWith(ExitCodes.Ok);

        var result = (await cli.Run("principal", "create", "RUS-Liaison")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("principal 'rus-liaison' already exists", result.Stderr, StringComparison.Ordinal);
        Assert.Single((await cli.Json("principal", "list"))["principals"]!.AsArray());
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("colon:inside")]
    [InlineData("a-name-that-is-far-too-long-for-a-principal-because-it-has-65-chr")]
    public async Task A_bad_name_exits_2(string name)
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = (await cli.Run("principal", "create", name)).ExitsWith(ExitCodes.Usage);

        Assert.Contains("principal name", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_names_and_state_and_never_a_secret()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var rus = await cli.Json("principal", "create", "rus-liaison");
        await cli.Json("principal", "create", "unhcr");
        (await cli.Run("principal", "revoke", "unhcr")).ExitsWith(ExitCodes.Ok);

        var plain = (await cli.Run("principal", "list")).ExitsWith(ExitCodes.Ok).Stdout;
        var json = await cli.Json("principal", "list");

        Assert.Matches(@"\nrus-liaison\t\d{4}-\d\d-\d\dT[^\t]+Z\tactive\n", plain);
        Assert.Matches(@"\nunhcr\t[^\t]+\trevoked\n", plain);
        Assert.Equal(["rus-liaison", "unhcr"], json["principals"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal([false, true], json["principals"]!.AsArray().Select(p => p!["revoked"]!.GetValue<bool>()));
        foreach (var text in new[] { plain, json.ToJsonString() })
        {
            Assert.DoesNotContain(rus["password"]!.GetValue<string>(), text, StringComparison.Ordinal);
            Assert.DoesNotContain(rus["bearer_token"]!.GetValue<string>(), text, StringComparison.Ordinal);
            Assert.DoesNotContain("argon2", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Revoke_stops_both_secrets_at_once_and_is_idempotent()
    {
        using var cli = new CliHarness();
        await cli.Init();
        var created = await cli.Json("principal", "create", "rus-liaison");

        var first = await cli.Json("principal", "revoke", "rus-liaison");
        var again = (await cli.Run("principal", "revoke", "rus-liaison")).ExitsWith(ExitCodes.Ok);

        Assert.False(first["already_revoked"]!.GetValue<bool>());
        Assert.Contains("already revoked", again.Stdout, StringComparison.Ordinal);
        Assert.Equal((null, null), Authenticate(cli, "rus-liaison", created["password"]!.GetValue<string>(), created["bearer_token"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Revoking_an_unknown_principal_exits_1()
    {
        using var cli = new CliHarness();
        await cli.Init();

        var result = (await cli.Run("principal", "revoke", "nobody")).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("no principal 'nobody'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_node_the_admin_commands_exit_3()
    {
        using var cli = new CliHarness();

        (await cli.Run("principal", "create", "rus-liaison")).ExitsWith(ExitCodes.NodeError);
        (await cli.Run("principal", "list")).ExitsWith(ExitCodes.NodeError);
        (await cli.Run("collection", "list")).ExitsWith(ExitCodes.NodeError);
        (await cli.Run("grant", "list")).ExitsWith(ExitCodes.NodeError);
    }

    [Fact]
    public async Task Principal_without_a_subcommand_is_a_usage_error()
    {
        using var cli = new CliHarness();

        (await cli.Run("principal")).ExitsWith(ExitCodes.Usage);
    }
}
