using Liaison.Core.Geo;

namespace Liaison.Core.Policy;

/// <summary>A cell of a <see cref="LocationCoarsening"/> grid: its band (south to north), column (west to east), centre and STIX precision.</summary>
/// <param name="Band">0 for the band touching the south pole.</param>
/// <param name="Column">0 for the column starting at longitude −180.</param>
/// <param name="Centre">The point released in place of any point of the cell.</param>
/// <param name="PrecisionMetres">The STIX <c>precision</c> released with the centre.</param>
public readonly record struct GridCell(long Band, long Column, GeoPoint Centre, double PrecisionMetres);
