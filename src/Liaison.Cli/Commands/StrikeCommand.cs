using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison strike add</c>: a strike assessment ("le bilan de nos frappes") and the location struck, validated and stored together.</summary>
internal static class StrikeCommand
{
    private static readonly string[] Effects = ["destroyed", "damaged", "no-effect", "unknown"];
    private static readonly string[] Harms = ["none-observed", "possible", "confirmed"];

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var time = new Option<string>("--time") { Description = "When the strike happened (RFC 3339 UTC).", Required = true };
        var lat = new Option<double>("--lat") { Description = "Latitude of the point struck (WGS 84).", Required = true };
        var lon = new Option<double>("--lon") { Description = "Longitude of the point struck (WGS 84).", Required = true };
        var category = new Option<string>("--target-category") { Description = "What was struck: oil-transport, command-post, logistics, vehicle, infrastructure, personnel, other…", Required = true };
        var effect = new Option<string>("--effect") { Description = "Effect achieved: destroyed, damaged, no-effect or unknown.", Required = true };
        var harm = new Option<string>("--civilian-harm") { Description = "Civilian harm: none-observed, possible or confirmed.", Required = true };
        var killed = new Option<int?>("--civilians-killed") { Description = "Civilians assessed killed." };
        var injured = new Option<int?>("--civilians-injured") { Description = "Civilians assessed injured." };
        var assessor = new Option<string>("--assessor") { Description = "The identity id of the unit, cell or person that assessed the strike.", Required = true };
        var confidence = new Option<int>("--confidence") { Description = "STIX confidence, 0-100 (Admiralty credibility 1-5 is 90, 70, 50, 30, 10).", Required = true };
        var platform = new Option<string?>("--platform") { Description = "The weapon platform (sensitive: usually redacted on release)." };
        var munition = new Option<string?>("--munition") { Description = "The munition used (sensitive: usually redacted on release)." };
        var name = new Option<string?>("--name") { Description = "A short name for display." };
        var add = new Command("add", "Record the assessed result of a strike, with the location struck.")
        {
            time, lat, lon, category, effect, harm, killed, injured, assessor, confidence, platform, munition, name,
        };
        add.SetAction(parse =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var strikeTime = IncidentClaimAdd.Instant("--time", parse.GetValue(time)!);
            var (latitude, longitude) = (parse.GetValue(lat), parse.GetValue(lon));
            if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || double.IsNaN(latitude) || double.IsNaN(longitude))
            {
                throw new CliException(ExitCodes.Usage, $"--lat must be within [-90, 90] and --lon within [-180, 180], not {latitude}, {longitude}");
            }

            var chosenEffect = OneOf("--effect", parse.GetValue(effect)!, Effects);
            var chosenHarm = OneOf("--civilian-harm", parse.GetValue(harm)!, Harms);
            var chosenConfidence = parse.GetValue(confidence) is var c and >= 0 and <= 100 ? c : throw new CliException(ExitCodes.Usage, $"--confidence must be 0 to 100, not {parse.GetValue(confidence)}");
            var assessorId = IncidentClaimAdd.Id("--assessor", parse.GetValue(assessor)!, "identity");

            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var node = home.LoadConfig();
            using var store = home.OpenStore();
            var now = StixTimestamp.FromDateTimeOffset(SystemClock.Instance.UtcNow).Text;
            var location = new JsonObject
            {
                ["type"] = "location", ["spec_version"] = "2.1", ["id"] = StixId.NewRandom("location").Value,
                ["created"] = now, ["modified"] = now, ["created_by_ref"] = node.IdentityId,
                ["latitude"] = latitude, ["longitude"] = longitude,
            };
            var civilianHarm = new JsonObject { ["assessment"] = chosenHarm };
            AddCount(civilianHarm, "killed", parse.GetValue(killed));
            AddCount(civilianHarm, "injured", parse.GetValue(injured));
            var strike = new JsonObject
            {
                ["type"] = LiaisonExtensions.StrikeAssessmentType, ["spec_version"] = "2.1", ["id"] = StixId.NewRandom(LiaisonExtensions.StrikeAssessmentType).Value,
                ["created"] = now, ["modified"] = now, ["created_by_ref"] = node.IdentityId, ["confidence"] = chosenConfidence,
                ["strike_time"] = strikeTime.Text, ["location_ref"] = location["id"]!.DeepClone(),
                ["target_category"] = parse.GetValue(category), ["assessed_effect"] = chosenEffect, ["civilian_harm"] = civilianHarm,
                ["assessor_ref"] = assessorId,
                ["extensions"] = new JsonObject { [LiaisonExtensions.StrikeAssessmentId] = new JsonObject { ["extension_type"] = "new-sdo" } },
            };
            foreach (var (property, value) in (ReadOnlySpan<(string, string?)>)[("name", parse.GetValue(name)), ("platform", parse.GetValue(platform)), ("munition", parse.GetValue(munition))])
            {
                if (value is not null)
                {
                    strike[property] = value;
                }
            }

            NewObjectWriter.Store(store, location, strike);
            output.Success($"Strike assessment stored: {strike["id"]} at {location["id"]}");
            output.Result(new JsonObject { ["id"] = strike["id"]!.DeepClone(), ["location_id"] = location["id"]!.DeepClone(), ["object"] = strike.DeepClone() });
            return ExitCodes.Ok;
        });
        var command = new Command("strike", "Strike assessments.");
        command.Subcommands.Add(add);
        return command;
    }

    private static string OneOf(string option, string value, string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal) ? value : throw new CliException(ExitCodes.Usage, $"{option} must be one of {string.Join(", ", allowed)}, not '{value}'");

    private static void AddCount(JsonObject harm, string name, int? count)
    {
        if (count is { } n)
        {
            harm[name] = n >= 0 ? n : throw new CliException(ExitCodes.Usage, $"--civilians-{name} must be 0 or more, not {n.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
