using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// A box around the region two areas share once each is grown by a margin. The boxes of the two grown areas
/// intersect in a first box; a grid of <see cref="Cells"/> × <see cref="Cells"/> cells over it keeps the cells whose
/// centre is near enough to both areas that the cell may hold a shared point (within the margin plus the cell's
/// half-diagonal), so the box of the kept cells still holds every shared point and is usually much smaller.
/// </summary>
internal static class OverlapRegion
{
    private const int Cells = 16;

    public static GeoBox Of(Area a, Area b, double marginM)
    {
        var boxA = AreaBounds.Widen(a.Bounds, marginM);
        var boxB = AreaBounds.Widen(b.Bounds, marginM);
        var south = Math.Max(boxA.MinLatitude, boxB.MinLatitude);
        var north = Math.Min(boxA.MaxLatitude, boxB.MaxLatitude);
        var lon = LongitudeSpan.FromBox(boxA).Intersect(LongitudeSpan.FromBox(boxB));
        if (south > north || lon is not { } span)
        {
            // Only rounding can bring two conflicting areas here; the first area's box still holds the overlap.
            return boxA;
        }

        var dLat = (north - south) / Cells;
        var dLon = span.Width / Cells;
        int? firstRow = null, lastRow = null, firstColumn = null, lastColumn = null;
        for (var row = 0; row < Cells; row++)
        {
            for (var column = 0; column < Cells; column++)
            {
                var centreLat = south + ((row + 0.5) * dLat);
                var centre = new GeoPoint(centreLat, LongitudeSpan.Wrap(span.West + ((column + 0.5) * dLon)));
                var reach = marginM + HalfDiagonalM(centre, dLat, dLon) + Area.ToleranceM;
                if (a.DistanceM(centre) <= reach && b.DistanceM(centre) <= reach)
                {
                    firstRow = Math.Min(firstRow ?? row, row);
                    lastRow = Math.Max(lastRow ?? row, row);
                    firstColumn = Math.Min(firstColumn ?? column, column);
                    lastColumn = Math.Max(lastColumn ?? column, column);
                }
            }
        }

        if (firstRow is null)
        {
            return new LongitudeSpan(span.West, span.Width).ToBox(south, north);
        }

        var kept = new LongitudeSpan(LongitudeSpan.Wrap(span.West + (firstColumn!.Value * dLon)), (lastColumn!.Value - firstColumn.Value + 1) * dLon);
        return kept.ToBox(south + (firstRow.Value * dLat), Math.Min(north, south + ((lastRow!.Value + 1) * dLat)));
    }

    /// <summary>The farthest a point of the cell can be from its centre: the farthest corner, with a margin for rounding.</summary>
    private static double HalfDiagonalM(GeoPoint centre, double dLat, double dLon)
    {
        var farthest = 0.0;
        foreach (var sLat in new[] { -0.5, 0.5 })
        {
            foreach (var sLon in new[] { -0.5, 0.5 })
            {
                var corner = new GeoPoint(Math.Clamp(centre.Latitude + (sLat * dLat), -90, 90), LongitudeSpan.Wrap(centre.Longitude + (sLon * dLon)));
                farthest = Math.Max(farthest, centre.DistanceKmTo(corner) * 1000);
            }
        }

        // Edges along parallels bulge away from the centre slightly more than the corners near the poles.
        return (farthest * 1.01) + 1;
    }
}
