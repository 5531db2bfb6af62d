namespace Liaison.Core.Agreements;

/// <summary>
/// One version of the bilateral agreement with a partner: what we release to it (default deny: only what a clause
/// selects), how each clause sanitises, and what we accept from it. Built by <see cref="AgreementParser"/> from the
/// human-readable YAML document, which is kept with it (<see cref="SourceText"/>) so every version can be shown as
/// it was applied. Immutable.
/// </summary>
public sealed class Agreement
{
    internal Agreement(string partner, int version, ReferenceHandling references, IReadOnlyList<ReleaseClause> release, InboundRules accept, string sourceText)
    {
        Partner = partner;
        Version = version;
        References = references;
        Release = release;
        Accept = accept;
        SourceText = sourceText;
    }

    /// <summary>The partner's code (3-letter country or 4-letter organisation, upper case), e.g. <c>RUS</c>.</summary>
    public string Partner { get; }

    /// <summary>The document's version; each applied version must be greater than the one before.</summary>
    public int Version { get; }

    /// <summary>What happens to an object that references something not released to the partner.</summary>
    public ReferenceHandling References { get; }

    /// <summary>The release clauses in document order; the first that selects an object governs it.</summary>
    public IReadOnlyList<ReleaseClause> Release { get; }

    /// <summary>What we accept from the partner.</summary>
    public InboundRules Accept { get; }

    /// <summary>The YAML text as applied.</summary>
    public string SourceText { get; }
}

/// <summary>What the release pipeline does with a reference to an object the partner has not been given.</summary>
public enum ReferenceHandling
{
    /// <summary>Remove the reference (an object that cannot stand without it is held instead).</summary>
    Drop,

    /// <summary>Hold the object until every object it references has been released to the partner.</summary>
    Hold,
}

/// <summary>Whether releases under a clause go out at once or wait for a second person's approval.</summary>
public enum ApprovalMode
{
    /// <summary>Released as soon as the clause allows.</summary>
    Auto,

    /// <summary>Queued until someone other than the requester approves (four eyes).</summary>
    Manual,
}
