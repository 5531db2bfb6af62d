using Liaison.Core.Stix;

namespace Liaison.Core.Extensions;

/// <summary>Appends <see cref="StixError"/>s for one object, dropping exact duplicates (same path, same reason).</summary>
internal sealed class ErrorSink(ICollection<StixError> errors, int? objectIndex, string? objectId)
{
    // Made on the first error: most objects have none, and validation should not allocate for them.
    private HashSet<(string Path, string Reason)>? _seen;

    public int Count { get; private set; }

    public void Add(string path, string reason)
    {
        _seen ??= [];
        if (_seen.Add((path, reason)))
        {
            errors.Add(new StixError(objectIndex, objectId, path, reason));
            Count++;
        }
    }
}
