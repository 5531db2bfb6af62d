using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests;

/// <summary>A node rotates its key; a partner pins the new one only after checking the old key signed the announcement.</summary>
public sealed class KeyRotationTests
{
    [Fact]
    public async Task A_rotated_key_is_announced_in_the_ledger_and_a_partner_accepts_it_only_with_a_valid_announcement()
    {
        using var fra = new CliHarness();
        var fraIdentity = await fra.Init("FRA");
        var oldKey = (string)(await fra.Json("identity", "show"))["public_key"]!;
        using var rus = new CliHarness();
        await rus.Init("RUS");
        (await rus.Run("partner", "add", "FRA", "--url", "https://fra.example/taxii2/", "--public-key", oldKey, "--identity", fraIdentity)).ExitsWith(ExitCodes.Ok);

        var rotated = await fra.Json("identity", "rotate");
        var newKey = (string)rotated["public_key"]!;
        var announcement = (string)rotated["announcement"]!;

        Assert.Equal(oldKey, (string)rotated["old_public_key"]!);
        Assert.Equal(newKey, (string)(await fra.Json("identity", "show"))["public_key"]!);
        (await fra.Run("ledger", "verify")).ExitsWith(ExitCodes.Ok);
        Assert.Contains((await fra.Json("ledger", "show"))["entries"]!.AsArray(), e => (string)e!["kind"]! == "key-rotation");

        // A forged announcement (another node's rotation) is refused and nothing is pinned.
        using var other = new CliHarness();
        await other.Init("XYZ");
        var forged = (string)(await other.Json("identity", "rotate"))["announcement"]!;
        var refused = await rus.Run("partner", "accept-key", "FRA", "--public-key", newKey, "--announcement", forged);
        Assert.Equal(ExitCodes.Rejected, refused.ExitCode);
        Assert.Contains("not accepted", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(oldKey, (string)(await rus.Json("partner", "show", "FRA"))["public_key"]!);

        (await rus.Run("partner", "accept-key", "FRA", "--public-key", newKey, "--announcement", announcement)).ExitsWith(ExitCodes.Ok);
        Assert.Equal(newKey, (string)(await rus.Json("partner", "show", "FRA"))["public_key"]!);
    }
}
