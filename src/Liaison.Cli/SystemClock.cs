using Liaison.Core;

namespace Liaison.Cli;

/// <summary>The wall clock.</summary>
internal sealed class SystemClock : IClock
{
    public static SystemClock Instance { get; } = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}
