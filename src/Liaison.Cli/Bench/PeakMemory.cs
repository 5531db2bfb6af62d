using System.Globalization;

namespace Liaison.Cli.Bench;

/// <summary>The process's peak resident memory, as the kernel counts it (VmHWM on Linux).</summary>
internal static class PeakMemory
{
    public static long? Bytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        return null;
    }
}
