using System.Runtime.CompilerServices;

namespace Liaison.Core.Tests.Validation;

/// <summary>
/// Finds the shared STIX reference data (schemas, example bundles) and this folder's fixtures. The repository is
/// cloned at X and the shared data lives at X/../shared/stix (or X/shared/stix); builds may put binaries anywhere
/// (e.g. a private artifacts path), so the search starts both from the test binaries and from this source file.
/// LIAISON_STIX_DIR overrides the search.
/// </summary>
internal static class StixTestData
{
    private static readonly Lazy<string> Root = new(Locate);

    public static string StixDirectory => Root.Value;

    public static string SchemasDirectory => Path.Combine(StixDirectory, "schemas");

    public static string ExamplesDirectory => Path.Combine(StixDirectory, "examples");

    public static string FixturesDirectory { get; } = Path.Combine(SourceDirectory(), "fixtures");

    private static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable("LIAISON_STIX_DIR");
        if (!string.IsNullOrEmpty(overridden))
        {
            return Directory.Exists(Path.Combine(overridden, "schemas"))
                ? overridden
                : throw new InvalidOperationException($"LIAISON_STIX_DIR='{overridden}' has no schemas/ folder");
        }

        var tried = new List<string>();
        foreach (var start in new[] { AppContext.BaseDirectory, SourceDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "stix"), Path.Combine(dir.FullName, "..", "shared", "stix") })
                {
                    tried.Add(candidate);
                    if (Directory.Exists(Path.Combine(candidate, "schemas")))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        throw new InvalidOperationException(
            "STIX reference data not found: expected a 'shared/stix' folder (with schemas/ and examples/) next to or above the repository. " +
            $"Set LIAISON_STIX_DIR to its path. Looked in: {string.Join(", ", tried.Distinct())}");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
