using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Storage;
using Liaison.Storage.Sqlite;

namespace Liaison.Cli.Commands;

/// <summary>Stores objects a command made (a strike assessment and its location, a new incident version): all valid and stored in one transaction, or none.</summary>
internal static class NewObjectWriter
{
    private static readonly StixValidator Validator = new(LiaisonExtensions.Instance);

    /// <summary>Validates and stores <paramref name="objects"/> together; an invalid or refused one stores nothing and exits 1 with its reasons.</summary>
    public static void Store(SqliteStixStore store, params JsonObject[] objects)
    {
        var validated = objects.Select(json => Validator.Validate(JsonSerializer.SerializeToElement(json))).ToList();
        var errors = validated.SelectMany(v => v.Errors).Select(e => e.ToString()).ToList();
        if (errors.Count > 0)
        {
            throw new CliException(ExitCodes.Rejected, "nothing stored: " + string.Join("; ", errors));
        }

        using var batch = store.BeginBatch();
        foreach (var result in validated)
        {
            var outcome = batch.Add(result.Object!);
            if (outcome.Outcome == WriteOutcome.Refused)
            {
                throw new CliException(ExitCodes.Rejected, $"nothing stored: {outcome.Reason}");
            }
        }

        batch.Commit();
    }
}
