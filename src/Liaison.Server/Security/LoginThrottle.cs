using System.Collections.Concurrent;
using Liaison.Core;

namespace Liaison.Server.Security;

/// <summary>
/// Slows down repeated failed logins from one client address: after three failures each further attempt waits
/// twice as long as the last (0.25 s, 0.5 s, 1 s … up to 8 s); a success or ten quiet minutes clear the record.
/// </summary>
internal sealed class LoginThrottle(IClock clock)
{
    private const int FreeFailures = 3;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Last)> _failures = new(StringComparer.Ordinal);

    /// <summary>How long to wait before answering this client.</summary>
    public TimeSpan DelayFor(string client)
    {
        if (!_failures.TryGetValue(client, out var record) || clock.UtcNow - record.Last > Forget || record.Failures < FreeFailures)
        {
            return TimeSpan.Zero;
        }

        var delay = TimeSpan.FromMilliseconds(250 * Math.Pow(2, Math.Min(10, record.Failures - FreeFailures)));
        return delay < MaxDelay ? delay : MaxDelay;
    }

    public void Failed(string client)
    {
        var now = clock.UtcNow;
        _failures.AddOrUpdate(client, _ => (1, now), (_, old) => (now - old.Last > Forget ? 1 : old.Failures + 1, now));
        if (_failures.Count > 100_000)
        {
            // Bounded memory under a spray of addresses: forget the quiet ones.
            foreach (var (key, value) in _failures)
            {
                if (now - value.Last > Forget)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    public void Succeeded(string client) => _failures.TryRemove(client, out _);
}
