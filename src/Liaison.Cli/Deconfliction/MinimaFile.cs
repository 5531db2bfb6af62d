using System.Text.Json;
using Liaison.Core.Deconfliction;

namespace Liaison.Cli.Deconfliction;

/// <summary>
/// The node's separation minima: <c>deconfliction.json</c> in the node's home, when present, overrides the defaults per
/// domain and per value, e.g. <c>{"minima": {"air": {"lateral_m": 9260, "vertical_m": 300, "time_buffer_minutes": 15}}}</c>.
/// </summary>
internal static class MinimaFile
{
    public const string FileName = "deconfliction.json";

    public static DeconflictionRules Load(string homeDirectory)
    {
        var path = Path.Combine(homeDirectory, FileName);
        var rules = DeconflictionRules.Default;
        if (!File.Exists(path))
        {
            return rules;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!document.RootElement.TryGetProperty("minima", out var minima) || minima.ValueKind != JsonValueKind.Object)
            {
                throw Bad("must hold an object 'minima' with 'air', 'sea' and/or 'land'");
            }

            foreach (var domain in minima.EnumerateObject())
            {
                rules = domain.Name switch
                {
                    "air" => rules with { Air = Read(domain.Value, rules.Air, "air") },
                    "sea" => rules with { Sea = Read(domain.Value, rules.Sea, "sea") },
                    "land" => rules with { Land = Read(domain.Value, rules.Land, "land") },
                    _ => throw Bad($"minima.{domain.Name}: unknown domain (expected air, sea or land)"),
                };
            }

            return rules;
        }
        catch (JsonException ex)
        {
            throw Bad($"is not valid JSON: {ex.Message}");
        }
    }

    private static SeparationMinima Read(JsonElement values, SeparationMinima defaults, string domain)
    {
        double Value(string name, double fallback, double max)
        {
            if (!values.TryGetProperty(name, out var value))
            {
                return fallback;
            }

            return value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number && number >= 0 && number <= max
                ? number
                : throw Bad($"minima.{domain}.{name} must be a number within [0, {max}], not {value.GetRawText()}");
        }

        foreach (var property in values.EnumerateObject())
        {
            if (property.Name is not ("lateral_m" or "vertical_m" or "time_buffer_minutes"))
            {
                throw Bad($"minima.{domain}.{property.Name}: unknown (expected lateral_m, vertical_m, time_buffer_minutes)");
            }
        }

        return new SeparationMinima(
            Value("lateral_m", defaults.LateralM, Area.MaxBufferM),
            Value("vertical_m", defaults.VerticalM, AltitudeBand.HighestM),
            TimeSpan.FromMinutes(Value("time_buffer_minutes", defaults.TimeBuffer.TotalMinutes, 525_600)));
    }

    private static CliException Bad(string message) => new(ExitCodes.NodeError, $"{FileName} {message}");
}
