using System.Runtime.InteropServices;
using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// The notices and protected sites a new notice is checked against, indexed over space and time so that a check
/// looks at the few that could be near instead of all of them. Space: each subject's box is filed in at most four
/// cells of one level of <see cref="GridCells"/> (a multi-level grid: unlike a packed R-tree it takes additions,
/// changes and cancellations in constant time and never needs rebuilding). A query visits, level by level, the cells
/// its box touches (or, where that would be more cells than the level holds subjects, the level's subjects), then
/// filters on the exact boxes and time windows before the exact geometry of <see cref="ConflictDetector"/>. Cells
/// file each subject with what those filters read, so a check turns most candidates down in contiguous memory.
/// </summary>
/// <remarks>Not thread safe: one writer and reader at a time (a check reuses scratch state).</remarks>
public sealed class DeconflictionIndex
{
    private readonly Dictionary<string, int> _slotById = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<Filed>> _cells = [];
    private readonly List<Filed>[] _levels = Enumerable.Range(0, GridCells.Levels).Select(_ => new List<Filed>()).ToArray();
    private readonly Stack<int> _free = new();
    private readonly MinimaTable _minima;

    // What the last check or query found, and the reach of the subject checked for each row of minima: reused
    // from one check to the next.
    private readonly List<Filed> _found = [];
    private readonly BoxRange[] _reach = new BoxRange[MinimaTable.Rows];
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
        var filed = new Filed(subject, subject.Volume.Area, slot, subject.Kind, MinimaTable.RowOf(subject.Domain), BoxRange.Of(box), subject.Volume.Window, subject.Volume.Band);
        foreach (var key in cells)
        {
            if (!_cells.TryGetValue(key, out var bucket))
            {
                bucket = new List<Filed>(2);
                _cells[key] = bucket;
            }

            bucket.Add(filed);
        }

        _slots[slot] = new Slot(subject, level, cells, _levels[level].Count);
        _levels[level].Add(filed);
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
            bucket.RemoveAt(PositionOf(bucket, slot));
            if (bucket.Count == 0)
            {
                _cells.Remove(key);
            }
        }

        // Swap-remove from the level's list, keeping the moved slot's position right.
        var list = _levels[entry.Level];
        var last = list[^1];
        list[entry.LevelPosition] = last;
        _slots[last.Slot] = _slots[last.Slot] with { LevelPosition = entry.LevelPosition };
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

        var volume = subject.Volume;
        CollectCandidates(ConflictDetector.Reach(volume.Area, Rules.MaxLateralM), volume.Window.Widen(Rules.MaxTimeBufferUs));
        for (var row = 0; row < MinimaTable.Rows; row++)
        {
            _reach[row] = BoxRange.Of(ConflictDetector.Reach(volume.Area, _minima.Between(subject.Domain, row).LateralM));
        }

        // The subject itself may be indexed (a changed notice checked before it is filed again): it is not its own conflict.
        var self = _slotById.TryGetValue(subject.Id, out var own) ? own : -1;
        foreach (ref readonly var entry in CollectionsMarshal.AsSpan(_found))
        {
            // The same tests as ConflictDetector.Check, in the same order, on what is filed; only the exact geometry
            // needs the candidate itself.
            var minima = _minima.Between(subject.Domain, entry.MinimaRow);
            if (entry.Slot != self && DeconflictionSubject.AreCompared(subject.Kind, entry.Kind)
                && ConflictDetector.CloseInTimeAndAltitude(volume.Window, volume.Band, entry.Window, entry.Band, minima)
                && _reach[entry.MinimaRow].Meets(entry.Box)
                && ConflictDetector.AreasConflict(volume.Area, entry.Area, minima.LateralM))
            {
                conflicts.Add(new Conflict(subject, entry.Subject, minima));
            }
        }

        conflicts.Sort((a, b) => a.Other.Volume.Window.StartUs.CompareTo(b.Other.Volume.Window.StartUs) is var c and not 0 ? c : string.CompareOrdinal(a.Other.Id, b.Other.Id));
        return conflicts;
    }

    /// <summary>Indexed subjects whose box meets <paramref name="box"/> (all when null) and whose window holds <paramref name="atUs"/> (any when null).</summary>
    public IReadOnlyList<DeconflictionSubject> Query(GeoBox? box, long? atUs)
    {
        IEnumerable<DeconflictionSubject> inBox = Subjects;
        if (box is { } b)
        {
            CollectCandidates(b, TimeWindow.Always);
            inBox = _found.Select(entry => entry.Subject);
        }

        var found = inBox.Where(s => atUs is not { } at || s.Volume.Window.Contains(at)).ToList();
        found.Sort((x, y) => x.Volume.Window.StartUs.CompareTo(y.Volume.Window.StartUs) is var c and not 0 ? c : string.CompareOrdinal(x.Id, y.Id));
        return found;
    }

    /// <summary>Fills <see cref="_found"/> with the subjects whose box meets <paramref name="box"/> and whose window overlaps <paramref name="window"/>.</summary>
    private void CollectCandidates(GeoBox box, TimeWindow window)
    {
        _found.Clear();
        if (_stamp == int.MaxValue)
        {
            Array.Clear(_stamps);
            _stamp = 0;
        }

        var stamp = ++_stamp;
        var range = BoxRange.Of(box);
        for (var level = 0; level < GridCells.Levels; level++)
        {
            var members = _levels[level];
            if (members.Count == 0)
            {
                continue;
            }

            if (GridCells.CountAt(level, box) > members.Count)
            {
                Keep(members, stamp, range, window);

                continue;
            }

            foreach (var key in GridCells.At(level, box))
            {
                if (_cells.TryGetValue(key, out var bucket))
                {
                    Keep(bucket, stamp, range, window);
                }
            }
        }
    }

    private void Keep(List<Filed> entries, int stamp, in BoxRange range, TimeWindow window)
    {
        foreach (ref readonly var entry in CollectionsMarshal.AsSpan(entries))
        {
            // The box and window are filed with the slot, so most entries are turned down without a look at the
            // subject; the stamp keeps a subject filed in several cells from being found twice in one query.
            if (range.Meets(entry.Box) && entry.Window.GapUs(window) < 0 && _stamps[entry.Slot] != stamp)
            {
                _stamps[entry.Slot] = stamp;
                _found.Add(entry);
            }
        }
    }

    private static int PositionOf(List<Filed> entries, int slot)
    {
        var span = CollectionsMarshal.AsSpan(entries);
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i].Slot == slot)
            {
                return i;
            }
        }

        throw new InvalidOperationException("a filed subject is missing from its cell");
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

    private readonly record struct Slot(DeconflictionSubject? Subject, int Level, long[] Cells, int LevelPosition);

    /// <summary>
    /// A subject as filed in a cell or a level's list, with what a check filters on (kind, minima row, box, window,
    /// band) and its area: most candidates are turned down, and the rest tested, without reaching for the subject.
    /// </summary>
    private readonly record struct Filed(DeconflictionSubject Subject, Area Area, int Slot, SubjectKind Kind, int MinimaRow, BoxRange Box, TimeWindow Window, AltitudeBand Band);
}
