using Liaison.Core.Agreements;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;
using Liaison.Storage.Sqlite;

namespace Liaison.Server.Sync;

/// <summary>
/// What a partner may put in our store: the kinds our agreement accepts from it, never a version of an object that is
/// ours (or another partner's), and conflict reports only about notices we released to it. Anything else goes to
/// quarantine with the reason.
/// </summary>
/// <param name="partner">The partner's code; its pulls are recorded under this remote name.</param>
/// <param name="rules">The inbound rules of the agreement in force.</param>
public sealed class InboundGate(string partner, InboundRules rules)
{
    /// <summary>The partner's code.</summary>
    public string Partner { get; } = partner;

    /// <summary>Why <paramref name="stixObject"/> is not accepted from the partner, or null when it is.</summary>
    public string? Refusal(SqliteStixStore store, StixObject stixObject)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(stixObject);
        if (rules.RejectionReason(stixObject.Json) is { } reason)
        {
            return reason;
        }

        if (stixObject.Type == LiaisonExtensions.ConflictReportType && ConflictReport.NoticeOf(stixObject.Json) is { } notice
            && store.ReleasedSourceOf(Partner, notice) is null)
        {
            // A report ties a conflict to one of our notices; one that names none we gave this partner ties it to nothing.
            return $"conflict report about {notice}, which is no notice we released to {Partner}";
        }

        var id = stixObject.Id.Value;
        if (store.Contains(id) && !store.ProvenanceOf(id).Any(p => string.Equals(p.Remote, Partner, StringComparison.OrdinalIgnoreCase)))
        {
            return $"{id} is an object of ours (or another source's): a partner never overwrites it";
        }

        return null;
    }

    /// <summary>The objects among <paramref name="objects"/> not accepted, with why (read before a write batch opens: it reads the store).</summary>
    public Dictionary<StixObject, string> Refusals(SqliteStixStore store, IEnumerable<StixObject> objects) =>
        objects.Select(o => (Object: o, Reason: Refusal(store, o))).Where(r => r.Reason is not null).ToDictionary(r => r.Object, r => r.Reason!);
}
