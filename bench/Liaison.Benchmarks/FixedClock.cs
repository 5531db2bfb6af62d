using Liaison.Core;

namespace Liaison.Benchmarks;

/// <summary>A clock that stands still: the store then makes added_at unique by counting up, as it must anyway.</summary>
internal sealed class FixedClock : IClock
{
    public DateTimeOffset UtcNow { get; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
