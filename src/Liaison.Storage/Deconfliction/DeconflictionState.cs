using System.Text.Json;
using Liaison.Core.Deconfliction;
using Liaison.Core.Stix;
using Liaison.Storage.Sqlite;

namespace Liaison.Storage.Deconfliction;

/// <summary>
/// The deconfliction index rebuilt from the store: every latest, unrevoked notice and protected site, ours and our
/// partners'. Rebuilding reads each object once (see docs/performance.md for its cost), so nothing needs persisting beside the
/// objects themselves, and the index can never disagree with what is stored. Objects that cannot be read as
/// subjects (stored before a rule they break existed, or a partner's that our geometry refuses) are listed in
/// <see cref="Unreadable"/>, never silently dropped.
/// </summary>
public sealed class DeconflictionState
{
    private readonly Dictionary<string, string> _remotes = new(StringComparer.Ordinal);

    private DeconflictionState(DeconflictionIndex index) => Index = index;

    /// <summary>The index of everything loaded.</summary>
    public DeconflictionIndex Index { get; }

    /// <summary>Stored objects that could not be read as subjects, with why.</summary>
    public List<StixError> Unreadable { get; } = [];

    /// <summary>Loads every notice and protected site of <paramref name="store"/>.</summary>
    public static DeconflictionState Load(SqliteStixStore store, DeconflictionRules rules)
    {
        ArgumentNullException.ThrowIfNull(store);
        var state = new DeconflictionState(new DeconflictionIndex(rules));
        foreach (var record in store.DeconflictionObjects())
        {
            using var document = JsonDocument.Parse(record.Stored.Utf8Json);
            var read = SubjectReader.Read(document.RootElement, partnerNotice: record.Remote is not null);
            if (read.Subject is { } subject)
            {
                state.Index.Upsert(subject);
                if (record.Remote is not null)
                {
                    state._remotes[subject.Id] = record.Remote;
                }
            }
            else
            {
                state.Unreadable.AddRange(read.Errors);
            }
        }

        return state;
    }

    /// <summary>The remote a partner's notice came from, or null for our own notices and sites.</summary>
    public string? RemoteOf(string id) => _remotes.GetValueOrDefault(id);
}
