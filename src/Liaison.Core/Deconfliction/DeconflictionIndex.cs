using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// The notices and protected sites a new notice is checked against, indexed over space and time so that a check
/// looks at the few that could be near instead of all of them. Space: each subject's box is filed in at most four
/// cells of one level of <see cref="GridCells"/> (a multi-level grid: unlike a packed R-tree it takes additions,
/// changes and cancellations in constant time and never needs rebuilding). A query visits, level by level, the cells
/// its box touches (or, where that would be more cells than the level holds subjects, the level's subjects), then
/// filters on the exact boxes and time windows before the exact geometry of <see cref="ConflictDetector"/>.
/// </summary>
/// <remarks>Not thread safe: one writer and reader at a time (a check reuses scratch state).</remarks>
public sealed class DeconflictionIndex
{
    private readonly Dictionary<string, int> _slotById = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<int>> _cells = [];
    private readonly List<int>[] _levels = Enumerable.Range(0, GridCells.Levels).Select(_ => new List<int>()).ToArray();
    private readonly Stack<int> _free = new();
    private readonly MinimaTable _minima;
    private Slot[] _slots = new Slot[1024];
    private int[] _stamps = new int[1024];
    private int _stamp;

    /// <summary>Creates an empty index applying <paramref name="rules"/>.</summary>
    public DeconflictionIndex(DeconflictionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        _minima = new MinimaTable(rules);
    }

    /// <summary>The separation minima checks apply.</summary>
    public DeconflictionRules Rules { get; }

    /// <summary>How many subjects are indexed (cancelled notices are not).</summary>
    public int Count => _slotById.Count;

    /// <summary>Every indexed subject, in no particular order.</summary>
    public IEnumerable<DeconflictionSubject> Subjects => _slotById.Values.Select(slot => _slots[slot].Subject!);

    /// <summary>The indexed subject with this id, if any.</summary>
    public DeconflictionSubject? Find(string id) => _slotById.TryGetValue(id, out var slot) ? _slots[slot].Subject : null;

    /// <summary>Adds a subject or replaces the one with its id; a cancelled notice is removed instead.</summary>
    public void Upsert(DeconflictionSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        Remove(subject.Id);
        if (subject.Status == NoticeStatus.Cancelled)
        {
            return;
        }

        var slot = _free.Count > 0 ? _free.Pop() : NewSlot();
        var box = subject.Volume.Area.Bounds;
        var level = GridCells.LevelOf(box);
        var cells = GridCells.At(level, box).ToArray();
        foreach (var key in cells)
        {
            if (!_cells.TryGetValue(key, out var bucket))
            {
                bucket = new List<int>(2);
                _cells[key] = bucket;
            }

            bucket.Add(slot);
        }

        _slots[slot] = new Slot(subject, box, level, cells, _levels[level].Count);
        _levels[level].Add(slot);
        _slotById[subject.Id] = slot;
    }

    /// <summary>Removes the subject with this id; false if it was not indexed.</summary>
    public bool Remove(string id)
    {
        if (!_slotById.Remove(id, out var slot))
        {
            return false;
        }

        var entry = _slots[slot];
        foreach (var key in entry.Cells)
        {
            var bucket = _cells[key];
            bucket.Remove(slot);
            if (bucket.Count == 0)
            {
                _cells.Remove(key);
            }
        }

        // Swap-remove from the level's list, keeping the moved slot's position right.
        var list = _levels[entry.Level];
        var last = list[^1];
        list[entry.LevelPosition] = last;
        _slots[last] = _slots[last] with { LevelPosition = entry.LevelPosition };
        list.RemoveAt(list.Count - 1);
        _slots[slot] = default;
        _free.Push(slot);
        return true;
    }

    /// <summary>
    /// Every conflict of <paramref name="subject"/> with an indexed subject (other than itself, by id), in the order the
    /// others start. The subject itself is not added.
    /// </summary>
    public IReadOnlyList<Conflict> Check(DeconflictionSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var conflicts = new List<Conflict>();
        if (subject.Status == NoticeStatus.Cancelled)
        {
            return conflicts;
        }

        var box = AreaBounds.Widen(subject.Volume.Area.Bounds, Rules.MaxLateralM + Area.ToleranceM);
        var window = subject.Volume.Window.Widen(Rules.MaxTimeBufferUs);
        foreach (var candidate in Candidates(box, window))
        {
            if (subject.IsComparableWith(candidate) && ConflictDetector.Check(subject, candidate, _minima.Between(subject.Domain, candidate.Domain)) is { } conflict)
            {
                conflicts.Add(conflict);
            }
        }

        conflicts.Sort((a, b) => a.Other.Volume.Window.StartUs.CompareTo(b.Other.Volume.Window.StartUs) is var c and not 0 ? c : string.CompareOrdinal(a.Other.Id, b.Other.Id));
        return conflicts;
    }

    /// <summary>Indexed subjects whose box meets <paramref name="box"/> (all when null) and whose window holds <paramref name="atUs"/> (any when null).</summary>
    public IReadOnlyList<DeconflictionSubject> Query(GeoBox? box, long? atUs)
    {
        var found = (box is { } b ? Candidates(b, TimeWindow.Always) : Subjects)
            .Where(s => atUs is not { } at || s.Volume.Window.Contains(at))
            .ToList();
        found.Sort((x, y) => x.Volume.Window.StartUs.CompareTo(y.Volume.Window.StartUs) is var c and not 0 ? c : string.CompareOrdinal(x.Id, y.Id));
        return found;
    }

    private IEnumerable<DeconflictionSubject> Candidates(GeoBox box, TimeWindow window)
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 0;
        }

        var stamp = ++_stamp;
        var lon = LongitudeSpan.FromBox(box);
        for (var level = 0; level < GridCells.Levels; level++)
        {
            var members = _levels[level];
            if (members.Count == 0)
            {
                continue;
            }

            if (GridCells.CountAt(level, box) > members.Count)
            {
                foreach (var slot in members)
                {
                    if (Keep(slot))
                    {
                        yield return _slots[slot].Subject!;
                    }
                }

                continue;
            }

            foreach (var key in GridCells.At(level, box))
            {
                if (_cells.TryGetValue(key, out var bucket))
                {
                    foreach (var slot in bucket)
                    {
                        if (Keep(slot))
                        {
                            yield return _slots[slot].Subject!;
                        }
                    }
                }
            }
        }

        bool Keep(int slot)
        {
            if (_stamps[slot] == stamp)
            {
                return false;
            }

            _stamps[slot] = stamp;
            ref readonly var entry = ref _slots[slot];
            return entry.Subject!.Volume.Window.GapUs(window) < 0
                && entry.Box.MinLatitude <= box.MaxLatitude && box.MinLatitude <= entry.Box.MaxLatitude
                && lon.Intersect(LongitudeSpan.FromBox(entry.Box)) is not null;
        }
    }

    private int NewSlot()
    {
        var slot = _slotById.Count;
        if (slot == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
            Array.Resize(ref _stamps, _stamps.Length * 2);
        }

        return slot;
    }

    private readonly record struct Slot(DeconflictionSubject? Subject, GeoBox Box, int Level, long[] Cells, int LevelPosition);
}
