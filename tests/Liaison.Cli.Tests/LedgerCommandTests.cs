using System.Text.Json.Nodes;
using Liaison.Cli.Tests.Support;
using Liaison.Core;
using Liaison.Core.Canonical;
using Liaison.Core.Crypto;
using Liaison.Core.Ledger;
using Liaison.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests;

public sealed class LedgerCommandTests
{
    private const long Time = 1_450_166_400_000_000;

    private static string ObjectId(int i) => $"incident--{i:x8}-0000-4000-8000-000000000000";

    /// <summary>A node with <paramref name="count"/> release entries to RUS appended through the storage API; returns its public key.</summary>
    private static async Task<string> NodeWithEntries(CliHarness cli, int count)
    {
        var init = await cli.Json("init", "--name", "FRA node");
        using var store = SqliteStixStore.Open(Path.Combine(cli.Home, "liaison.db"), new FixedClock());
        store.AppendLedger(Enumerable.Range(0, count).Select(i =>
            new LedgerEntry(LedgerEntryKind.Release, Time + i, "RUS", ObjectId(i), Time, "RUS v3 release[0]", ContentHash.FromBytes(new byte[32].Select((_, b) => (byte)(b + i)).ToArray()))));
        return init["public_key"]!.GetValue<string>();
    }

    private static void Sql(CliHarness cli, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(cli.Home, "liaison.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Show_lists_the_latest_entries_oldest_first()
    {
        using var cli = new CliHarness();
        await NodeWithEntries(cli, 7);

        var json = await cli.Json("ledger", "show", "--limit", "3");
        var plain = (await cli.Run("ledger", "show")).ExitsWith(ExitCodes.Ok).Stdout;

        Assert.Equal(7, json["size"]!.GetValue<long>());
        Assert.Equal([4L, 5L, 6L], json["entries"]!.AsArray().Select(e => e!["index"]!.GetValue<long>()));
        Assert.Equal("release", json["entries"]![0]!["kind"]!.GetValue<string>());
        Assert.Contains($"6\t2015-12-15T08:00:00.000006Z\trelease\tRUS\t{ObjectId(6)}", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_passes_on_an_intact_ledger()
    {
        using var cli = new CliHarness();
        await NodeWithEntries(cli, 30);

        var json = await cli.Json("ledger", "verify");

        Assert.True(json["valid"]!.GetValue<bool>());
        Assert.Equal(30, json["entries"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("UPDATE ledger_entries SET entry = CAST(replace(CAST(entry AS TEXT), 'v3', 'v9') AS BLOB) WHERE seq = 12", 12)]
    [InlineData("DELETE FROM ledger_entries WHERE seq = 5", 5)]
    [InlineData("UPDATE ledger_entries SET entry = (SELECT entry FROM ledger_entries e WHERE e.seq = 21 - ledger_entries.seq) WHERE seq IN (9, 12)", 9)]
    public async Task Verify_fails_and_names_the_first_bad_entry_after_the_file_is_changed(string sql, long firstBad)
    {
        using var cli = new CliHarness();
        await NodeWithEntries(cli, 30);
        Sql(cli, sql);

        var result = (await cli.Run("ledger", "verify")).ExitsWith(ExitCodes.Rejected);
        var json = (await cli.Run("ledger", "verify", "--json")).ExitsWith(ExitCodes.Rejected).Json();

        Assert.Contains($"failed at entry {firstBad}", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(firstBad, json["first_bad_entry"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_proof_exported_by_prove_checks_with_the_public_key_alone()
    {
        using var cli = new CliHarness();
        var publicKey = await NodeWithEntries(cli, 25);

        var proved = await cli.Json("ledger", "prove", ObjectId(17), "--partner", "RUS", "--out", "proof.json");
        Directory.Delete(cli.Home, recursive: true); // nothing of the node is needed any more
        var json = await cli.Json("ledger", "check-proof", "proof.json", "--key", publicKey);

        Assert.Equal(17, proved["index"]!.GetValue<long>());
        Assert.True(json["valid"]!.GetValue<bool>());
        Assert.Equal(25, json["tree_size"]!.GetValue<long>());
        Assert.Equal(ObjectId(17), json["entry"]!["object_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_proof_is_refused_with_another_key_or_when_edited_or_truncated()
    {
        using var cli = new CliHarness();
        var publicKey = await NodeWithEntries(cli, 9);
        await cli.Json("ledger", "prove", ObjectId(3), "--partner", "RUS", "--out", "proof.json");
        var text = File.ReadAllText(Path.Combine(cli.Root, "proof.json"));
        using var other = NodeKey.Generate();
        cli.Write("edited.json", text.Replace(ObjectId(3), ObjectId(4), StringComparison.Ordinal));
        cli.Write("truncated.json", text[..(text.Length / 2)]);
        var path = JsonNode.Parse(text)!;
        path["inclusion_path"]![0] = new string('0', 64);
        cli.Write("path.json", path.ToJsonString());

        var wrongKey = (await cli.Run("ledger", "check-proof", "proof.json", "--key", other.PublicKeyBase64)).ExitsWith(ExitCodes.Rejected);
        var edited = (await cli.Run("ledger", "check-proof", "edited.json", "--key", publicKey)).ExitsWith(ExitCodes.Rejected);
        var truncated = (await cli.Run("ledger", "check-proof", "truncated.json", "--key", publicKey)).ExitsWith(ExitCodes.Rejected);
        var badPath = (await cli.Run("ledger", "check-proof", "path.json", "--key", publicKey)).ExitsWith(ExitCodes.Rejected);

        Assert.Contains("not the pinned key", wrongKey.Stderr, StringComparison.Ordinal);
        Assert.Contains("the readable fields do not match", edited.Stderr, StringComparison.Ordinal);
        Assert.Contains("not JSON", truncated.Stderr, StringComparison.Ordinal);
        Assert.Contains("leads to root", badPath.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_are_usage_errors_and_an_unknown_object_is_rejected()
    {
        using var cli = new CliHarness();
        var publicKey = await NodeWithEntries(cli, 3);
        await cli.Json("ledger", "prove", ObjectId(1), "--partner", "RUS", "--out", "proof.json");
        cli.Write("key.txt", publicKey + "\n");

        (await cli.Run("ledger", "check-proof", "missing.json", "--key", publicKey)).ExitsWith(ExitCodes.Usage);
        Assert.Contains("--key", (await cli.Run("ledger", "check-proof", "proof.json", "--key", "AAAA")).ExitsWith(ExitCodes.Usage).Stderr, StringComparison.Ordinal);
        (await cli.Run("ledger", "check-proof", "proof.json", "--key", "key.txt")).ExitsWith(ExitCodes.Ok);
        var unknown = (await cli.Run("ledger", "prove", ObjectId(1), "--partner", "UKR", "--out", "x.json")).ExitsWith(ExitCodes.Rejected);
        Assert.Contains("no entry about", unknown.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Root, "x.json")));
    }

    [Fact]
    public async Task Prove_reuses_a_checkpoint_that_covers_the_entry_and_verify_checks_it()
    {
        using var cli = new CliHarness();
        await NodeWithEntries(cli, 4);
        var first = await cli.Json("ledger", "prove", ObjectId(2), "--partner", "RUS", "--out", "a.json");
        var second = await cli.Json("ledger", "prove", ObjectId(0), "--partner", "RUS", "--out", "b.json");

        Assert.Equal(4, first["tree_size"]!.GetValue<long>());
        Assert.Equal(4, second["tree_size"]!.GetValue<long>());
        var verified = await cli.Json("ledger", "verify");
        Assert.Equal(1, verified["checkpoints"]!.GetValue<int>());
    }

    private sealed class FixedClock : IClock
    {
        public DateTimeOffset UtcNow => new(2015, 12, 15, 9, 0, 0, TimeSpan.Zero);
    }
}
