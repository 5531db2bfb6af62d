namespace Liaison.Storage.Retention;

/// <summary>One read of a person-of-interest record: who read which version, when, and through which path.</summary>
/// <param name="Seq">Position in the read log (increasing).</param>
/// <param name="ReadAtMicroseconds">When (Unix microseconds).</param>
/// <param name="Reader">Who: the store's <see cref="Sqlite.SqliteStixStore.Reader"/> at the time.</param>
/// <param name="ObjectId">The record read.</param>
/// <param name="Version">The version read (Unix microseconds of its <c>modified</c>).</param>
/// <param name="Via">The read path: <c>get</c>, <c>versions</c>, <c>query</c>, <c>taxii</c> or <c>purge-check</c>.</param>
public sealed record PersonRead(long Seq, long ReadAtMicroseconds, string Reader, string ObjectId, long Version, string Via);
