using Liaison.Core.Stix;

namespace Liaison.Core.Deconfliction;

/// <summary>The outcome of reading a STIX object for deconfliction: a subject, or the errors that prevent it.</summary>
public sealed class SubjectReadResult
{
    internal SubjectReadResult(DeconflictionSubject? subject, IReadOnlyList<StixError> errors)
    {
        Subject = subject;
        Errors = errors;
    }

    /// <summary>The subject, when the object is a valid notice or protected site.</summary>
    public DeconflictionSubject? Subject { get; }

    /// <summary>Why not, at the JSON path of each problem.</summary>
    public IReadOnlyList<StixError> Errors { get; }

    /// <summary>Whether a subject was read.</summary>
    public bool IsValid => Subject is not null;
}
