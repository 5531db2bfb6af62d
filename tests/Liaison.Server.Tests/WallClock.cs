namespace Liaison.Server.Tests;

/// <summary>The real time, for tests where the clock only stamps what they write.</summary>
internal sealed class WallClock : Core.IClock
{
    public static WallClock Instance { get; } = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}
