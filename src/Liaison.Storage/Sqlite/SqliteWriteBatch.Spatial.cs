using Liaison.Core.Geo;
using Liaison.Core.Stix;

namespace Liaison.Storage.Sqlite;

/// <summary>
/// Keeps the spatial index true. Invariant: <c>geo</c> holds a row for (object, location) exactly when some stored
/// object other than a release output links them (<c>location_links</c>) and the location has coordinates
/// (<c>location_points</c>, which released locations also fill, so that a partner's object there is placed); the row
/// carries the Z-order cell and exact point of the location and the time span of the object's latest version, so a
/// box-and-time query is answered from <c>geo</c> alone before touching any object.
/// </summary>
public sealed partial class SqliteWriteBatch
{
    private const int PointCacheLimit = 10_000;

    // Points written by this batch: referencing objects usually follow their location closely.
    private readonly Dictionary<long, GeoPoint?> _points = [];

    private RawStatement _upsertPoint = null!;
    private RawStatement _deletePoint = null!;
    private RawStatement _findPoint = null!;
    private RawStatement _insertLink = null!;
    private RawStatement _linksVia = null!;
    private RawStatement _deleteLinksVia = null!;
    private RawStatement _linksOfLocation = null!;
    private RawStatement _linkExists = null!;
    private RawStatement _insertGeo = null!;
    private RawStatement _deleteGeoPair = null!;
    private RawStatement _updateGeoTime = null!;
    private RawStatement _timeOf = null!;

    private void PrepareSpatial()
    {
        _upsertPoint = Prepare(
            "INSERT INTO location_points (location_key, lat, lon) VALUES (?1, ?2, ?3) " +
            "ON CONFLICT (location_key) DO UPDATE SET lat = excluded.lat, lon = excluded.lon");
        _deletePoint = Prepare("DELETE FROM location_points WHERE location_key = ?1");
        _findPoint = Prepare("SELECT lat, lon FROM location_points WHERE location_key = ?1");
        _insertLink = Prepare("INSERT OR IGNORE INTO location_links (location_key, object_key, via_key) VALUES (?1, ?2, ?3)");
        _linksVia = Prepare("SELECT location_key, object_key FROM location_links WHERE via_key = ?1");
        _deleteLinksVia = Prepare("DELETE FROM location_links WHERE via_key = ?1");
        _linksOfLocation = Prepare("SELECT DISTINCT object_key FROM location_links WHERE location_key = ?1");
        _linkExists = Prepare("SELECT 1 FROM location_links WHERE location_key = ?1 AND object_key = ?2 LIMIT 1");
        _insertGeo = Prepare(
            "INSERT OR REPLACE INTO geo (cell, object_key, location_key, lat, lon, time_start_us, time_end_us) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        _deleteGeoPair = Prepare("DELETE FROM geo WHERE object_key = ?1 AND location_key = ?2");
        _updateGeoTime = Prepare("UPDATE geo SET time_start_us = ?1, time_end_us = ?2 WHERE object_key = ?3");
        _timeOf = Prepare("SELECT time_start_us, time_end_us FROM objects WHERE key = ?1 AND latest = 1");
    }

    private void IndexLocation(StixObject stixObject, long key, bool isNewKey, IndexFacts facts)
    {
        var span = facts.TimeSpan;
        // A brand-new key has no links, no geo rows and no point yet: skip the clean-up probes.
        if (!isNewKey)
        {
            _updateGeoTime.Bind(1, span?.Start).Bind(2, span?.End).Bind(3, key).Execute();
        }

        if (stixObject.Type == "location")
        {
            SetPoint(key, facts.Coordinates, isNewKey);
        }

        var affected = isNewKey ? null : RemoveLinksVia(key);
        foreach (var (objectId, locationId) in facts.LocationLinks)
        {
            var objectKey = objectId == stixObject.Id.Value ? key : KeyForReference(objectId);
            var locationKey = locationId == stixObject.Id.Value ? key : KeyForReference(locationId);
            _insertLink.Bind(1, locationKey).Bind(2, objectKey).Bind(3, key).Execute();
            if (affected is null && objectKey == key)
            {
                // Common path: a new object at a location; its own time span is known.
                AddGeo(objectKey, locationKey, span);
            }
            else
            {
                (affected ??= []).Add((objectKey, locationKey));
            }
        }

        if (affected is not null)
        {
            foreach (var (objectKey, locationKey) in affected)
            {
                RefreshGeo(objectKey, locationKey);
            }
        }
    }

    private void SetPoint(long locationKey, GeoPoint? point, bool isNewKey)
    {
        if (!isNewKey && Point(locationKey) == point)
        {
            return;
        }

        if (point is { } p)
        {
            _upsertPoint.Bind(1, locationKey).Bind(2, p.Latitude).Bind(3, p.Longitude).Execute();
        }
        else
        {
            _deletePoint.Bind(1, locationKey).Execute();
        }

        CachePoint(locationKey, point);
        if (isNewKey)
        {
            return;
        }

        // The location moved (or lost its coordinates): re-place everything located there.
        var objects = new List<long>();
        _linksOfLocation.Bind(1, locationKey);
        while (_linksOfLocation.Step())
        {
            objects.Add(_linksOfLocation.Int64(0));
        }

        _linksOfLocation.Reset();
        foreach (var objectKey in objects)
        {
            _deleteGeoPair.Bind(1, objectKey).Bind(2, locationKey).Execute();
            AddGeo(objectKey, locationKey, TimeOf(objectKey));
        }
    }

    private List<(long ObjectKey, long LocationKey)> RemoveLinksVia(long viaKey)
    {
        var removed = new List<(long, long)>();
        _linksVia.Bind(1, viaKey);
        while (_linksVia.Step())
        {
            removed.Add((_linksVia.Int64(1), _linksVia.Int64(0)));
        }

        _linksVia.Reset();
        if (removed.Count > 0)
        {
            _deleteLinksVia.Bind(1, viaKey).Execute();
        }

        return removed;
    }

    private void RefreshGeo(long objectKey, long locationKey)
    {
        _deleteGeoPair.Bind(1, objectKey).Bind(2, locationKey).Execute();
        if (_linkExists.Bind(1, locationKey).Bind(2, objectKey).QueryInt64() is not null)
        {
            AddGeo(objectKey, locationKey, TimeOf(objectKey));
        }
    }

    private void AddGeo(long objectKey, long locationKey, (long Start, long End)? span)
    {
        if (Point(locationKey) is not { } point)
        {
            return;
        }

        _insertGeo.Bind(1, ZOrderCell.Of(point)).Bind(2, objectKey).Bind(3, locationKey).Bind(4, point.Latitude).Bind(5, point.Longitude)
            .Bind(6, span?.Start).Bind(7, span?.End).Execute();
    }

    private GeoPoint? Point(long locationKey)
    {
        if (_points.TryGetValue(locationKey, out var cached))
        {
            return cached;
        }

        GeoPoint? point = null;
        _findPoint.Bind(1, locationKey);
        if (_findPoint.Step())
        {
            point = new GeoPoint(_findPoint.Double(0), _findPoint.Double(1));
        }

        _findPoint.Reset();

        CachePoint(locationKey, point);
        return point;
    }

    private void CachePoint(long locationKey, GeoPoint? point)
    {
        if (_points.Count >= PointCacheLimit)
        {
            _points.Clear();
        }

        _points[locationKey] = point;
    }

    private (long Start, long End)? TimeOf(long objectKey)
    {
        _timeOf.Bind(1, objectKey);
        try
        {
            return _timeOf.Step() && !_timeOf.IsNull(0) ? (_timeOf.Int64(0), _timeOf.Int64(1)) : null;
        }
        finally
        {
            _timeOf.Reset();
        }
    }
}
