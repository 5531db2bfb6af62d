namespace Liaison.Core.Deconfliction;

/// <summary>The GeoJSON shape an <see cref="Area"/> was given as.</summary>
public enum AreaShape
{
    /// <summary>A GeoJSON <c>Point</c> with a radius: every point within the radius.</summary>
    Circle,

    /// <summary>A GeoJSON <c>LineString</c> with a width: every point within half the width of the line.</summary>
    Corridor,

    /// <summary>A GeoJSON <c>Polygon</c>, holes allowed.</summary>
    Polygon,

    /// <summary>A GeoJSON <c>MultiPolygon</c>: the union of its polygons.</summary>
    MultiPolygon,
}
