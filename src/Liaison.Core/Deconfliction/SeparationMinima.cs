namespace Liaison.Core.Deconfliction;

/// <summary>
/// How far apart two volumes must stay: laterally (great-circle metres between the areas), vertically (metres
/// between the bands) and in time (microseconds between the windows). Two volumes conflict when they are closer than
/// the minimum in all three at once; exactly the minimum apart is separated. Zero means "must not overlap".
/// </summary>
public sealed record SeparationMinima
{
    /// <summary>Creates minima; throws <see cref="ArgumentException"/> if any is negative or not finite.</summary>
    public SeparationMinima(double lateralM, double verticalM, TimeSpan timeBuffer)
    {
        Preconditions.CheckArgument(double.IsFinite(lateralM) && lateralM is >= 0 and <= Area.MaxBufferM, "the lateral minimum must be within [0, 1,000 km]");
        Preconditions.CheckArgument(double.IsFinite(verticalM) && verticalM is >= 0 and <= AltitudeBand.HighestM, "the vertical minimum must be within [0, 100 km]");
        Preconditions.CheckArgument(timeBuffer >= TimeSpan.Zero && timeBuffer <= TimeSpan.FromDays(365), "the time buffer must be within [0, 365 days]");
        LateralM = lateralM;
        VerticalM = verticalM;
        TimeBuffer = timeBuffer;
    }

    /// <summary>The least great-circle distance in metres between the areas.</summary>
    public double LateralM { get; }

    /// <summary>The least distance in metres between the altitude bands.</summary>
    public double VerticalM { get; }

    /// <summary>The least time between the windows.</summary>
    public TimeSpan TimeBuffer { get; }

    /// <summary>The time buffer in microseconds.</summary>
    public long TimeBufferUs => TimeBuffer.Ticks / 10;

    /// <summary>The stricter of two minima in each dimension: what two activities of different domains keep.</summary>
    public SeparationMinima Max(SeparationMinima other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Math.Max(LateralM, other.LateralM), Math.Max(VerticalM, other.VerticalM), TimeBuffer > other.TimeBuffer ? TimeBuffer : other.TimeBuffer);
    }
}
