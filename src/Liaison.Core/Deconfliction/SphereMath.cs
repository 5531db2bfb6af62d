namespace Liaison.Core.Deconfliction;

/// <summary>
/// Great-circle geometry on the sphere of <see cref="Geo.GeoPoint.EarthRadiusKm"/>: angles between points, from a
/// point to a minor arc, and whether two minor arcs cross. Every formula uses atan2 of a cross and a dot product,
/// which stays accurate for tiny and for nearly opposite angles (acos and asin do not).
/// </summary>
internal static class SphereMath
{
    public const double EarthRadiusM = Geo.GeoPoint.EarthRadiusKm * 1000;

    /// <summary>The angle in radians between two unit vectors.</summary>
    public static double Angle(Vec3 a, Vec3 b) => Math.Atan2(a.Cross(b).Length, a.Dot(b));

    public static double Metres(double radians) => radians * EarthRadiusM;

    public static double Radians(double metres) => metres / EarthRadiusM;

    /// <summary>The angle from <paramref name="p"/> to the nearest point of the minor arc from a to b.</summary>
    public static double PointToArc(Vec3 p, Vec3 a, Vec3 b) => PointToArc(p, new Arc(a, b), double.PositiveInfinity);

    /// <summary>
    /// The angle from <paramref name="p"/> to the nearest point of <paramref name="arc"/>; or +∞ when that angle's
    /// tangent is surely above <paramref name="tanAbove"/> (+∞: always the angle). See <see cref="AngleOf"/>.
    /// </summary>
    public static double PointToArc(Vec3 p, in Arc arc, double tanAbove)
    {
        if (arc.IsPoint)
        {
            return AngleOf(p.Cross(arc.From).Length, p.Dot(arc.From), tanAbove);
        }

        var n = arc.Unit;
        var height = p.Dot(n);
        var foot = p - (height * n);

        // The foot of the perpendicular lies on the arc when it is between a and b going the arc's way round.
        if (arc.From.Cross(foot).Dot(n) >= 0 && foot.Cross(arc.To).Dot(n) >= 0 && foot.Length > 1e-15)
        {
            return AngleOf(Math.Abs(height), foot.Length, tanAbove);
        }

        return Math.Min(AngleOf(p.Cross(arc.From).Length, p.Dot(arc.From), tanAbove), AngleOf(p.Cross(arc.To).Length, p.Dot(arc.To), tanAbove));
    }

    /// <summary>
    /// <c>atan2(sine, cosine)</c> (sine ≥ 0), or +∞ without computing it when the angle is surely above the one
    /// whose tangent is <paramref name="tanAbove"/>: a test that only asks whether an angle is below a bound skips
    /// the arctangent for every part that is plainly too far. The angle returned, when it is, is the same number.
    /// </summary>
    public static double AngleOf(double sine, double cosine, double tanAbove)
    {
        var mayBeBelow = double.IsPositiveInfinity(tanAbove) || (cosine > 0 ? sine <= cosine * tanAbove : sine == 0 && cosine == 0);
        return mayBeBelow ? Math.Atan2(sine, cosine) : double.PositiveInfinity;
    }

    /// <summary>
    /// Whether the minor arcs a–b and c–d cross at a point inside both (touching at an end is not crossing: the
    /// distance between the arcs is then zero and callers learn it from <see cref="PointToArc(Vec3, in Arc, double)"/>).
    /// </summary>
    public static bool ArcsCross(Vec3 a, Vec3 b, Vec3 c, Vec3 d) => ArcsCross(new Arc(a, b), new Arc(c, d));

    /// <summary>Whether two minor arcs cross at a point inside both (see <see cref="ArcsCross(Vec3, Vec3, Vec3, Vec3)"/>).</summary>
    public static bool ArcsCross(in Arc first, in Arc second)
    {
        if (first.IsPoint || second.IsPoint)
        {
            return false;
        }

        var (a, b, n1, l1) = (first.From, first.To, first.Normal, first.NormalLength);
        var (c, d, n2, l2) = (second.From, second.To, second.Normal, second.NormalLength);

        // Sides of the other arc's great circle, with ends closer than SideEpsilon counted as on it: arcs sharing an
        // end or lying along each other must not be taken for crossing because of rounding.
        var c1 = Side(n1.Dot(c) / l1);
        var d1 = Side(n1.Dot(d) / l1);
        var a2 = Side(n2.Dot(a) / l2);
        var b2 = Side(n2.Dot(b) / l2);
        if (c1 * d1 >= 0 || a2 * b2 >= 0)
        {
            return false;
        }

        // The great circles meet at ±x; the arcs cross only if both lie on the same one of the two points.
        var x = n1.Cross(n2);
        return Math.Sign(x.Dot(a + b)) == Math.Sign(x.Dot(c + d)) && x.Dot(a + b) != 0;
    }

    /// <summary>About 6 µm on the Earth: below it a point is on a great circle rather than on one side.</summary>
    private const double SideEpsilon = 1e-12;

    private static int Side(double sine) => sine > SideEpsilon ? 1 : sine < -SideEpsilon ? -1 : 0;

    /// <summary>
    /// The angle between two arcs (zero when they cross or touch); or +∞ when it is surely above the angle whose
    /// tangent is <paramref name="tanAbove"/> (+∞: always the angle).
    /// </summary>
    public static double ArcToArc(in Arc first, in Arc second, double tanAbove)
    {
        if (ArcsCross(first, second))
        {
            return 0;
        }

        // Two minor arcs that do not cross are nearest at an end of one of them.
        return Math.Min(
            Math.Min(PointToArc(first.From, second, tanAbove), PointToArc(first.To, second, tanAbove)),
            Math.Min(PointToArc(second.From, first, tanAbove), PointToArc(second.To, first, tanAbove)));
    }
}
