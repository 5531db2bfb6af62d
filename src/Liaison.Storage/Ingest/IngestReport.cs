using Liaison.Core.Stix;

namespace Liaison.Storage.Ingest;

/// <summary>What ingesting one input did. Counts concern objects; <see cref="Errors"/> lists why some were rejected.</summary>
public sealed class IngestReport
{
    internal IngestReport(string source) => Source = source;

    /// <summary>The file name, or "-" for standard input.</summary>
    public string Source { get; }

    /// <summary>Objects never seen before, stored.</summary>
    public long New { get; internal set; }

    /// <summary>New versions of known objects, stored.</summary>
    public long Updated { get; internal set; }

    /// <summary>Versions already stored with the same content (nothing changed).</summary>
    public long Unchanged { get; internal set; }

    /// <summary>Objects refused (invalid, conflicting or unresolved).</summary>
    public long Rejected { get; internal set; }

    /// <summary>Whether anything of this input was stored. False when the input was rejected whole.</summary>
    public bool Committed { get; internal set; }

    /// <summary>Whether the input could not be read to its end (truncated, not a bundle, too large...).</summary>
    public bool Unreadable { get; internal set; }

    /// <summary>The first errors (up to the configured maximum), in input order.</summary>
    public List<StixError> Errors { get; } = [];

    /// <summary>Errors beyond those listed.</summary>
    public long UnlistedErrors { get; internal set; }

    /// <summary>Objects read, valid or not.</summary>
    public long Read => New + Updated + Unchanged + Rejected;

    internal void AddError(StixError error, int maxListed)
    {
        if (Errors.Count < maxListed)
        {
            Errors.Add(error);
        }
        else
        {
            UnlistedErrors++;
        }
    }
}
