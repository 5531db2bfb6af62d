namespace Liaison.Core.Stix;

/// <summary>
/// One reason an input was rejected, precise enough for a person to find and fix it: which object (its index in the
/// input and, when readable, its id), where inside it (a JSON path relative to the object, e.g.
/// <c>$.external_references[0].source_name</c>), and why.
/// </summary>
/// <param name="ObjectIndex">Zero-based position of the object in its bundle or file, when known.</param>
/// <param name="ObjectId">The object's <c>id</c> when it could be read.</param>
/// <param name="Path">JSON path inside the object (<c>$</c> for the object itself).</param>
/// <param name="Reason">What is wrong, in plain words.</param>
public sealed record StixError(int? ObjectIndex, string? ObjectId, string Path, string Reason)
{
    /// <summary>Line in the input file where the problem was found, when the reader knows it (1-based).</summary>
    public long? Line { get; init; }

    /// <inheritdoc />
    public override string ToString()
    {
        var where = ObjectIndex is { } index ? $"object #{index}" : "input";
        if (ObjectId is not null)
        {
            where += $" ({ObjectId})";
        }

        if (Line is { } line)
        {
            where += $" line {line}";
        }

        return $"{where} at {Path}: {Reason}";
    }
}
