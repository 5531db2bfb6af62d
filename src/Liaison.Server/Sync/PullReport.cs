using Liaison.Core.Stix;

namespace Liaison.Server.Sync;

/// <summary>What pulling one remote collection did.</summary>
public sealed class PullReport(string collectionId)
{
    /// <summary>The remote collection.</summary>
    public string CollectionId { get; } = collectionId;

    /// <summary>Pages read.</summary>
    public int Pages { get; internal set; }

    /// <summary>Objects never seen before, stored.</summary>
    public long New { get; internal set; }

    /// <summary>New versions of known objects, stored.</summary>
    public long Updated { get; internal set; }

    /// <summary>Versions already stored (nothing changed but the provenance).</summary>
    public long Unchanged { get; internal set; }

    /// <summary>Objects refused, with the reasons in <see cref="Errors"/> (at most 100 listed).</summary>
    public long Rejected { get; internal set; }

    /// <summary>Valid objects a partner's agreement does not accept, kept in quarantine instead of stored.</summary>
    public long Quarantined { get; internal set; }

    /// <summary>The signed ledger checkpoints a partner sent (stored like any object; the caller verifies them).</summary>
    public List<System.Text.Json.JsonElement> Checkpoints { get; } = [];

    /// <summary>The ids of the activity notices a partner sent and we stored (the caller checks them for conflicts).</summary>
    public List<string> Notices { get; } = [];

    /// <summary>The ids of the conflict reports (new or new versions) a partner sent and we stored and logged.</summary>
    public List<string> ConflictReports { get; } = [];

    /// <summary>What a partner sent and we received (stored or quarantined), as our receipts name it.</summary>
    public List<Liaison.Core.Ledger.ReceivedObject> ReceivedObjects { get; } = [];

    /// <summary>Our signed receipts for what was stored, one per page, as STIX objects to send back to the partner.</summary>
    public List<System.Text.Json.Nodes.JsonObject> Receipts { get; } = [];

    /// <summary>Why objects were refused.</summary>
    public List<StixError> Errors { get; } = [];

    /// <summary>The cursor after the pull (the remote's last date added).</summary>
    public string? Cursor { get; internal set; }
}
