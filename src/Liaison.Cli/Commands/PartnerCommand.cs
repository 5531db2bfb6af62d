using System.CommandLine;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Storage.Partners;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison partner add|list|show|accept-key</c>: the nodes we exchange with, and their pinned keys.</summary>
internal static class PartnerCommand
{
    private const string StoreNow = "Give these to the partner over a trusted channel now: they are not shown again.";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("partner", "Partner nodes: their collections, credentials and pinned keys.");
        command.Subcommands.Add(Add(globals, environment));
        command.Subcommands.Add(List(globals, environment));
        command.Subcommands.Add(Show(globals, environment));
        command.Subcommands.Add(AcceptKey(globals, environment));
        command.Subcommands.Add(PersonMatchCommand.MatchKey(globals, environment));
        return command;
    }

    private static Command Add(GlobalOptions globals, CliEnvironment environment)
    {
        var code = new Argument<string>("CODE") { Description = "The partner's upper-case 3-letter country or 4-letter organisation code, e.g. RUS." };
        var url = new Option<string>("--url") { Description = "The partner node's TAXII discovery URL.", Required = true };
        var key = new Option<string>("--public-key") { Description = "The partner's Ed25519 public key (base64), as its 'liaison identity show' prints it.", Required = true };
        var user = new Option<string?>("--user") { Description = "Our user name on the partner's node (HTTP Basic; password with --password-stdin)." };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read our password on the partner's node from standard input." };
        var tokenStdin = new Option<bool>("--token-stdin") { Description = "Read our bearer token on the partner's node from standard input." };
        var identity = new Option<string?>("--identity") { Description = "The partner node's STIX identity id, as its 'liaison identity show' prints it (needed to address it requests for information)." };
        var actor = OperatorOption.Create();
        var command = new Command("add", "Add a partner: its principal here (credentials printed once), its outbound and inbound collections, its pinned key.")
        {
            code, url, key, identity, user, passwordStdin, tokenStdin, actor,
        };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var partnerCode = parse.GetValue(code)!;
            var discovery = parse.GetValue(url)!;
            if (!Uri.TryCreate(discovery, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new CliException(ExitCodes.Usage, $"--url '{discovery}' is not an http:// or https:// URL");
            }

            var basic = parse.GetValue(user) is not null;
            var token = parse.GetValue(tokenStdin);
            if ((basic && !parse.GetValue(passwordStdin)) || (!basic && parse.GetValue(passwordStdin)) || (basic && token))
            {
                throw new CliException(ExitCodes.Usage, "for our credentials on the partner's node give either --user U --password-stdin, or --token-stdin (or neither, and 'liaison remote add' later)");
            }

            var secret = basic || token ? AdminSupport.ReadSecretLine(environment) : null;
            using var store = home.OpenStore();
            var (partner, credentials) = AdminSupport.Refusable(() =>
            {
                try
                {
                    return store.AddPartner(partnerCode, uri.AbsoluteUri, parse.GetValue(key)!.Trim(), OperatorOption.Resolve(parse.GetValue(actor), environment), parse.GetValue(identity)?.Trim());
                }
                catch (ArgumentException ex)
                {
                    throw new CliException(ExitCodes.Usage, ex.Message);
                }
            });
            new PartnerSecrets(home).For(partner.Code);
            if (secret is not null)
            {
                new RemoteRegistry(home).Save(partner.Code, new RemoteEntry { DiscoveryUrl = uri.AbsoluteUri, User = parse.GetValue(user), Secret = secret });
            }

            output.Success($"Partner {partner.Code} added; its key is pinned");
            output.Table($"Partner {partner.Code}", ["field", "value"],
            [
                ["outbound collection (it reads)", partner.OutboundCollection.ToString()],
                ["inbound collection (it writes)", partner.InboundCollection.ToString()],
                ["its principal here", credentials.Principal],
                ["its password here", credentials.Password!],
                ["its bearer token here", credentials.BearerToken],
            ]);
            output.Line(StoreNow);
            if (secret is null)
            {
                output.Line($"To sync, add our credentials on its node: liaison remote add {partner.Code} --url {uri.AbsoluteUri} --token-stdin");
            }

            output.Result(new JsonObject
            {
                ["code"] = partner.Code,
                ["outbound_collection"] = partner.OutboundCollection.ToString(),
                ["inbound_collection"] = partner.InboundCollection.ToString(),
                ["principal"] = credentials.Principal,
                ["password"] = credentials.Password,
                ["bearer_token"] = credentials.BearerToken,
                ["note"] = StoreNow,
            });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List(GlobalOptions globals, CliEnvironment environment)
    {
        var command = new Command("list", "List the partners.");
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var partners = store.Partners();
            output.Table($"{partners.Count} partner(s)", ["code", "url", "agreement", "released", "pending"], partners.Select(p => (IReadOnlyList<string>)
            [
                p.Code, p.DiscoveryUrl, store.FindAgreement(p.Code) is { } a ? $"v{a.Version}" : "none",
                $"{store.ReleasedSources(p.Code).Count}", $"{store.ReleasesInState(ReleaseState.Pending, p.Code).Count}",
            ]));
            output.Result(new JsonObject { ["partners"] = new JsonArray(partners.Select(p => (JsonNode)Json(p, store.FindAgreement(p.Code)?.Version)).ToArray()) });
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Show(GlobalOptions globals, CliEnvironment environment)
    {
        var code = new Argument<string>("CODE");
        var command = new Command("show", "Show a partner: collections, principal, pinned keys, agreement, releases.") { code };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var partner = Find(store, parse.GetValue(code)!);
            var agreement = store.FindAgreement(partner.Code);
            var keys = store.PartnerKeys(partner.Code);
            output.Table($"Partner {partner.Code}", ["field", "value"],
            [
                ["discovery URL", partner.DiscoveryUrl],
                ["principal here", partner.Principal],
                ["outbound collection", partner.OutboundCollection.ToString()],
                ["inbound collection", partner.InboundCollection.ToString()],
                ["pinned key", partner.PublicKey],
                ["its identity", partner.IdentityId ?? "unknown (partner add --identity)"],
                ["agreement", agreement is null ? "none (nothing is released)" : $"version {agreement.Version}, applied {ObjectRows.Microseconds(agreement.AppliedAtMicroseconds)} by {agreement.AppliedBy}"],
                ["released objects", $"{store.ReleasedSources(partner.Code).Count}"],
                ["awaiting approval", $"{store.ReleasesInState(ReleaseState.Pending, partner.Code).Count}"],
                ["waiting", $"{store.WaitingReleases(partner.Code).Count}"],
                ["quarantined", $"{store.Quarantine(partner.Code).Count}"],
            ]);
            output.Table("Pinned keys", ["accepted", "by", "key"], keys.Select(k => (IReadOnlyList<string>)[ObjectRows.Microseconds(k.AcceptedAtMicroseconds), k.AcceptedBy, k.PublicKey]));
            var json = Json(partner, agreement?.Version);
            json["keys"] = new JsonArray(keys.Select(k => (JsonNode)new JsonObject { ["accepted"] = ObjectRows.Microseconds(k.AcceptedAtMicroseconds), ["by"] = k.AcceptedBy, ["public_key"] = k.PublicKey }).ToArray());
            output.Result(json);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command AcceptKey(GlobalOptions globals, CliEnvironment environment)
    {
        var code = new Argument<string>("CODE");
        var key = new Option<string>("--public-key") { Description = "The partner's new Ed25519 public key (base64).", Required = true };
        var announcement = new Option<string?>("--announcement") { Description = "The partner's rotation announcement (from its 'identity rotate'): checked against the key pinned so far before the new one is pinned." };
        var actor = OperatorOption.Create();
        var command = new Command("accept-key", "Pin a partner's new key (an explicit decision, recorded with who made it; verified when its announcement is given).") { code, key, announcement, actor };
        command.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            using var store = NodeHome.Resolve(parse.GetValue(globals.Home), environment).OpenStore();
            var partner = Find(store, parse.GetValue(code)!);
            if (parse.GetValue(announcement) is { } given
                && KeyRotationCommand.AnnouncementProblem(given, partner.PublicKey, parse.GetValue(key)!.Trim(), partner.IdentityId) is { } problem)
            {
                throw new CliException(ExitCodes.Rejected, $"{partner.Code}'s new key is not accepted: {problem}");
            }

            bool changed;
            try
            {
                changed = AdminSupport.Refusable(() => store.AcceptPartnerKey(partner.Code, parse.GetValue(key)!.Trim(), OperatorOption.Resolve(parse.GetValue(actor), environment)));
            }
            catch (ArgumentException ex)
            {
                throw new CliException(ExitCodes.Usage, ex.Message);
            }

            output.Success(changed ? $"New key of {partner.Code} pinned; the previous ones stay in its history" : $"That key is already the pinned key of {partner.Code}");
            output.Result(new JsonObject { ["code"] = partner.Code, ["changed"] = changed });
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static PartnerInfo Find(Storage.Sqlite.SqliteStixStore store, string code) =>
        store.FindPartner(code) ?? store.FindPartner(code.ToUpperInvariant())
        ?? throw new CliException(ExitCodes.Rejected, $"no partner '{code}': see 'liaison partner list', or add it with 'liaison partner add'");

    private static JsonObject Json(PartnerInfo partner, int? agreementVersion) => new()
    {
        ["code"] = partner.Code,
        ["url"] = partner.DiscoveryUrl,
        ["principal"] = partner.Principal,
        ["outbound_collection"] = partner.OutboundCollection.ToString(),
        ["inbound_collection"] = partner.InboundCollection.ToString(),
        ["public_key"] = partner.PublicKey,
        ["identity_id"] = partner.IdentityId,
        ["agreement_version"] = agreementVersion,
    };
}
