using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Liaison.Core.Extensions;
using Liaison.Core.Geo;

namespace Liaison.Core.Deconfliction;

/// <summary>Reads a GeoJSON geometry of the extensions (<c>Polygon</c>, <c>MultiPolygon</c>, <c>LineString</c> + <c>width_m</c>, <c>Point</c> + <c>radius_m</c>) into an <see cref="Area"/>.</summary>
internal static class AreaReader
{
    public static bool TryRead(JsonElement geometry, string path, [NotNullWhen(true)] out Area? area, [NotNullWhen(false)] out (string Path, string Reason)? error)
    {
        area = null;
        if (geometry.ValueKind != JsonValueKind.Object || !geometry.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
            || !geometry.TryGetProperty("coordinates", out var coordinates))
        {
            error = (path, "must be a GeoJSON geometry with a type and coordinates");
            return false;
        }

        var coordinatesPath = JsonPathText.Property(path, "coordinates");
        try
        {
            AreaError? areaError;
            switch (type.GetString())
            {
                case "Point":
                    var radius = Number(geometry, "radius_m", path);
                    if (!(radius is > 0 and <= Area.MaxBufferM))
                    {
                        throw new ShapeException(JsonPathText.Property(path, "radius_m"), "must be within (0, 1,000,000] metres");
                    }

                    area = Area.Circle(Position(coordinates, coordinatesPath), radius);
                    break;
                case "LineString":
                    Area.TryCorridor(Positions(coordinates, coordinatesPath), Number(geometry, "width_m", path), out area, out areaError);
                    return Done(area, areaError, coordinatesPath, out error);
                case "Polygon":
                    Area.TryPolygon(Rings(coordinates, coordinatesPath), out area, out areaError);
                    return Done(area, areaError, coordinatesPath, out error);
                case "MultiPolygon":
                    var polygons = Items(coordinates, coordinatesPath).Select((p, i) => Rings(p, JsonPathText.Index(coordinatesPath, i))).ToList();
                    Area.TryMultiPolygon(polygons, out area, out areaError);
                    return Done(area, areaError, coordinatesPath, out error);
                default:
                    error = (JsonPathText.Property(path, "type"), "must be Polygon, MultiPolygon, LineString (with width_m) or Point (with radius_m)");
                    return false;
            }
        }
        catch (ShapeException ex)
        {
            error = (ex.Path, ex.Message);
            return false;
        }

        error = null;
        return true;
    }

    private static bool Done([NotNullWhen(true)] Area? area, AreaError? areaError, string coordinatesPath, [NotNullWhen(false)] out (string Path, string Reason)? error)
    {
        error = area is null ? (coordinatesPath + areaError!.CoordinatesPath, areaError.Reason) : null;
        return area is not null;
    }

    private static double Number(JsonElement geometry, string name, string path) =>
        geometry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new ShapeException(JsonPathText.Property(path, name), $"required property '{name}' is missing or not a number");

    private static List<JsonElement> Items(JsonElement array, string path) =>
        array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : throw new ShapeException(path, "must be an array");

    private static List<IReadOnlyList<GeoPoint>> Rings(JsonElement polygon, string path) =>
        Items(polygon, path).Select((ring, i) => (IReadOnlyList<GeoPoint>)Positions(ring, JsonPathText.Index(path, i))).ToList();

    private static List<GeoPoint> Positions(JsonElement line, string path) =>
        Items(line, path).Select((p, i) => Position(p, JsonPathText.Index(path, i))).ToList();

    private static GeoPoint Position(JsonElement position, string path)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is < 2 or > 3
            || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
        {
            throw new ShapeException(path, "must be a GeoJSON position [longitude, latitude]");
        }

        var lon = position[0].GetDouble();
        var lat = position[1].GetDouble();
        return lon is >= -180 and <= 180 && lat is >= -90 and <= 90
            ? new GeoPoint(lat, lon)
            : throw new ShapeException(path, "longitude must be within [-180, 180] and latitude within [-90, 90]");
    }

    /// <summary>A malformed geometry, thrown inside the reader only and turned into an error with its path.</summary>
    [SuppressMessage("Design", "CA1064:Exceptions should be public", Justification = "never leaves the reader")]
    [SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "never leaves the reader")]
    private sealed class ShapeException(string path, string message) : Exception(message)
    {
        public string Path { get; } = path;
    }
}
