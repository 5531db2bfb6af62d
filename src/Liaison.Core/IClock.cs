namespace Liaison.Core;

/// <summary>The source of "now". Core never reads the wall clock itself, so time-dependent rules are testable.</summary>
public interface IClock
{
    /// <summary>The current instant in UTC.</summary>
    DateTimeOffset UtcNow { get; }
}
