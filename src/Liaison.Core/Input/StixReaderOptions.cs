namespace Liaison.Core.Input;

/// <summary>Bounds on what a reader accepts, so a hostile or broken file cannot exhaust memory or the stack.</summary>
public sealed record StixReaderOptions
{
    /// <summary>Largest single object (or other bundle member) in bytes. Default 16 MiB.</summary>
    public int MaxObjectBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Deepest nesting allowed inside one object. Default 64.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>The defaults.</summary>
    public static StixReaderOptions Default { get; } = new();
}
