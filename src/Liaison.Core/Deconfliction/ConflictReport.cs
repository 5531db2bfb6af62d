using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Ledger;
using Liaison.Core.Stix;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// The <c>x-liaison-conflict-report</c> object that tells a partner one of its notices conflicts with one of our
/// notices or protected sites: the partner's notice by the id it released it under, and the
/// <see cref="ConflictDisclosure"/> — overlap, contacts, protected category — nothing else. Its id derives from the
/// pair (our subject, their notice), so the same conflict is always the same object: a changed overlap is a new
/// version, a conflict that is gone a revoked one. Pure and thread safe.
/// </summary>
public static class ConflictReport
{
    /// <summary>The properties that carry the disclosure, in the order the report writes them.</summary>
    private static readonly string[] DisclosureProperties = ["overlap", "contacts", "protected_category"];

    /// <summary>
    /// The id of the report about <paramref name="ours"/> meeting <paramref name="theirs"/>: <c>x-liaison-conflict-report--</c>
    /// and a UUID from SHA-256 of the pair and the generation (version nibble 5, RFC 4122 variant). It stays on our
    /// node: the partner receives the release pipeline's keyed id for it, from which neither id of the pair can be
    /// recovered.
    /// </summary>
    /// <param name="ours">Our notice or protected site.</param>
    /// <param name="theirs">The partner's notice, as the partner released it.</param>
    /// <param name="generation">
    /// 0, or one more than the last report of the pair that was revoked: a revoked STIX object takes no further
    /// version, so a conflict that comes back after it was gone is a report of its own.
    /// </param>
    public static string IdFor(string ours, string theirs, int generation = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(ours);
        ArgumentException.ThrowIfNullOrEmpty(theirs);
        ArgumentOutOfRangeException.ThrowIfNegative(generation);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"conflict-report\0{ours}\0{theirs}\0{generation}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return $"{LiaisonExtensions.ConflictReportType}--{new Guid(hash.AsSpan(0, 16), bigEndian: true):D}";
    }

    /// <summary>
    /// The first version of the report of <paramref name="conflict"/>, found when the partner's notice was checked
    /// (<see cref="Conflict.Subject"/> is the partner's notice, <see cref="Conflict.Other"/> our notice or site).
    /// </summary>
    /// <param name="conflict">The conflict, as <see cref="DeconflictionIndex.Check"/> returned it for the partner's notice.</param>
    /// <param name="reporter">Our node's identity id (public between partners): <c>created_by_ref</c>.</param>
    /// <param name="now">The version's time.</param>
    /// <param name="generation">See <see cref="IdFor"/>.</param>
    /// <exception cref="ArgumentException">The conflict's subject is not a partner's notice, or its other side is one.</exception>
    public static JsonObject Create(Conflict conflict, string reporter, DateTimeOffset now, int generation = 0)
    {
        ArgumentNullException.ThrowIfNull(conflict);
        ArgumentException.ThrowIfNullOrEmpty(reporter);
        Preconditions.CheckArgument(conflict.Subject.Kind == SubjectKind.PartnerNotice && conflict.Other.Kind != SubjectKind.PartnerNotice,
            "a conflict report is about a partner's notice meeting one of our notices or sites");
        var time = StixTimestamp.FromDateTimeOffset(now).Text;
        var report = new JsonObject
        {
            ["type"] = LiaisonExtensions.ConflictReportType,
            ["spec_version"] = "2.1",
            ["id"] = IdFor(conflict.Other.Id, conflict.Subject.Id, generation),
            ["created_by_ref"] = reporter,
            ["created"] = time,
            ["modified"] = time,
            ["notice_ref"] = conflict.Subject.Id,
        };
        foreach (var (name, value) in conflict.Disclosure.ToJson())
        {
            report[name] = value?.DeepClone();
        }

        report["extensions"] = new JsonObject { [LiaisonExtensions.ConflictReportId] = new JsonObject { ["extension_type"] = "new-sdo" } };
        return report;
    }

    /// <summary>The next version of <paramref name="current"/> telling <paramref name="disclosure"/> instead (the overlap or a contact changed).</summary>
    public static JsonObject Revise(JsonElement current, JsonObject disclosure, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        var next = NextVersion(current, now);
        foreach (var name in DisclosureProperties)
        {
            next.Remove(name);
        }

        next.Remove("extensions");
        foreach (var (name, value) in disclosure)
        {
            next[name] = value?.DeepClone();
        }

        next["extensions"] = current.TryGetProperty("extensions", out var extensions) ? JsonNode.Parse(extensions.GetRawText()) : null;
        return next;
    }

    /// <summary>The next version of <paramref name="current"/>, revoked: the conflict is gone (a notice cancelled, moved or withdrawn).</summary>
    public static JsonObject Revoke(JsonElement current, DateTimeOffset now)
    {
        var next = NextVersion(current, now);
        next["revoked"] = true;
        return next;
    }

    /// <summary>The partner's notice a report names (<c>notice_ref</c>), or null when it names none.</summary>
    public static string? NoticeOf(JsonElement report) =>
        report.ValueKind == JsonValueKind.Object && report.TryGetProperty("notice_ref", out var notice) && notice.ValueKind == JsonValueKind.String
            ? notice.GetString()
            : null;

    /// <summary>What a report discloses, in the form <see cref="ConflictDisclosure.ToJson"/> writes: what both ledgers hash.</summary>
    public static JsonObject DisclosureOf(JsonElement report)
    {
        var disclosure = new JsonObject();
        foreach (var name in DisclosureProperties)
        {
            if (report.ValueKind == JsonValueKind.Object && report.TryGetProperty(name, out var value))
            {
                disclosure[name] = JsonNode.Parse(value.GetRawText());
            }
        }

        return disclosure;
    }

    /// <summary>
    /// What our ledger records of a report received from <paramref name="partner"/>: a <c>deconfliction-report</c> entry
    /// naming the report's version, with the notice it names (or that it was withdrawn) and the SHA-256 of its
    /// disclosure — the hash the partner's own <c>deconfliction-conflict</c> entry holds for the same conflict.
    /// </summary>
    /// <param name="partner">The partner that sent it.</param>
    /// <param name="report">The report version received (valid).</param>
    /// <param name="version">Its <c>modified</c> in Unix microseconds.</param>
    /// <param name="timeUs">When it was received, in Unix microseconds.</param>
    public static LedgerEntry ReceivedEntry(string partner, JsonElement report, long? version, long timeUs)
    {
        var id = report.GetProperty("id").GetString()!;
        var notice = NoticeOf(report) ?? throw new ArgumentException("a conflict report names the notice it is about", nameof(report));
        var revoked = report.TryGetProperty("revoked", out var r) && r.ValueKind == JsonValueKind.True;
        return new LedgerEntry(LedgerEntryKind.DeconflictionReport, timeUs, partner, id, version,
            revoked ? $"withdrawn: about {notice}" : $"about {notice}", ConflictDisclosure.HashOf(DisclosureOf(report)));
    }

    private static JsonObject NextVersion(JsonElement current, DateTimeOffset now)
    {
        Preconditions.CheckArgument(current.ValueKind == JsonValueKind.Object && current.TryGetProperty("modified", out _), "a conflict report version has 'modified'");
        var next = JsonNode.Parse(current.GetRawText())!.AsObject();
        var previous = StixTimestamp.Parse(current.GetProperty("modified").GetString()!);
        next["modified"] = StixTimestamp.VersionAfter(previous, StixTimestamp.FromDateTimeOffset(now)).Text;
        return next;
    }
}
