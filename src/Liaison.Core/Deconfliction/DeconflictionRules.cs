namespace Liaison.Core.Deconfliction;

/// <summary>
/// The separation minima of each domain. Two activities of different domains keep the stricter minimum of the two
/// in each dimension; an activity keeps its own domain's minima from a protected site. Immutable.
/// </summary>
/// <param name="Air">Minima between air activities.</param>
/// <param name="Sea">Minima between sea activities.</param>
/// <param name="Land">Minima between land activities.</param>
public sealed record DeconflictionRules(SeparationMinima Air, SeparationMinima Sea, SeparationMinima Land)
{
    /// <summary>
    /// Defaults, to be set by each node from its own doctrine: air 5 NM (9,260 m), 1,000 ft (300 m), 15 minutes (the
    /// usual procedural separations); sea 1 NM (1,852 m), 0 m, 30 minutes; land 1 km, 0 m, 15 minutes.
    /// </summary>
    public static DeconflictionRules Default { get; } = new(
        new SeparationMinima(9_260, 300, TimeSpan.FromMinutes(15)),
        new SeparationMinima(1_852, 0, TimeSpan.FromMinutes(30)),
        new SeparationMinima(1_000, 0, TimeSpan.FromMinutes(15)));

    /// <summary>The minima of one domain.</summary>
    public SeparationMinima For(ActivityDomain domain) => domain switch
    {
        ActivityDomain.Air => Air,
        ActivityDomain.Sea => Sea,
        _ => Land,
    };

    /// <summary>The minima between two subjects: the stricter of their domains' (a protected site has no domain).</summary>
    public SeparationMinima Between(ActivityDomain? a, ActivityDomain? b) => (a, b) switch
    {
        ({ } x, { } y) => For(x).Max(For(y)),
        ({ } x, null) => For(x),
        (null, { } y) => For(y),
        _ => new SeparationMinima(0, 0, TimeSpan.Zero),
    };

    /// <summary>The largest lateral minimum of any domain: how far the index must look around a subject.</summary>
    public double MaxLateralM => Math.Max(Air.LateralM, Math.Max(Sea.LateralM, Land.LateralM));

    /// <summary>The largest time buffer of any domain, in microseconds.</summary>
    public long MaxTimeBufferUs => Math.Max(Air.TimeBufferUs, Math.Max(Sea.TimeBufferUs, Land.TimeBufferUs));
}
