namespace Liaison.Cli;

/// <summary>The process exit codes, documented in the README.</summary>
internal static class ExitCodes
{
    /// <summary>Everything asked was done.</summary>
    public const int Ok = 0;

    /// <summary>Some input was rejected (invalid objects, unreadable file), or what was asked for does not exist.</summary>
    public const int Rejected = 1;

    /// <summary>The command line is wrong: unknown option, bad value, missing file.</summary>
    public const int Usage = 2;

    /// <summary>The node cannot be used: no node, a node already there, an unwritable home, a damaged database.</summary>
    public const int NodeError = 3;
}
