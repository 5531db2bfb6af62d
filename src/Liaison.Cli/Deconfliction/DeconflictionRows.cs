using System.Globalization;
using System.Text.Json.Nodes;
using Liaison.Core.Deconfliction;
using Liaison.Core.Geo;
using Liaison.Storage.Deconfliction;

namespace Liaison.Cli.Deconfliction;

/// <summary>How notices, sites and conflicts are shown: table rows for people and JSON for scripts.</summary>
internal static class DeconflictionRows
{
    public static readonly string[] SubjectHeaders = ["id", "whose", "domain", "status", "from", "until", "altitude", "area", "contact / category"];

    public static readonly string[] ConflictHeaders = ["notice", "conflicts with", "whose", "distance", "overlap box", "overlap altitude", "overlap window", "contacts"];

    public static IReadOnlyList<string> SubjectRow(DeconflictionSubject s, DeconflictionState? state) =>
    [
        s.Id, Whose(s, state), s.Domain?.ToString().ToLowerInvariant() ?? "-", s.Status.ToString().ToLowerInvariant(),
        TimeWindow.Show(s.Volume.Window.StartUs), TimeWindow.Show(s.Volume.Window.EndUs),
        s.Kind == SubjectKind.ProtectedSite ? "all" : s.Volume.Band.ToString(),
        $"{s.Volume.Area.Shape.ToString().ToLowerInvariant()} {Box(s.Volume.Area.Bounds)}",
        s.Contact?.ToString() ?? s.Label ?? "",
    ];

    public static JsonObject SubjectJson(DeconflictionSubject s, DeconflictionState? state) => new()
    {
        ["id"] = s.Id,
        ["whose"] = Whose(s, state),
        ["name"] = s.Kind == SubjectKind.ProtectedSite ? null : s.Label,
        ["category"] = s.Kind == SubjectKind.ProtectedSite ? s.Label : null,
        ["domain"] = s.Domain?.ToString().ToLowerInvariant(),
        ["status"] = s.Status.ToString().ToLowerInvariant(),
        ["start_time"] = TimeWindow.Show(s.Volume.Window.StartUs),
        ["end_time"] = TimeWindow.Show(s.Volume.Window.EndUs),
        ["altitude_band"] = new JsonObject { ["lower_m"] = s.Volume.Band.FloorM, ["upper_m"] = s.Volume.Band.CeilingM },
        ["area"] = s.Volume.Area.Shape.ToString().ToLowerInvariant(),
        ["bbox"] = BoxJson(s.Volume.Area.Bounds),
        ["contact"] = s.Contact is null ? null : ConflictDisclosure.ContactJson(s.Contact),
    };

    public static IReadOnlyList<string> ConflictRow(Conflict c, DeconflictionState state) =>
    [
        c.Subject.Label ?? c.Subject.Id, c.Other.Label is { } label ? $"{label} ({c.Other.Id})" : c.Other.Id, Whose(c.Other, state),
        c.LateralDistanceM == 0 ? "overlap" : string.Create(CultureInfo.InvariantCulture, $"{c.LateralDistanceM / 1000:0.###} km"),
        Box(c.Overlap.Region), c.Overlap.Band.ToString(), c.Overlap.Window.ToString(),
        string.Join("; ", c.Disclosure.Contacts),
    ];

    public static JsonObject ConflictJson(Conflict c, DeconflictionState state) => new()
    {
        ["subject_id"] = c.Subject.Id,
        ["other_id"] = c.Other.Id,
        ["other_whose"] = Whose(c.Other, state),
        ["lateral_distance_m"] = Math.Round(c.LateralDistanceM, 3),
        ["minima"] = new JsonObject
        {
            ["lateral_m"] = c.Minima.LateralM,
            ["vertical_m"] = c.Minima.VerticalM,
            ["time_buffer_minutes"] = c.Minima.TimeBuffer.TotalMinutes,
        },
        ["report"] = c.Disclosure.ToJson(),
    };

    public static readonly string[] ReportChangeHeaders = ["report", "partner", "about their notice", "change"];

    public static readonly string[] ReceivedHeaders = ["partner", "about our notice", "overlap box", "overlap altitude", "overlap window", "contacts", "protected site"];

    public static IReadOnlyList<string> ReportChangeRow(ConflictReportChange r) => [r.ReportId, r.Partner, r.Theirs, Text(r.Kind)];

    public static JsonObject ReportChangeJson(ConflictReportChange r) => new()
    {
        ["report"] = r.ReportId, ["partner"] = r.Partner, ["theirs"] = r.Theirs, ["change"] = Text(r.Kind),
    };

    public static IReadOnlyList<string> ReceivedRow(ReceivedConflictReport r)
    {
        var overlap = r.Disclosure["overlap"]!;
        var box = overlap["bbox"]!.AsArray();
        var band = overlap["altitude_band"]!;
        return
        [
            r.Partner, r.OurNotice ?? $"{r.Notice} (unknown here)",
            string.Join(",", box.Select(v => v!.ToJsonString())), $"{band["lower_m"]!.ToJsonString()} to {band["upper_m"]!.ToJsonString()} m",
            $"[{overlap["start_time"]}, {overlap["end_time"]})",
            string.Join("; ", r.Disclosure["contacts"]!.AsArray().Select(c => $"{c!["channel"]} {c["address"]}{(c["name"] is { } name ? $" ({name})" : "")}")),
            r.Disclosure["protected_category"]?.GetValue<string>() ?? "-",
        ];
    }

    public static JsonObject ReceivedJson(ReceivedConflictReport r) => new()
    {
        ["partner"] = r.Partner,
        ["report_id"] = r.ReportId,
        ["notice_ref"] = r.Notice,
        ["our_notice"] = r.OurNotice,
        ["report"] = r.Disclosure.DeepClone(),
    };

    /// <summary>"ours", "partner NAME" or "protected site".</summary>
    public static string Whose(DeconflictionSubject s, DeconflictionState? state) => s.Kind switch
    {
        SubjectKind.ProtectedSite => "protected site",
        SubjectKind.PartnerNotice => $"partner {state?.RemoteOf(s.Id) ?? "?"}",
        _ => "ours",
    };

    private static string Text(ConflictReportChangeKind kind) => kind.ToString().ToLowerInvariant();

    private static string Box(GeoBox box) => string.Create(CultureInfo.InvariantCulture, $"{box.MinLongitude:0.####},{box.MinLatitude:0.####},{box.MaxLongitude:0.####},{box.MaxLatitude:0.####}");

    private static JsonArray BoxJson(GeoBox box) => new(box.MinLongitude, box.MinLatitude, box.MaxLongitude, box.MaxLatitude);
}
