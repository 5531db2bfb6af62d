using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Crypto;
using Liaison.Core.Ledger;
using Liaison.Core.Stix;
using Liaison.Storage.Ledger;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison identity rotate</c>: a new node key, announced in the ledger by an entry the old key signs, the first
/// checkpoint after it signed by the new one; and <c>liaison partner accept-key --announcement</c>, which pins a
/// partner's new key only after checking its announcement with the key pinned so far.
/// </summary>
internal static class KeyRotationCommand
{
    public static Command Rotate(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("rotate", "Replace this node's key: the old key signs the announcement (in the ledger); prints it for partners to verify.");
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var config = home.LoadConfig();
            var next = home.KeyPath + ".next";
            if (File.Exists(next))
            {
                throw new CliException(ExitCodes.NodeError, $"{next} exists: an earlier rotation did not finish; restore the key that 'ledger verify' expects before rotating again");
            }

            using var old = home.LoadKey();
            using var fresh = NodeKey.Generate();
            var origin = LedgerSigner.OriginOf(config.IdentityId);
            var rotation = KeyRotation.Create(origin, old, fresh.PublicKeyBase64, StixTimestamp.UnixMicrosecondsOf(SystemClock.Instance.UtcNow));
            // The new key is on disk before the ledger announces it, and takes over only once the announcement is committed.
            InitCommand.WritePrivate(next, fresh.ExportPrivateKey());
            using (var store = home.OpenStore())
            using (var batch = store.BeginBatch())
            {
                batch.AppendLedger(LedgerEntry.ForKeyRotation(rotation));
                batch.IssueCheckpoint(origin, fresh);
                batch.Commit();
            }

            File.Move(next, home.KeyPath, overwrite: true);
            var updated = config with { PublicKey = fresh.PublicKeyBase64 };
            File.WriteAllText(home.ConfigPath, JsonSerializer.Serialize(updated, NodeConfigJson.Default.NodeConfig));
            var announcement = Convert.ToBase64String(rotation.Encode());
            output.Success($"Node key rotated: {LedgerKeyId.Of(old.PublicKeyBase64)} → {LedgerKeyId.Of(fresh.PublicKeyBase64)}, announced in the ledger");
            output.Line($"Give partners the new key and this announcement (signed by the old key): liaison partner accept-key {config.Name} --public-key {fresh.PublicKeyBase64} --announcement {announcement}");
            output.Result(new JsonObject { ["old_public_key"] = old.PublicKeyBase64, ["public_key"] = fresh.PublicKeyBase64, ["announcement"] = announcement });
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Checks a partner's announcement against the key pinned for it; returns why it fails, or null.</summary>
    public static string? AnnouncementProblem(string announcement, string pinnedKey, string newKey, string? partnerIdentity)
    {
        var bytes = new byte[announcement.Length];
        if (!Convert.TryFromBase64String(announcement.Trim(), bytes, out var length))
        {
            return "the announcement is not base64";
        }

        if (!KeyRotation.TryDecode(bytes.AsSpan(0, length), out var rotation, out var failure))
        {
            return $"the announcement cannot be read: {failure}";
        }

        var origin = partnerIdentity is null ? rotation.Origin : LedgerSigner.OriginOf(partnerIdentity);
        if (!rotation.Verify(pinnedKey, origin, out failure))
        {
            return $"the announcement is not signed by the key pinned for this partner: {failure}";
        }

        return rotation.NewPublicKey == newKey ? null : "the announcement names another new key than --public-key";
    }
}
