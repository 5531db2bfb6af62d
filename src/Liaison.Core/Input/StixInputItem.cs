using System.Text.Json;
using Liaison.Core.Stix;

namespace Liaison.Core.Input;

/// <summary>
/// One thing read from an input: either an object's JSON (not yet validated) or an error that made part of the
/// input unreadable. A <see cref="IsFatal"/> error ends the input (the rest cannot be read); others concern one
/// object or line only.
/// </summary>
public readonly record struct StixInputItem
{
    private StixInputItem(int index, long line, JsonElement? element, StixError? error, bool isFatal)
    {
        Index = index;
        Line = line;
        Element = element;
        Error = error;
        IsFatal = isFatal;
    }

    /// <summary>Zero-based position of the object in the input.</summary>
    public int Index { get; }

    /// <summary>1-based line where the object starts (or where the error was found).</summary>
    public long Line { get; }

    /// <summary>The object's JSON, when it could be read.</summary>
    public JsonElement? Element { get; }

    /// <summary>Why the object (or the rest of the input) could not be read.</summary>
    public StixError? Error { get; }

    /// <summary>Whether the error ends the input.</summary>
    public bool IsFatal { get; }

    internal static StixInputItem Object(int index, long line, JsonElement element) => new(index, line, element, null, false);

    internal static StixInputItem Failure(int? index, long line, string reason, bool fatal) =>
        new(index ?? -1, line, null, new StixError(index, null, "$", reason) { Line = line }, fatal);
}
