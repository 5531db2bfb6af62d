namespace Liaison.Core.Deconfliction;

/// <summary>
/// A minor great-circle arc with what the distance and crossing tests ask of it worked out once: the normal of its
/// great circle (<c>From × To</c>), that normal's length and the unit normal. An area keeps its edges in this form,
/// so comparing it with many others does not redo the same cross products and square roots for every pair of edges.
/// </summary>
internal readonly struct Arc
{
    public Arc(Vec3 from, Vec3 to)
    {
        From = from;
        To = to;
        Normal = from.Cross(to);
        NormalLength = Normal.Length;
        Unit = IsPoint ? default : (1 / NormalLength) * Normal;
    }

    public Vec3 From { get; }

    public Vec3 To { get; }

    /// <summary><c>From × To</c>: its length is the sine of the arc's angle.</summary>
    public Vec3 Normal { get; }

    public double NormalLength { get; }

    /// <summary>The unit normal of the arc's great circle (zero when <see cref="IsPoint"/>).</summary>
    public Vec3 Unit { get; }

    /// <summary>Whether the ends are too close for the arc to have a great circle: it is then measured as a point.</summary>
    public bool IsPoint => NormalLength < 1e-15;
}
