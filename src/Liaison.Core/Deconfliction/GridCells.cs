using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// The cells of a hierarchy of latitude/longitude grids: level <c>k</c> cuts longitude into <c>2^k</c> columns of
/// <c>360/2^k</c> degrees and latitude into <c>2^k</c> rows of <c>180/2^k</c> degrees. A box is filed at the finest level
/// whose cells are at least as large as the box, so it falls into at most 2 × 2 cells there; columns wrap at the
/// antimeridian and a box around a pole (every longitude) goes to level 0.
/// </summary>
internal static class GridCells
{
    /// <summary>Levels 0 to 14; cells of the finest are about 1.2 km high and 2.4 km wide at the equator.</summary>
    public const int Levels = 15;

    /// <summary>The level a box is filed at.</summary>
    public static int LevelOf(GeoBox box)
    {
        var span = LongitudeSpan.FromBox(box);
        var height = box.MaxLatitude - box.MinLatitude;
        var level = 0;
        while (level + 1 < Levels && span.Width <= 360.0 / (1 << (level + 1)) && height <= 180.0 / (1 << (level + 1)))
        {
            level++;
        }

        return level;
    }

    /// <summary>How many cells of <paramref name="level"/> the box touches.</summary>
    public static long CountAt(int level, GeoBox box)
    {
        var range = Ranges(level, box);
        return range.Columns * (range.LastRow - range.FirstRow + 1);
    }

    /// <summary>The keys of the cells of <paramref name="level"/> the box touches.</summary>
    public static IEnumerable<long> At(int level, GeoBox box)
    {
        var range = Ranges(level, box);
        var n = 1L << level;
        for (var c = range.FirstColumn; c < range.FirstColumn + range.Columns; c++)
        {
            var column = ((c % n) + n) % n;
            for (var row = range.FirstRow; row <= range.LastRow; row++)
            {
                yield return ((long)level << 58) | ((long)row << 29) | column;
            }
        }
    }

    private static (long FirstColumn, long Columns, int FirstRow, int LastRow) Ranges(int level, GeoBox box)
    {
        var n = 1 << level;
        var cellWidth = 360.0 / n;
        var cellHeight = 180.0 / n;
        var firstRow = Math.Min(n - 1, (int)Math.Floor((box.MinLatitude + 90) / cellHeight));
        var lastRow = Math.Min(n - 1, (int)Math.Floor((box.MaxLatitude + 90) / cellHeight));
        var span = LongitudeSpan.FromBox(box);
        if (span.Width + cellWidth >= 360)
        {
            return (0, n, firstRow, lastRow);
        }

        // Columns past the last wrap to the first: the caller reduces them modulo n.
        var first = (long)Math.Floor((span.West + 180) / cellWidth);
        var last = (long)Math.Floor((span.West + span.Width + 180) / cellWidth);
        return (first, last - first + 1, firstRow, lastRow);
    }
}
