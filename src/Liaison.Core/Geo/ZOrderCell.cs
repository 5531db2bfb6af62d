namespace Liaison.Core.Geo;

/// <summary>
/// A Z-order (Morton) cell key: latitude and longitude quantised to 2^16 steps each (about 610 m of longitude at
/// the equator, 305 m of latitude) and bit-interleaved into one integer. Close points get close keys, so a B-tree over
/// the key answers box queries as a handful of key ranges, refined exactly afterwards. Persisted: never change the
/// quantisation without a migration.
/// </summary>
public static class ZOrderCell
{
    /// <summary>Bits per axis.</summary>
    public const int BitsPerAxis = 16;

    private const uint MaxStep = (1u << BitsPerAxis) - 1;

    /// <summary>The cell key of a point.</summary>
    public static long Of(GeoPoint point) => Interleave(QuantiseLongitude(point.Longitude), QuantiseLatitude(point.Latitude));

    /// <summary>
    /// Inclusive key ranges whose union covers every cell touched by the box, found by quadtree descent; at most
    /// about <paramref name="maxRanges"/> ranges (coarser ranges cover a little more, refined by the caller).
    /// </summary>
    public static IReadOnlyList<(long From, long To)> Cover(GeoBox box, int maxRanges = 128)
    {
        var ranges = new List<(long, long)>();
        if (box.CrossesAntimeridian)
        {
            CoverRect(QuantiseLongitude(box.MinLongitude), MaxStep, QuantiseLatitude(box.MinLatitude), QuantiseLatitude(box.MaxLatitude), maxRanges / 2, ranges);
            CoverRect(0, QuantiseLongitude(box.MaxLongitude), QuantiseLatitude(box.MinLatitude), QuantiseLatitude(box.MaxLatitude), maxRanges / 2, ranges);
        }
        else
        {
            CoverRect(QuantiseLongitude(box.MinLongitude), QuantiseLongitude(box.MaxLongitude), QuantiseLatitude(box.MinLatitude), QuantiseLatitude(box.MaxLatitude), maxRanges, ranges);
        }

        return Merge(ranges);
    }

    private static void CoverRect(uint x0, uint x1, uint y0, uint y1, int budget, List<(long, long)> output)
    {
        // Breadth-first over quadtree levels: split the cells that straddle the rectangle while the budget allows.
        var level = new List<(uint X, uint Y, int Size)> { (0, 0, BitsPerAxis) };
        while (true)
        {
            var next = new List<(uint, uint, int)>();
            var full = new List<(uint X, uint Y, int Size)>();
            foreach (var (x, y, size) in level)
            {
                var span = (1u << size) - 1;
                if (x > x1 || x + span < x0 || y > y1 || y + span < y0)
                {
                    continue;
                }

                if ((x >= x0 && x + span <= x1 && y >= y0 && y + span <= y1) || size == 0)
                {
                    full.Add((x, y, size));
                    continue;
                }

                var half = 1u << (size - 1);
                next.Add((x, y, size - 1));
                next.Add((x + half, y, size - 1));
                next.Add((x, y + half, size - 1));
                next.Add((x + half, y + half, size - 1));
            }

            if (next.Count == 0 || output.Count + full.Count + next.Count > budget)
            {
                foreach (var (x, y, size) in full)
                {
                    output.Add(RangeOf(x, y, size));
                }

                // Out of budget: the straddling cells are taken whole (their parents, i.e. before splitting).
                for (var i = 0; i < next.Count; i += 4)
                {
                    var (x, y, size) = next[i];
                    output.Add(RangeOf(x, y, size + 1));
                }

                return;
            }

            foreach (var cell in full)
            {
                output.Add(RangeOf(cell.X, cell.Y, cell.Size));
            }

            level = next;
        }
    }

    private static (long, long) RangeOf(uint x, uint y, int size)
    {
        var start = Interleave(x, y);
        return (start, start + (1L << (2 * size)) - 1);
    }

    private static List<(long From, long To)> Merge(List<(long From, long To)> ranges)
    {
        ranges.Sort();
        var merged = new List<(long From, long To)>(ranges.Count);
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.From <= merged[^1].To + 1)
            {
                merged[^1] = (merged[^1].From, Math.Max(merged[^1].To, range.To));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private static uint QuantiseLongitude(double longitude) => (uint)Math.Min(MaxStep, Math.Floor((longitude + 180) / 360 * (MaxStep + 1)));

    private static uint QuantiseLatitude(double latitude) => (uint)Math.Min(MaxStep, Math.Floor((latitude + 90) / 180 * (MaxStep + 1)));

    private static long Interleave(uint x, uint y) => (long)(Spread(x) | (Spread(y) << 1));

    private static ulong Spread(uint value)
    {
        ulong v = value;
        v = (v | (v << 16)) & 0x0000FFFF0000FFFFUL;
        v = (v | (v << 8)) & 0x00FF00FF00FF00FFUL;
        v = (v | (v << 4)) & 0x0F0F0F0F0F0F0F0FUL;
        v = (v | (v << 2)) & 0x3333333333333333UL;
        v = (v | (v << 1)) & 0x5555555555555555UL;
        return v;
    }
}
