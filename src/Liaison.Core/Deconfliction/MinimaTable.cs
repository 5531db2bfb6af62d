namespace Liaison.Core.Deconfliction;

/// <summary>
/// The minima between every pair of domains (a protected site counting as none), worked out once from the rules: a
/// check compares one notice with many candidates and should not rebuild the same minima for each.
/// </summary>
internal sealed class MinimaTable
{
    private const int Site = 3;

    private readonly SeparationMinima[,] _pairs = new SeparationMinima[Rows, Rows];

    public MinimaTable(DeconflictionRules rules)
    {
        for (var a = 0; a < Rows; a++)
        {
            for (var b = 0; b < Rows; b++)
            {
                _pairs[a, b] = rules.Between(a == Site ? null : (ActivityDomain)a, b == Site ? null : (ActivityDomain)b);
            }
        }
    }

    /// <summary>How many rows the table has: one per domain and one for protected sites.</summary>
    public const int Rows = 4;

    public SeparationMinima Between(ActivityDomain? a, ActivityDomain? b) => _pairs[RowOf(a), RowOf(b)];

    public SeparationMinima Between(ActivityDomain? a, int row) => _pairs[RowOf(a), row];

    /// <summary>The row of a domain (null: a protected site).</summary>
    public static int RowOf(ActivityDomain? domain) => domain is { } d ? (int)d : Site;
}
