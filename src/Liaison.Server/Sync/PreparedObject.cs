using Liaison.Core.Canonical;
using Liaison.Core.Stix;

namespace Liaison.Server.Sync;

/// <summary>
/// A valid object with everything writing it needs (content hash, compact bytes, index facts), computed before the
/// writer sees it: the single SQLite writer is the bottleneck of both the pull and a TAXII POST, so whatever can be
/// done on another thread is.
/// </summary>
internal sealed record PreparedObject(StixObject Object, IReadOnlyList<string> Markings, ContentHash Hash, byte[] Utf8Json, IndexFacts Facts)
{
    public static PreparedObject Of(StixObject stixObject, IReadOnlyList<string> markings) =>
        new(stixObject, markings, ContentHash.Of(stixObject.Json), stixObject.ToUtf8Bytes(), IndexFacts.Of(stixObject));
}
