namespace Liaison.Server.Client;

/// <summary>
/// Retries with exponential backoff and full jitter on 429, 5xx and connection failures, honouring
/// <c>Retry-After</c> when the server sends it (capped). Randomness and waiting are injected for tests.
/// </summary>
public sealed record RetryPolicy
{
    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The first backoff; each retry doubles it.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>No single wait is longer than this, <c>Retry-After</c> included.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Random source for the jitter.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>How to wait (a test can record instead of sleeping).</summary>
    public Func<TimeSpan, CancellationToken, Task> Wait { get; init; } = Task.Delay;

    /// <summary>The wait before retry number <paramref name="retry"/> (1-based).</summary>
    public TimeSpan DelayFor(int retry, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < MaxDelay ? (asked < TimeSpan.Zero ? TimeSpan.Zero : asked) : MaxDelay;
        }

        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1));
        return TimeSpan.FromMilliseconds(Random.NextDouble() * ceiling);
    }
}
