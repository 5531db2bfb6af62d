using System.Runtime.CompilerServices;

namespace Liaison.Core.Tests.Canonical;

/// <summary>Finds the golden files next to this source file, wherever the build put the test binaries.</summary>
internal static class GoldenFiles
{
    private const string Folder = "Canonical/golden";

    public static byte[] Read(string name) => File.ReadAllBytes(Locate(name));

    private static string Locate(string name, [CallerFilePath] string sourceFile = "")
    {
        // The source tree, as compiled here; then the output folder; then any ancestor of the working folder
        // or of the binaries that holds the test project (builds with a separate artifacts path, path maps).
        var candidates = new List<string>
        {
            Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", "golden", name),
            Path.Combine(AppContext.BaseDirectory, Folder, name),
        };
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                candidates.Add(Path.Combine(directory.FullName, "tests", "Liaison.Core.Tests", Folder, name));
            }
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"golden file '{name}' not found; looked in: {string.Join(", ", candidates)}");
    }
}
