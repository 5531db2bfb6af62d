namespace Liaison.Core.Policy;

/// <summary>One step of a <see cref="PropertyPath"/>: a property name, or every element of a list.</summary>
public readonly record struct PathSegment
{
    private PathSegment(string? name) => Name = name;

    /// <summary>"Every element of the list".</summary>
    public static PathSegment Wildcard => default;

    /// <summary>The property name; null for <see cref="Wildcard"/>.</summary>
    public string? Name { get; }

    /// <summary>True for <c>[*]</c>.</summary>
    public bool IsWildcard => Name is null;

    /// <summary>A property step.</summary>
    public static PathSegment Property(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new PathSegment(name);
    }
}

/// <summary>Why a path is malformed: the text, the 1-based column, and a reason a person can act on.</summary>
/// <param name="Text">The path as written.</param>
/// <param name="Column">Where the problem is (1-based).</param>
/// <param name="Reason">What is wrong and what was expected.</param>
public sealed record PropertyPathError(string Text, int Column, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"path '{Text}', column {Column}: {Reason}";
}
