using System.Runtime.CompilerServices;

namespace Liaison.Cli.Tests.Support;

/// <summary>
/// Finds the official STIX examples: the repository is cloned at X and the shared data lives at X/../shared/stix (or
/// X/shared/stix). The search walks up from the test binaries (which a private artifacts path may put anywhere) and
/// from this source file; LIAISON_STIX_DIR overrides it (the same rules as Liaison.Core.Tests' StixTestData).
/// </summary>
internal static class StixExamples
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string Directory => Path.Combine(Root.Value, "examples");

    /// <summary>Every example file, relative to <see cref="Directory"/>, in a stable order.</summary>
    public static IEnumerable<string> Files() =>
        System.IO.Directory.GetFiles(Directory, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    private static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable("LIAISON_STIX_DIR");
        if (!string.IsNullOrEmpty(overridden))
        {
            return System.IO.Directory.Exists(Path.Combine(overridden, "examples"))
                ? overridden
                : throw new InvalidOperationException($"LIAISON_STIX_DIR='{overridden}' has no examples/ folder");
        }

        var tried = new List<string>();
        foreach (var start in new[] { AppContext.BaseDirectory, SourceDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "stix"), Path.Combine(dir.FullName, "..", "shared", "stix") })
                {
                    tried.Add(candidate);
                    if (System.IO.Directory.Exists(Path.Combine(candidate, "examples")))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        throw new InvalidOperationException(
            "STIX examples not found: expected a 'shared/stix/examples' folder next to or above the repository. " +
            $"Set LIAISON_STIX_DIR to the stix folder. Looked in: {string.Join(", ", tried.Distinct())}");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
