using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Ledger;
using Liaison.Storage.Ledger;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison ledger verify|prove|check-proof|show</c>: the node's append-only, Merkle-hashed record of exchanges.</summary>
internal static class LedgerCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("ledger", "The node's tamper-evident record of everything released, received, approved and withdrawn.");
        command.Subcommands.Add(Verify(globals, environment));
        command.Subcommands.Add(Prove(globals, environment));
        command.Subcommands.Add(CheckProof(globals, environment));
        command.Subcommands.Add(Show(globals, environment));
        command.Subcommands.Add(LedgerCompareCommand.Create(globals, environment));
        return command;
    }

    /// <summary>The log's origin: a name no other node's log has.</summary>
    public static string Origin(NodeConfig config) => LedgerSigner.OriginOf(config.IdentityId);

    private static Command Verify(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("verify", "Recompute the whole ledger and every signature; exit 1 and name the first bad entry if anything was changed.");
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var config = home.LoadConfig();
            using var store = home.OpenStore();
            var result = store.VerifyLedger(config.PublicKey);
            output.Result(new JsonObject
            {
                ["valid"] = result.IsValid,
                ["entries"] = result.Entries,
                ["checkpoints"] = result.Checkpoints,
                ["root_hash"] = result.Root?.ToString(),
                ["first_bad_entry"] = result.FirstBadEntry,
                ["problem"] = result.Problem,
            });
            if (!result.IsValid)
            {
                output.Failure($"the ledger does not verify at entry {result.FirstBadEntry}: {result.Problem}");
                environment.Stderr.WriteLine($"error: ledger verification failed at entry {result.FirstBadEntry}: {result.Problem}");
                return ExitCodes.Rejected;
            }

            output.Success($"ledger verified: {Count(result.Entries)} entries, {result.Checkpoints} signed checkpoints");
            output.Table(null, ["measure", "value"], [["entries", Count(result.Entries)], ["checkpoints", result.Checkpoints.ToString(CultureInfo.InvariantCulture)], ["root hash", result.Root!.Value.ToString()]]);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Prove(GlobalOptions globals, CliEnvironment environment)
    {
        var objectId = new Argument<string>("OBJECT") { Description = "The STIX id of the object released to (or received from) the partner." };
        var partner = new Option<string>("--partner") { Description = "The partner, as named in the ledger.", Required = true };
        var outFile = new Option<string>("--out") { Description = "Where to write the proof (JSON).", Required = true };
        var command = new Command("prove", "Export the inclusion proof of the object's latest entry for the partner, with a signed checkpoint: checkable with the public key alone.")
        {
            objectId, partner, outFile,
        };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var config = home.LoadConfig();
            using var store = home.OpenStore();
            var wanted = parse.GetValue(objectId)!;
            var partnerName = parse.GetValue(partner)!;
            var found = store.FindLedgerEntries(wanted, partnerName);
            if (found.Count == 0)
            {
                output.Error($"the ledger has no entry about {wanted} for partner {partnerName}");
                return ExitCodes.Rejected;
            }

            var record = found[^1];
            var checkpoint = CoveringCheckpoint(store, home, config, record, partnerName);
            var proof = store.LedgerInclusionProof(record.Index, checkpoint.Checkpoint.TreeSize);
            var path = Path.Combine(environment.WorkingDirectory, parse.GetValue(outFile)!);
            File.WriteAllText(path, InclusionProofFile.Write(record.Index, record.Encoded, proof, checkpoint).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            output.Success($"proof of entry {record.Index} ({LedgerEntryKinds.Name(record.Entry.Kind)} of {wanted} for {partnerName}) in a log of {checkpoint.Checkpoint.TreeSize} entries written to {path}");
            output.Result(new JsonObject { ["file"] = path, ["index"] = record.Index, ["tree_size"] = checkpoint.Checkpoint.TreeSize, ["path_length"] = proof.Path.Count });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CheckProof(GlobalOptions globals, CliEnvironment environment)
    {
        var file = new Argument<string>("FILE") { Description = "A proof written by 'liaison ledger prove'." };
        var key = new Option<string>("--key") { Description = "The log's Ed25519 public key in base64 (as 'liaison init' prints it), or a file holding it.", Required = true };
        var command = new Command("check-proof", "Check an inclusion proof with nothing but the file and the public key (no node needed).") { file, key };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var path = Path.Combine(environment.WorkingDirectory, parse.GetValue(file)!);
            if (!File.Exists(path))
            {
                throw new CliException(ExitCodes.Usage, $"{parse.GetValue(file)}: no such file");
            }

            var publicKey = PublicKey(parse.GetValue(key)!, environment);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllBytes(path));
            }
            catch (JsonException ex)
            {
                output.Error($"{path}: not JSON ({ex.Message})");
                return ExitCodes.Rejected;
            }

            using (document)
            {
                if (!InclusionProofFile.Check(document.RootElement, publicKey, out var index, out var entry, out var checkpoint, out var failure))
                {
                    output.Error($"{path}: the proof does not hold: {failure}");
                    return ExitCodes.Rejected;
                }

                var c = checkpoint.Checkpoint;
                output.Success($"entry {index} is in the log '{c.Origin}' of {Count(c.TreeSize)} entries, signed by {checkpoint.KeyId} at {Time(c.TimeMicroseconds)}");
                output.Table(null, ShowHeaders, [Row(index, entry)]);
                output.Result(new JsonObject { ["valid"] = true, ["origin"] = c.Origin, ["tree_size"] = c.TreeSize, ["root_hash"] = c.RootHash.ToString(), ["entry"] = EntryJson(index, entry) });
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    private static Command Show(GlobalOptions globals, CliEnvironment environment)
    {
        var limit = new Option<int>("--limit") { Description = "How many of the latest entries to show.", DefaultValueFactory = _ => 50 };
        var command = new Command("show", "List the latest entries, oldest first.") { limit };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var count = parse.GetValue(limit);
            if (count < 1)
            {
                throw new CliException(ExitCodes.Usage, "--limit must be at least 1");
            }

            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var size = store.LedgerSize;
            var records = store.LedgerEntries(Math.Max(0, size - count), count);
            output.Table($"Ledger: {Count(size)} entries", ShowHeaders, records.Select(r => Row(r.Index, r.Entry)));
            output.Result(new JsonObject
            {
                ["size"] = size,
                ["root_hash"] = store.LedgerRoot(size).ToString(),
                ["entries"] = new JsonArray([.. records.Select(r => (JsonNode)EntryJson(r.Index, r.Entry))]),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static readonly string[] ShowHeaders = ["#", "time", "kind", "partner", "object", "version", "clause", "content hash"];

    // The latest checkpoint that covers the entry and is signed with the node's current key; else a new one.
    private static SignedCheckpoint CoveringCheckpoint(Liaison.Storage.Sqlite.SqliteStixStore store, NodeHome home, NodeConfig config, LedgerRecord record, string partner)
    {
        var issued = store.IssuedCheckpoints().LastOrDefault(c => c.Checkpoint.Checkpoint.TreeSize > record.Index && c.PublicKey == config.PublicKey);
        if (issued.Checkpoint is not null)
        {
            return issued.Checkpoint;
        }

        using var key = home.LoadKey();
        return store.IssueCheckpoint(Origin(config), key, partner);
    }

    private static string PublicKey(string given, CliEnvironment environment)
    {
        var path = Path.Combine(environment.WorkingDirectory, given);
        var text = File.Exists(path) ? File.ReadAllText(path).Trim() : given.Trim();
        try
        {
            LedgerKeyId.Of(text);
            return text;
        }
        catch (FormatException ex)
        {
            throw new CliException(ExitCodes.Usage, $"--key: {ex.Message}, or a file holding one");
        }
    }

    private static IReadOnlyList<string> Row(long index, LedgerEntry entry) =>
    [
        index.ToString(CultureInfo.InvariantCulture), Time(entry.TimeMicroseconds), LedgerEntryKinds.Name(entry.Kind), entry.Partner ?? "-", entry.ObjectId ?? "-",
        entry.ObjectVersion is { } v ? Time(v) : "-", entry.Clause ?? "-", entry.ContentHash?.ToString()[..16] ?? "-",
    ];

    private static JsonObject EntryJson(long index, LedgerEntry entry) => new()
    {
        ["index"] = index,
        ["kind"] = LedgerEntryKinds.Name(entry.Kind),
        ["time"] = Time(entry.TimeMicroseconds),
        ["partner"] = entry.Partner,
        ["object_id"] = entry.ObjectId,
        ["object_version"] = entry.ObjectVersion is { } v ? Time(v) : null,
        ["clause"] = entry.Clause,
        ["content_hash"] = entry.ContentHash?.ToString(),
    };

    private static string Time(long microseconds) => ObjectRows.Microseconds(microseconds);

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
