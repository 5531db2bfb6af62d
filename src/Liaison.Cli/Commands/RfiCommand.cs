using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Agreements;
using Liaison.Core.Canonical;
using Liaison.Core.Extensions;
using Liaison.Core.Ledger;
using Liaison.Core.Requests;
using Liaison.Core.Stix;
using Liaison.Core.Validation;
using Liaison.Storage;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison rfi create|list|answer|close</c>: requests for information between partners. A request goes out like any
/// object, under the agreement (a clause naming <c>rfi</c>); the answer is a note the partner releases back. Every
/// step is in the ledger.
/// </summary>
internal static class RfiCommand
{
    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("rfi", "Requests for information: ask a partner, answer a partner, follow them up.");
        command.Subcommands.Add(New(globals, environment));
        command.Subcommands.Add(List(globals, environment));
        command.Subcommands.Add(Answer(globals, environment));
        command.Subcommands.Add(Close(globals, environment));
        return command;
    }

    private static Command New(GlobalOptions globals, CliEnvironment environment)
    {
        var partner = new Argument<string>("PARTNER");
        var question = new Option<string>("--question") { Description = "What is asked.", Required = true };
        var about = new Option<string[]>("--about") { Description = "Ids of the objects the question is about (repeat).", AllowMultipleArgumentsPerToken = true };
        var due = new Option<string>("--due") { Description = "When the answer is needed (RFC 3339 UTC, e.g. 2015-12-20T00:00:00Z).", Required = true };
        var name = new Option<string?>("--name") { Description = "A short name." };
        var command = new Command("create", "Ask a partner; the request goes out with the next sync if the agreement releases rfi.") { partner, question, about, due, name };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var info = PartnerCommand.Find(store, parse.GetValue(partner)!);
            var addressee = info.IdentityId ?? throw new CliException(ExitCodes.Rejected,
                $"{info.Code}'s identity is unknown: add the partner with --identity (its 'liaison identity show'), so the request can name it");
            if (!StixTimestamp.TryParse(parse.GetValue(due), out var dueAt, out var reason))
            {
                throw new CliException(ExitCodes.Usage, $"--due: {reason}");
            }

            var ids = parse.GetValue(about) ?? [];
            if (ids.FirstOrDefault(id => !store.Contains(id)) is { } unknown)
            {
                throw new CliException(ExitCodes.Rejected, $"--about {unknown}: no such object here");
            }

            var rfi = InformationRequests.Create(home.LoadConfig().IdentityId, addressee, parse.GetValue(question)!, ids,
                dueAt.Value.Instant, parse.GetValue(name), SystemClock.Instance.UtcNow);
            var stored = Store(store, rfi, info.Code);
            output.Success($"Request {stored.Id} to {info.Code} recorded; it goes out with the next 'liaison sync {info.Code}' if the agreement releases rfi");
            output.Result(new JsonObject { ["id"] = stored.Id.Value, ["partner"] = info.Code, ["status"] = "open" });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("list", "Requests we made and requests made to us, with their status (open, answered, overdue, closed).");
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var rows = Requests(store, home).ToList();
            output.Table($"{rows.Count} request(s)", ["direction", "partner", "id", "question", "due", "status", "answers"],
                rows.Select(r => (IReadOnlyList<string>)[r.Direction, r.Partner, r.Id, r.Question, r.Due, Text(r.Status), $"{r.Answers.Count}"]));
            output.Result(new JsonObject
            {
                ["requests"] = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
                {
                    ["direction"] = r.Direction, ["partner"] = r.Partner, ["id"] = r.Id, ["question"] = r.Question, ["due"] = r.Due,
                    ["status"] = Text(r.Status), ["answers"] = new JsonArray(r.Answers.Select(a => (JsonNode)a).ToArray()),
                }).ToArray()),
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Answer(GlobalOptions globals, CliEnvironment environment)
    {
        var id = new Argument<string>("RFI_ID") { Description = "A request a partner made to us." };
        var text = new Option<string>("--text") { Description = "The answer.", Required = true };
        var objects = new Option<string[]>("--object") { Description = "Ids of objects that answer it (repeat); they go out only if the agreement allows them.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("answer", "Answer a partner's request: a note that goes back with the next sync if the agreement releases it (kinds: [note], labels: [rfi-answer]).") { id, text, objects };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var rfiId = parse.GetValue(id)!;
            if (store.Get(rfiId) is not { Type: LiaisonExtensions.RequestForInformationType })
            {
                throw new CliException(ExitCodes.Rejected, $"no request {rfiId}: see 'liaison rfi list'");
            }

            var partner = Origin(store, rfiId) ?? throw new CliException(ExitCodes.Rejected, $"{rfiId} is our own request: only the partner it is addressed to answers it");
            var note = InformationRequests.Answer(rfiId, home.LoadConfig().IdentityId, parse.GetValue(text)!, parse.GetValue(objects) ?? [], SystemClock.Instance.UtcNow);
            var stored = Store(store, note, partner);
            output.Success($"Answer {stored.Id} to {partner}'s request recorded; it goes back with the next 'liaison sync {partner}'");
            output.Result(new JsonObject { ["id"] = stored.Id.Value, ["answers"] = rfiId, ["partner"] = partner });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Close(GlobalOptions globals, CliEnvironment environment)
    {
        var id = new Argument<string>("RFI_ID") { Description = "A request we made." };
        var command = new Command("close", "Close one of our requests (a new version, sent to the partner with the next sync).") { id };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            using var store = home.OpenStore();
            var rfiId = parse.GetValue(id)!;
            var request = Requests(store, home).FirstOrDefault(r => r.Id == rfiId && r.Direction == "out")
                ?? throw new CliException(ExitCodes.Rejected, $"{rfiId} is not one of our requests: see 'liaison rfi list'");
            if (request.Status == RfiStatus.Closed)
            {
                throw new CliException(ExitCodes.Rejected, $"{rfiId} is closed already");
            }

            var closed = InformationRequests.Close(store.Get(rfiId)!.ToJsonElement(), request.Answers, SystemClock.Instance.UtcNow);
            Store(store, closed, request.Partner);
            output.Success($"Request {rfiId} closed ({request.Answers.Count} answer(s))");
            output.Result(new JsonObject { ["id"] = rfiId, ["status"] = "closed", ["answers"] = request.Answers.Count });
            return ExitCodes.Ok;
        });
        return command;
    }

    internal sealed record Request(string Direction, string Partner, string Id, string Question, string Due, RfiStatus Status, IReadOnlyList<string> Answers);

    internal static IEnumerable<Request> Requests(SqliteStixStore store, NodeHome home)
    {
        var partners = store.Partners();
        var notes = store.Query(new ObjectQuery { Types = ["note"], Limit = 10_000 }).Select(n => (n.Id, Json: n.ToJsonElement(), Origin: Origin(store, n.Id))).ToList();
        var now = SystemClock.Instance.UtcNow;
        foreach (var stored in store.Query(new ObjectQuery { Types = [LiaisonExtensions.RequestForInformationType], Limit = 10_000 }))
        {
            var json = stored.ToJsonElement();
            var origin = Origin(store, stored.Id);
            string partner;
            List<string> answers;
            if (origin is null)
            {
                // Ours: the partner answers the request under the id it received, our released id.
                var addressee = json.GetProperty("addressee_ref").GetString();
                partner = partners.FirstOrDefault(p => p.IdentityId == addressee)?.Code ?? "?";
                var releasedId = partner == "?" ? stored.Id : new ReleasedIds(new PartnerSecrets(home).For(partner)).For(stored.Id);
                answers = notes.Where(n => n.Origin == partner && InformationRequests.Answers(n.Json, releasedId)).Select(n => n.Id).ToList();
            }
            else
            {
                partner = origin;
                answers = notes.Where(n => n.Origin is null && InformationRequests.Answers(n.Json, stored.Id)).Select(n => n.Id).ToList();
            }

            yield return new Request(origin is null ? "out" : "in", partner, stored.Id, json.GetProperty("question").GetString()!,
                json.GetProperty("due").GetString()!, InformationRequests.StatusOf(json, answers.Count, now), answers);
        }
    }

    private static string? Origin(SqliteStixStore store, string id) =>
        store.ProvenanceOf(id) is { Count: > 0 } origins ? origins[0].Remote.ToUpperInvariant() : null;

    /// <summary>Validates and stores a request, an answer or a new version, with its ledger entry, in one transaction.</summary>
    internal static StixObject Store(SqliteStixStore store, JsonObject stixObject, string partner)
    {
        var validation = new StixValidator(LiaisonExtensions.Instance).Validate(JsonSerializer.SerializeToElement(stixObject));
        var valid = validation.Object ?? throw new CliException(ExitCodes.Rejected, "not a valid request: " + string.Join("; ", validation.Errors));
        var hash = ContentHash.Of(valid.Json);
        using (var batch = store.BeginBatch())
        {
            batch.Add(valid, hash, valid.ToUtf8Bytes(), IndexFacts.Of(valid));
            batch.AppendLedger(new LedgerEntry(LedgerEntryKind.RequestForInformation, StixTimestamp.UnixMicrosecondsOf(SystemClock.Instance.UtcNow), partner,
                valid.Id.Value, valid.Version?.UnixMicroseconds, valid.Type, hash));
            batch.Commit();
        }

        store.CatchUpTextIndex();
        return valid;
    }

    private static string Text(RfiStatus status) => status.ToString().ToLower(CultureInfo.InvariantCulture);
}
