using System.Text.Json.Nodes;
using Liaison.Storage.Release;

namespace Liaison.Cli.Output;

/// <summary>How a release run (or its preview) is shown: one line per object that goes, waits, queues or fails.</summary>
internal static class ReleaseReport
{
    /// <summary>Shows the report as tables and returns its JSON form (the caller writes it, alone or inside a larger result).</summary>
    public static JsonObject Write(CliOutput output, ReleaseRunReport report, bool preview)
    {
        var verb = preview ? "would" : "did";
        var shown = report.Items.Where(i => i.Action != ReleaseAction.Deny).ToList();
        output.Table($"Release to {report.Partner} under agreement v{report.AgreementVersion} ({verb}: {Summary(report)})",
            ["object", "action", "clause", "change", "released as", "why"],
            shown.Select(i => (IReadOnlyList<string>)[i.SourceId, Action(i.Action), i.Clause ?? "-", i.Change ?? "-", i.Action is ReleaseAction.Release or ReleaseAction.Withdraw ? i.ReleasedId : "-", i.Reason]));
        var denied = report.Items.Where(i => i.Action == ReleaseAction.Deny).GroupBy(i => i.Reason).Select(g => (IReadOnlyList<string>)[$"{g.Count()}", g.Key]).ToList();
        if (denied.Count > 0)
        {
            output.Table("Not released (default deny)", ["objects", "why"], denied);
        }

        return new JsonObject
        {
            ["partner"] = report.Partner,
            ["agreement_version"] = report.AgreementVersion,
            ["preview"] = preview,
            ["scanned"] = report.Scanned,
            ["counts"] = new JsonObject
            {
                ["release"] = report.Count(ReleaseAction.Release), ["withdraw"] = report.Count(ReleaseAction.Withdraw),
                ["queue"] = report.Count(ReleaseAction.Queue), ["wait"] = report.Count(ReleaseAction.Wait),
                ["fail"] = report.Count(ReleaseAction.Fail), ["deny"] = report.Count(ReleaseAction.Deny),
            },
            ["items"] = new JsonArray(report.Items.Select(i => (JsonNode)new JsonObject
            {
                ["source_id"] = i.SourceId,
                ["type"] = i.Type,
                ["action"] = Action(i.Action),
                ["clause"] = i.Clause,
                ["reason"] = i.Reason,
                ["change"] = i.Change,
                ["released_id"] = i.Action is ReleaseAction.Release or ReleaseAction.Withdraw ? i.ReleasedId : null,
                ["released"] = i.Released?.DeepClone(),
                ["companions"] = i.Companions.Count == 0 ? null : new JsonArray(i.Companions.Select(c => (JsonNode)c.DeepClone()).ToArray()),
            }).ToArray()),
        };
    }

    public static string Summary(ReleaseRunReport report) =>
        $"{report.Count(ReleaseAction.Release)} released, {report.Count(ReleaseAction.Withdraw)} withdrawn, {report.Count(ReleaseAction.Queue)} queued, " +
        $"{report.Count(ReleaseAction.Wait)} waiting, {report.Count(ReleaseAction.Fail)} failed, {report.Count(ReleaseAction.Deny)} not allowed";

    public static string Action(ReleaseAction action) => action switch
    {
        ReleaseAction.Release => "release",
        ReleaseAction.Withdraw => "withdraw",
        ReleaseAction.Queue => "queue",
        ReleaseAction.Wait => "wait",
        ReleaseAction.Fail => "fail",
        _ => "deny",
    };
}
