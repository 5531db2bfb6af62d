namespace Liaison.Core.Deconfliction;

/// <summary>
/// The minima between every pair of domains (a protected site counting as none), worked out once from the rules: a
/// check compares one notice with many candidates and should not rebuild the same minima for each.
/// </summary>
internal sealed class MinimaTable
{
    private const int Site = 3;

    private readonly SeparationMinima[,] _pairs = new SeparationMinima[4, 4];

    public MinimaTable(DeconflictionRules rules)
    {
        for (var a = 0; a < 4; a++)
        {
            for (var b = 0; b < 4; b++)
            {
                _pairs[a, b] = rules.Between(a == Site ? null : (ActivityDomain)a, b == Site ? null : (ActivityDomain)b);
            }
        }
    }

    public SeparationMinima Between(ActivityDomain? a, ActivityDomain? b) => _pairs[a is { } x ? (int)x : Site, b is { } y ? (int)y : Site];
}
