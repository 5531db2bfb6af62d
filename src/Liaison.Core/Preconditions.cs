using System.Runtime.CompilerServices;

namespace Liaison.Core;

/// <summary>Guards for programming errors (misuse). Expected failures are results, never exceptions.</summary>
internal static class Preconditions
{
    public static void CheckArgument(bool condition, string message, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
        {
            throw new ArgumentException($"{message} ({expression})");
        }
    }
}
