using System.Globalization;

namespace Liaison.Core.Deconfliction;

/// <summary>
/// A vertical extent in metres above mean sea level, floor and ceiling included, with
/// <see cref="LowestM"/> ≤ floor ≤ ceiling ≤ <see cref="HighestM"/>. A floor given as <c>"surface"</c> is kept as
/// such (<see cref="FloorIsSurface"/>) and compared as the lowest the surface can be in its domain: mean sea level at
/// sea, the lowest dry land (the Dead Sea shore, −430 m) on land.
/// </summary>
public readonly record struct AltitudeBand
{
    /// <summary>The lowest altitude a band may reach (the deepest sea), as the extension schema says.</summary>
    public const double LowestM = -11_000;

    /// <summary>The highest altitude a band may reach, as the extension schema says.</summary>
    public const double HighestM = 100_000;

    /// <summary>The lowest dry land on Earth: where a land activity "from the surface" may start.</summary>
    public const double LowestLandM = -430;

    /// <summary>The highest ground on Earth (8,849 m) and a margin: no terrain model says how high land is here.</summary>
    public const double HighestLandM = 9_000;

    /// <summary>How high a sea activity "at the surface" reaches when it gives no band: masts, decks, spray.</summary>
    public const double SeaSurfaceLayerM = 100;

    /// <summary>Creates a band; throws <see cref="ArgumentException"/> when out of range or upside down.</summary>
    public AltitudeBand(double floorM, double ceilingM, bool floorIsSurface = false)
    {
        Preconditions.CheckArgument(floorM is >= LowestM and <= HighestM && ceilingM is >= LowestM and <= HighestM, "altitudes must be within [-11,000 m, 100,000 m]");
        Preconditions.CheckArgument(floorM <= ceilingM, "a band's floor must not be above its ceiling");
        FloorM = floorM;
        CeilingM = ceilingM;
        FloorIsSurface = floorIsSurface;
    }

    /// <summary>Everything from the deepest sea to the top: what a protected site is protected in.</summary>
    public static AltitudeBand WholeColumn { get; } = new(LowestM, HighestM);

    /// <summary>The floor in metres AMSL.</summary>
    public double FloorM { get; }

    /// <summary>The ceiling in metres AMSL.</summary>
    public double CeilingM { get; }

    /// <summary>Whether the floor was given as "surface".</summary>
    public bool FloorIsSurface { get; }

    /// <summary>The floor a "surface" stands for in a domain.</summary>
    public static double SurfaceM(ActivityDomain domain) => domain == ActivityDomain.Land ? LowestLandM : 0;

    /// <summary>
    /// The band of a sea or land activity that gives none: at the surface. At sea that is mean sea level up to
    /// <see cref="SeaSurfaceLayerM"/>; on land, with no terrain model, any ground from the lowest to the highest.
    /// </summary>
    public static AltitudeBand AtSurface(ActivityDomain domain) =>
        domain == ActivityDomain.Land ? new(LowestLandM, HighestLandM, true) : new(0, SeaSurfaceLayerM, true);

    /// <summary>Metres from the top of the lower band to the bottom of the upper one; negative when they overlap.</summary>
    public double GapM(AltitudeBand other) => Math.Max(other.FloorM - CeilingM, FloorM - other.CeilingM);

    /// <summary>The part inside both, or null when they do not meet.</summary>
    public AltitudeBand? Intersect(AltitudeBand other)
    {
        var floor = Math.Max(FloorM, other.FloorM);
        var ceiling = Math.Min(CeilingM, other.CeilingM);
        return floor <= ceiling ? new AltitudeBand(floor, ceiling) : null;
    }

    /// <summary>The band grown by <paramref name="marginM"/> up and down, within the valid range.</summary>
    public AltitudeBand Widen(double marginM) =>
        new(Math.Max(LowestM, FloorM - marginM), Math.Min(HighestM, CeilingM + marginM), FloorIsSurface && marginM == 0);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(FloorIsSurface ? "surface" : $"{FloorM:0.#} m")} to {CeilingM:0.#} m");
}
