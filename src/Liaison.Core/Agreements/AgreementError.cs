namespace Liaison.Core.Agreements;

/// <summary>A problem in an agreement document, where a person can find it.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">Where in the document's structure, e.g. <c>release[1].location.precision_km</c>.</param>
/// <param name="Message">What is wrong and what would be right.</param>
public sealed record AgreementError(int Line, int Column, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"line {Line}, column {Column} ({Path}): {Message}";
}

/// <summary>Thrown when an agreement document cannot be used; every problem found is listed.</summary>
public sealed class AgreementException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public AgreementException(IReadOnlyList<AgreementError> errors)
        : base(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} problems: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    /// <summary>Every problem, in document order.</summary>
    public IReadOnlyList<AgreementError> Errors { get; }
}
