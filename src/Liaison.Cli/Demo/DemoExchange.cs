using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Cli.Commands;
using Liaison.Storage.Deconfliction;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Agreements;
using Liaison.Core.Claims;
using Liaison.Core.Extensions;
using Liaison.Core.Ledger;
using Liaison.Core.Requests;
using Liaison.Core.Validation;
using Liaison.Server;
using Liaison.Storage;
using Liaison.Storage.Ingest;
using Liaison.Storage.Release;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Liaison.Cli.Demo;

/// <summary>
/// The demo's second act: the French node and a Russian node, each serving TAXII on loopback, pin each other's keys,
/// apply their asymmetric agreements, exchange what those allow, verify each other's checkpoints, return signed
/// receipts, and finally verify and compare both ledgers. Every step is a check.
/// </summary>
internal static class DemoExchange
{
    public static async Task RunAsync(CliOutput output, DemoChecks checks, NodeHome fra, NodeHome rus, CancellationToken cancel)
    {
        var watch = Stopwatch.StartNew();
        output.Heading("Act 2: two sovereign nodes, FRA and RUS, on loopback");
        var rusConfig = InitCommand.Initialise(rus, "RUS - Ministry of Defence (demo)");
        Ingest(rus, "rus.json", output, "RUS's own holdings: a group, where it was seen, an internal note, and its fleet's station off Latakia");
        Ingest(fra, "fra.json", output, "FRA's own: its strike assessment of the tanker convoy, a person of interest, its carrier group's plans");
        await using var fraServer = await Serve(fra, cancel).ConfigureAwait(false);
        await using var rusServer = await Serve(rus, cancel).ConfigureAwait(false);
        var fraUrl = Discovery(fraServer);
        var rusUrl = Discovery(rusServer);
        output.Table("Nodes", ["node", "TAXII discovery", "identity", "public key"],
        [
            ["FRA", fraUrl, fra.LoadConfig().IdentityId, fra.LoadConfig().PublicKey],
            ["RUS", rusUrl, rusConfig.IdentityId, rusConfig.PublicKey],
        ]);

        Pair(fra, "RUS", rusUrl, rus.LoadConfig().PublicKey, rus, "FRA", fraUrl);
        checks.Expect(Pinned(fra, "RUS", rusConfig.PublicKey) && Pinned(rus, "FRA", fra.LoadConfig().PublicKey), "each node pinned the other's key and created its outbound and inbound collections");
        Apply(fra, "fra-to-rus.yaml");
        Apply(rus, "rus-to-fra.yaml");
        output.Line("Agreements applied: FRA → RUS releases incidents and locations at 10 km with sources pseudonymised, and the groups;");
        output.Line("RUS → FRA releases group positions at 5 km, rounded to the hour. Each accepts only what it named.");

        var rfi = Ask(fra, output);

        output.Heading("Sync: FRA ⇄ RUS (release, pull, verify checkpoints, return receipts)");
        var fraFirst = await Sync(fra, "RUS", cancel).ConfigureAwait(false);
        var rusSync = await Sync(rus, "FRA", cancel).ConfigureAwait(false);
        var answered = Answer(rus, output);
        var fraSecond = await Sync(fra, "RUS", cancel).ConfigureAwait(false);
        // FRA wrote its conflict report when RUS's notice arrived: it goes out with FRA's next release, and RUS pulls it.
        var fraReport = await Sync(fra, "RUS", cancel).ConfigureAwait(false);
        var rusSecond = await Sync(rus, "FRA", cancel).ConfigureAwait(false);
        output.Table(null, ["sync", "released", "received", "quarantined", "checkpoints accepted", "receipts sent"],
        [
            Row("FRA → RUS, then pull", fraFirst), Row("RUS → FRA, then pull", rusSync), Row("FRA pulls again", fraSecond),
            Row("FRA → RUS (its conflict report)", fraReport), Row("RUS pulls again", rusSecond),
        ]);
        checks.Expect(fraFirst.Release.Items.Any(i => i.Type == "note" && i.Action == ReleaseAction.Deny), "FRA's internal note is not released (no clause names notes)");

        var atRus = Received(rus, "FRA");
        var atFra = Received(fra, "RUS");
        Show(output, "What RUS received from FRA", atRus);
        Show(output, "What FRA received from RUS", atFra);
        checks.Expect(atRus.Count(o => o.Type == "incident") == 4, $"RUS holds FRA's 4 incidents ({atRus.Count(o => o.Type == "incident")})");
        var strike = atRus.SingleOrDefault(o => o.Type == LiaisonExtensions.StrikeAssessmentType);
        checks.Expect(strike is not null && !strike.Json.TryGetProperty("platform", out _) && !strike.Json.TryGetProperty("munition", out _)
            && strike.Json.GetProperty("strike_time").GetString() == "2015-12-13T21:00:00Z" && strike.Json.GetProperty("assessor_ref").GetString() != StrikeAssessor,
            "FRA's strike assessment reached RUS without platform or munition, its time to the hour, its assessor pseudonymised");
        checks.Expect(!atRus.Any(o => o.Json.GetRawText().Contains("Faransi", StringComparison.Ordinal)), "FRA's person of interest did not leave (no clause names the kind)");
        checks.Expect(atRus.Where(o => o.Type == "location").All(o => o.Json.TryGetProperty("precision", out var p) && p.GetDouble() >= 10_000),
            "every location RUS holds from FRA is at 10 km precision or coarser");
        checks.Expect(!Leaks(rus, fra), "none of FRA's internal ids is in RUS's database");
        checks.Expect(atFra.Any(o => o.Type == "sighting") && atFra.Where(o => o.Type == "location").All(o => o.Json.GetProperty("precision").GetDouble() >= 5_000),
            "FRA holds RUS's group sighting, its location at 5 km");
        checks.Expect(!atFra.Any(o => o.Type == "note" && o.Json.GetRawText().Contains("VOLGA", StringComparison.Ordinal)) && !Leaks(fra, rus),
            "RUS's internal note (its source's name) and internal ids stay at RUS");

        ShowRequests(output, checks, fra, rfi, answered);
        await MatchPerson(output, checks, fra, rus, cancel).ConfigureAwait(false);
        ShowReconciled(output, checks, fra, rus);
        Deconflict(output, checks, fra, fraSecond, rusSync, atRus);
        DemoConflictReports.Show(output, checks, fra, rus, fraSecond.Conflicts);
        var clean = rusSync.Checks.All(c => c.IsAccepted) && fraSecond.Checks.All(c => c.IsAccepted)
            && rusSync.Checks.Count > 0 && fraSecond.Checks.Count > 0;
        checks.Expect(clean, "each side accepted the other's signed checkpoints (signature and consistency)");
        var inclusions = new[] { rusSync.Inclusion, fraSecond.Inclusion, rusSecond.Inclusion };
        checks.Expect(inclusions.All(i => i.Failures.Count == 0 && i.Unproven.Count == 0 && i.Proven > 0),
            $"every object each side received is proved in the sender's log ({rusSync.Inclusion.Proven + rusSecond.Inclusion.Proven} at RUS, {fraSecond.Inclusion.Proven} at FRA)");

        output.Heading("Proof: both ledgers verified and compared");
        var fraLedger = Verify(fra);
        var rusLedger = Verify(rus);
        var fraCompare = Compare(fra, "RUS");
        var rusCompare = Compare(rus, "FRA");
        output.Table(null, ["node", "ledger entries", "verified", "released", "acknowledged by partner", "differences"],
        [
            [ "FRA", $"{fraLedger.Entries}", fraLedger.IsValid ? "yes" : "NO", $"{fraCompare.Acknowledged.Count + fraCompare.NotAcknowledged.Count + fraCompare.HashMismatches.Count}", $"{fraCompare.Acknowledged.Count}", Differences(fraCompare) ],
            [ "RUS", $"{rusLedger.Entries}", rusLedger.IsValid ? "yes" : "NO", $"{rusCompare.Acknowledged.Count + rusCompare.NotAcknowledged.Count + rusCompare.HashMismatches.Count}", $"{rusCompare.Acknowledged.Count}", Differences(rusCompare) ],
        ]);
        checks.Expect(fraLedger.IsValid && rusLedger.IsValid, "both ledgers verify: every entry, tree node and signature recomputed");
        checks.Expect(fraCompare.IsClean && rusCompare.IsClean && fraCompare.Acknowledged.Count > 0 && rusCompare.Acknowledged.Count > 0,
            "both sides agree: every release acknowledged by a signed receipt with the same content, nothing else claimed");
        checks.Expect(watch.Elapsed < TimeSpan.FromSeconds(30), $"the exchange took {watch.Elapsed.TotalSeconds:F1} s (under 30 s)");
    }

    private static async Task<WebApplication> Serve(NodeHome home, CancellationToken cancel)
    {
        var builder = LiaisonServer.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = LiaisonServer.Build(builder, new LiaisonServerOptions
        {
            DatabasePath = home.DatabasePath, PersonMatchKeys = PersonMatchCommand.KeysOf(home), NodeIdentityId = home.LoadConfig().IdentityId,
        }, SystemClock.Instance);
        await app.StartAsync(cancel).ConfigureAwait(false);
        return app;
    }

    private static string Discovery(WebApplication app) => app.Urls.First().TrimEnd('/') + "/taxii2/";

    // Each side adds the other as a partner, and keeps the credentials the other created for it.
    private static void Pair(NodeHome a, string aCallsB, string bUrl, string bKey, NodeHome b, string bCallsA, string aUrl)
    {
        using var storeA = a.OpenStore();
        using var storeB = b.OpenStore();
        var forB = storeA.AddPartner(aCallsB, bUrl, bKey, "demo", b.LoadConfig().IdentityId).Credentials;
        var forA = storeB.AddPartner(bCallsA, aUrl, a.LoadConfig().PublicKey, "demo", a.LoadConfig().IdentityId).Credentials;
        new RemoteRegistry(a).Save(aCallsB, new RemoteEntry { DiscoveryUrl = bUrl, User = forA.Principal, Secret = forA.Password! });
        new RemoteRegistry(b).Save(bCallsA, new RemoteEntry { DiscoveryUrl = aUrl, User = forB.Principal, Secret = forB.Password! });
    }

    private static bool Pinned(NodeHome home, string code, string key)
    {
        using var store = home.OpenStore();
        return store.FindPartner(code) is { } partner && partner.PublicKey == key && store.FindCollection(partner.OutboundCollection.ToString()) is not null;
    }

    private static void Apply(NodeHome home, string resource)
    {
        using var store = home.OpenStore();
        store.ApplyAgreement(AgreementParser.Parse(Resource(resource)), "demo");
    }

    private static void Ingest(NodeHome home, string resource, CliOutput output, string what)
    {
        using var store = home.OpenStore();
        using var bundle = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(UnderReview(Resource(resource))));
        var report = new StixIngestor(store, new StixValidator(LiaisonExtensions.Instance)).Ingest(resource, bundle, InputFormat.Bundle, new IngestOptions());
        if (!report.Committed)
        {
            throw new CliException(ExitCodes.NodeError, $"the demo's {resource} was refused: {string.Join("; ", report.Errors)}");
        }

        store.CatchUpTextIndex();
        output.Line($"{what} ({report.New} objects).");
    }

    /// <summary>
    /// The scenario is from 2015 but runs today: its persons of interest are given a review-by date six months from now,
    /// or retention (enforced before every release) would purge them at once.
    /// </summary>
    private static string UnderReview(string bundle)
    {
        var json = JsonNode.Parse(bundle)!;
        var reviewBy = Core.Stix.StixTimestamp.FromDateTimeOffset(SystemClock.Instance.UtcNow.AddDays(182)).Text;
        foreach (var stixObject in json["objects"]!.AsArray())
        {
            if (stixObject?["extensions"]?[LiaisonExtensions.PersonOfInterestId] is JsonObject person)
            {
                person["review_by"] = reviewBy;
            }
        }

        return json.ToJsonString();
    }

    private sealed record SyncResult(ReleaseRunReport Release, long Received, long Quarantined, IReadOnlyList<CheckpointCheck> Checks, int ReceiptsSent,
        IReadOnlyList<ArrivedConflict> Conflicts, SyncCommand.Inclusion Inclusion);

    private static async Task<SyncResult> Sync(NodeHome home, string partner, CancellationToken cancel)
    {
        using var store = home.OpenStore();
        var info = store.FindPartner(partner)!;
        var release = ReleaseCommand.RunFor(store, home, info, "demo");
        var (pulled, checks, sent, problem, arrival, inclusion) = await SyncCommand.PullFrom(store, home, info, cancel).ConfigureAwait(false);
        if (problem is not null)
        {
            throw new CliException(ExitCodes.NodeError, $"receipts to {partner} failed: {problem}");
        }

        return new SyncResult(release, pulled.Sum(p => p.New + p.Updated), pulled.Sum(p => p.Quarantined), checks, sent, arrival.Conflicts, inclusion);
    }

    private static IReadOnlyList<string> Row(string name, SyncResult result) =>
        [name, $"{result.Release.Count(ReleaseAction.Release)}", $"{result.Received}", $"{result.Quarantined}", $"{result.Checks.Count(c => c.IsAccepted)}", $"{result.ReceiptsSent}"];

    private sealed record Held(string Type, string Id, JsonElement Json);

    /// <summary>What a node holds from a partner (latest versions, the ledger's own objects left out).</summary>
    private static List<Held> Received(NodeHome home, string partner)
    {
        using var store = home.OpenStore();
        return store.Query(new ObjectQuery { Limit = 10_000 })
            .Where(o => !ObjectKinds.Protocol.Contains(o.Type) && store.ProvenanceOf(o.Id).Any(p => p.Remote == partner))
            .Select(o => new Held(o.Type, o.Id, o.ToJsonElement())).OrderBy(o => o.Type, StringComparer.Ordinal).ToList();
    }

    private static void Show(CliOutput output, string title, List<Held> held) =>
        output.Table($"{title}: {held.Count} object(s)", ["type", "name", "precision", "markings", "id"], held.Select(h => (IReadOnlyList<string>)
        [
            h.Type, ObjectRows.Label(h.Json), h.Json.TryGetProperty("precision", out var p) ? $"{p.GetDouble() / 1000:0.#} km" : "-",
            h.Json.TryGetProperty("object_marking_refs", out var m) ? $"{m.GetArrayLength()}" : "-", h.Id,
        ]));

    /// <summary>
    /// Whether any id the source node holds as its own appears anywhere in what the receiver stores. Left out: the
    /// source's node identity (public: it signs the checkpoints) and marking definitions (TLP's are the same on every
    /// node; a releasability statement's id is derived from its text).
    /// </summary>
    private static bool Leaks(NodeHome receiver, NodeHome source)
    {
        using var sourceStore = source.OpenStore();
        var identity = source.LoadConfig().IdentityId;
        var own = sourceStore.Query(new ObjectQuery { Limit = 10_000, IncludeRevoked = true })
            .Where(o => o.Id != identity && o.Type is not ("extension-definition" or "marking-definition")
                && !sourceStore.IsReleaseOutput(o.Id) && sourceStore.ProvenanceOf(o.Id).Count == 0)
            .Select(o => o.Id).ToList();
        using var receiverStore = receiver.OpenStore();
        var held = string.Concat(receiverStore.Query(new ObjectQuery { Limit = 10_000, IncludeRevoked = true })
            .Select(o => o.Id + System.Text.Encoding.UTF8.GetString(o.Utf8Json)));
        return own.Count == 0 || own.Any(id => held.Contains(id, StringComparison.Ordinal));
    }

    private static void ShowReconciled(CliOutput output, DemoChecks checks, NodeHome fra, NodeHome rus)
    {
        output.Heading("One incident, several sources: the reconciled view (claims kept side by side)");
        var atFra = Reconcile(fra, fromPartner: null);
        var atRus = Reconcile(rus, fromPartner: "FRA");
        output.Table("At FRA (its own incidents, sources graded)", ["incident", "killed: low / best / high (conservative)", "injured: low / best / high (conservative)"],
            atFra.Select(r => (IReadOnlyList<string>)[r.Name, Estimate(r.Killed), Estimate(r.Injured)]));
        output.Table("At RUS (FRA's incidents as released: sources pseudonymous, so ungraded)", ["incident", "killed: low / best / high (conservative)", "injured: low / best / high (conservative)"],
            atRus.Select(r => (IReadOnlyList<string>)[r.Name, Estimate(r.Killed), Estimate(r.Injured)]));
        var fraSuqaylabiyah = atFra.SingleOrDefault(r => r.Name.Contains("Suqaylabiyah", StringComparison.Ordinal));
        var rusSuqaylabiyah = atRus.SingleOrDefault(r => r.Name.Contains("Suqaylabiyah", StringComparison.Ordinal));
        checks.Expect(fraSuqaylabiyah is { Injured: { Low: 8, Best: 8, High: 25, Disputed: true }, Killed: { Best: 2, Disputed: false } },
            "Suqaylabiyah reconciled: killed 2; injured 8 to 25, best 8, disputed (SANA 8, OSDH 25)");
        checks.Expect(atRus.Count == 4 && rusSuqaylabiyah is { Injured: { Low: 8, High: 25, Disputed: true } },
            "RUS holds the four incidents with every source's claim kept apart: Suqaylabiyah's injured still 8 to 25, disputed");
    }

    private sealed record Reconciled(string Name, FigureEstimate Killed, FigureEstimate Injured);

    private static List<Reconciled> Reconcile(NodeHome home, string? fromPartner)
    {
        using var store = home.OpenStore();
        return store.Query(new ObjectQuery { Types = ["incident"], Limit = 100 })
            .Where(i => fromPartner is null ? store.ProvenanceOf(i.Id).Count == 0 : store.ProvenanceOf(i.Id).Any(p => p.Remote == fromPartner))
            .Select(i =>
            {
                var json = i.ToJsonElement();
                var view = ClaimReconciler.Reconcile(IncidentClaims.Read(json), id => store.Get(id) is { } identity ? IncidentClaims.ReliabilityOf(identity.ToJsonElement()) : null);
                return new Reconciled(ObjectRows.Label(json), view.Killed, view.Injured);
            })
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The carrier group and the fleet worked the same waters: when RUS's notice arrived, FRA's sync checked it against
    /// FRA's plans, recorded the conflict in FRA's ledger, and shows only the overlap and the contact channels.
    /// </summary>
    private static void Deconflict(CliOutput output, DemoChecks checks, NodeHome fra, SyncResult fraReceived, SyncResult rusReceived, List<Held> atRus)
    {
        output.Heading("Deconfliction: the carrier group and the fleet off the Syrian coast");
        var conflicts = fraReceived.Conflicts;
        output.Table($"{conflicts.Count} conflict(s) found as RUS's notices arrived (recorded in FRA's ledger)", ["RUS notice", "FRA notice", "what each side is told"],
            conflicts.Select(c => (IReadOnlyList<string>)[c.Theirs, c.Ours, c.Disclosure.ToJsonString()]));
        checks.Expect(conflicts.Count == 1 && conflicts[0].Ours == CarrierNotice
            && !conflicts[0].Disclosure.ToJsonString().Contains("cruiser", StringComparison.Ordinal) && conflicts[0].Disclosure.ToJsonString().Contains("VHF channel 16", StringComparison.Ordinal),
            "FRA's carrier group conflicts with RUS's fleet station; what is shared is the overlap and the contact channel only");
        checks.Expect(Recorded(fra, conflicts), "the conflict is in FRA's ledger with the hash of exactly what was disclosed");
        checks.Expect(rusReceived.Conflicts.Count == 1 && rusReceived.Conflicts[0].Disclosure["contacts"] is not null,
            "RUS found the same conflict when FRA's notice arrived: both sides are told, each from the other's released volume");
        checks.Expect(atRus.Where(o => o.Type == LiaisonExtensions.ActivityNoticeType).All(o => !o.Json.TryGetProperty("mission", out _) && !o.Json.TryGetProperty("unit", out _) && !o.Json.TryGetProperty("name", out _))
            && atRus.Any(o => o.Type == LiaisonExtensions.ActivityNoticeType), "RUS received FRA's notice as its bounding projection: no mission, unit or name");
    }

    /// <summary>FRA asks RUS about the group the article names; the request goes out with the next sync.</summary>
    private static string Ask(NodeHome fra, CliOutput output)
    {
        using var store = fra.OpenStore();
        var group = store.Query(new ObjectQuery { Types = ["threat-actor"], Text = "Islamic State", Limit = 1 }).Single();
        var rfi = InformationRequests.Create(fra.LoadConfig().IdentityId, store.FindPartner("RUS")!.IdentityId!,
            "Which foreign fighters from France are known in this group's units around Raqqa?", [group.Id],
            new DateTimeOffset(2015, 12, 20, 0, 0, 0, TimeSpan.Zero), "Foreign fighters from France", SystemClock.Instance.UtcNow);
        var stored = RfiCommand.Store(store, rfi, "RUS");
        output.Line($"FRA asks RUS: \"{rfi["question"]}\" ({stored.Id}).");
        return stored.Id.Value;
    }

    /// <summary>RUS answers the request it received, and releases the answer (its agreement releases answers only).</summary>
    private static string? Answer(NodeHome rus, CliOutput output)
    {
        using var store = rus.OpenStore();
        var request = RfiCommand.Requests(store, rus).FirstOrDefault(r => r.Direction == "in");
        if (request is null)
        {
            return null;
        }

        var note = InformationRequests.Answer(request.Id, rus.LoadConfig().IdentityId,
            "Three French speakers are known in the escort units south of Raqqa; details on request under the persons clause.", [], SystemClock.Instance.UtcNow);
        var stored = RfiCommand.Store(store, note, "FRA");
        ReleaseCommand.RunFor(store, rus, store.FindPartner("FRA")!, "demo");
        output.Line($"RUS answers the request ({stored.Id}) and releases the answer.");
        return stored.Id.Value;
    }

    /// <summary>
    /// Foreign fighters: RUS asks whether FRA knows a person — keyed tags of the name and birth year, under a key the
    /// two agreed — and learns match or no match; FRA's record never leaves, and FRA logs the read as RUS's question.
    /// </summary>
    private static async Task MatchPerson(CliOutput output, DemoChecks checks, NodeHome fra, NodeHome rus, CancellationToken cancel)
    {
        output.Heading("Foreign fighters: a privacy-preserving match");
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(Core.Persons.PersonMatchKey.MinimumLength);
        new PartnerSecrets(fra).SetMatchKey("RUS", key);
        new PartnerSecrets(rus).SetMatchKey("FRA", key);
        var known = await PersonMatchCommand.AskAsync(rus, "FRA", ["أبو عمر الفرنسي"], 1991, cancel).ConfigureAwait(false);
        var unknown = await PersonMatchCommand.AskAsync(rus, "FRA", ["أبو عمر الفرنسي"], 1985, cancel).ConfigureAwait(false);
        var chechen = await PersonMatchCommand.AskAsync(fra, "RUS", ["Chamil Bassaïev"], 1989, cancel).ConfigureAwait(false);
        output.Table("Each asks about the other's language sphere (64 keyed tags per question; the answer is one bit)", ["who asks", "question", "answer"],
        [
            ["RUS", "Abou Omar al-Faransi (in Arabic script), born 1991", known.Match ? "match" : "no match"],
            ["RUS", "the same name, born 1985", unknown.Match ? "match" : "no match"],
            ["FRA", "Chamil Bassaïev (French transliteration of Шамиль Басаев), born 1989", chechen.Match ? "match" : "no match"],
        ]);
        using var store = fra.OpenStore();
        checks.Expect(known.Match && !unknown.Match && store.PersonReads().Any(r => r.Reader == "match:RUS"),
            "RUS learns that FRA holds a matching record (and no match for another birth year), nothing more; FRA logs the read as RUS's question");
        checks.Expect(chechen.Match, "FRA learns that RUS holds a record matching a French transliteration of a Cyrillic name");
    }

    private static void ShowRequests(CliOutput output, DemoChecks checks, NodeHome fra, string rfi, string? answer)
    {
        output.Heading("Requests for information");
        using var store = fra.OpenStore();
        var requests = RfiCommand.Requests(store, fra).ToList();
        output.Table(null, ["direction", "partner", "question", "due", "status", "answers"],
            requests.Select(r => (IReadOnlyList<string>)[r.Direction, r.Partner, r.Question, r.Due, r.Status.ToString(), $"{r.Answers.Count}"]));
        checks.Expect(answer is not null && requests.Any(r => r.Id == rfi && r.Direction == "out" && r.Status == RfiStatus.Answered && r.Answers.Count == 1),
            "FRA's request went to RUS under the agreement and came back answered (status: answered)");
    }

    private static bool Recorded(NodeHome fra, IReadOnlyList<ArrivedConflict> conflicts)
    {
        using var store = fra.OpenStore();
        return conflicts.Count > 0 && conflicts.All(c => store.FindLedgerEntries(c.Theirs, "RUS").Any(e => e.Entry.Kind == LedgerEntryKind.DeconflictionConflict
            && e.Entry.ContentHash == Core.Deconfliction.ConflictDisclosure.HashOf(c.Disclosure)));
    }

    private const string StrikeAssessor = "identity--e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a18";

    internal const string CarrierNotice = "x-liaison-activity-notice--d5e6f7a8-9b0c-4d1e-8f2a-3b4c5d6e7f17";

    private static string Estimate(FigureEstimate estimate) =>
        estimate.Best is null ? "-" : $"{estimate.Low} / {estimate.Best} / {estimate.High} ({estimate.Conservative}){(estimate.Disputed ? " disputed" : "")}";

    private static Storage.Ledger.LedgerVerification Verify(NodeHome home)
    {
        using var store = home.OpenStore();
        return store.VerifyLedger(home.LoadConfig().PublicKey);
    }

    private static ExchangeReport Compare(NodeHome home, string partner)
    {
        using var store = home.OpenStore();
        var info = store.FindPartner(partner)!;
        return ExchangeComparison.Compare(store.LedgerEntries(0, int.MaxValue).Select(r => r.Entry), partner, store.PartnerReceipts(partner), info.PublicKey);
    }

    private static string Differences(ExchangeReport report) =>
        report.IsClean ? "none" : $"{report.NotAcknowledged.Count} unacknowledged, {report.NeverReleased.Count} never released, {report.HashMismatches.Count} mismatched";

    private static string Resource(string name)
    {
        using var stream = typeof(DemoExchange).Assembly.GetManifestResourceStream("Liaison.Cli.Demo." + name)
            ?? throw new InvalidOperationException($"the demo resource {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
