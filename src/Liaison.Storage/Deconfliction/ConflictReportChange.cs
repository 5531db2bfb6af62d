namespace Liaison.Storage.Deconfliction;

/// <summary>What happened to one of our conflict reports.</summary>
public enum ConflictReportChangeKind
{
    /// <summary>A new conflict: its first version was written.</summary>
    Created,

    /// <summary>The overlap or a contact changed: a new version was written.</summary>
    Revised,

    /// <summary>The conflict is gone (a notice cancelled, moved or withdrawn): a revoked version was written.</summary>
    Revoked,
}

/// <summary>One version of one of our conflict reports written by <see cref="ConflictReports.Reconcile"/>.</summary>
/// <param name="ReportId">The report's id on our node (the partner receives its own released id).</param>
/// <param name="Theirs">The partner's notice it names.</param>
/// <param name="Partner">The partner (the remote the notice came from).</param>
/// <param name="Kind">What changed.</param>
public sealed record ConflictReportChange(string ReportId, string Theirs, string Partner, ConflictReportChangeKind Kind);
