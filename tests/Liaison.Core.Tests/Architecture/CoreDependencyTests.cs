using System.Xml.Linq;
using Liaison.Core.Stix;

namespace Liaison.Core.Tests.Architecture;

/// <summary>The domain stays free of I/O frameworks: no web, database or HTTP client dependency may creep in.</summary>
public sealed class CoreDependencyTests
{
    private static readonly string[] ForbiddenAssemblyPrefixes =
    [
        "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting", "System.Data", "Microsoft.Data", "Npgsql", "Dapper",
        "SQLitePCL", "Microsoft.EntityFrameworkCore", "System.Net.Http", "System.Net.Sockets",
    ];

    // Pure libraries Core may use: JSON Schema evaluation for extension schemas, Ed25519 signatures, the YAML
    // parser that reads agreements (text in, nodes out; no file or network access of its own).
    private static readonly string[] AllowedPackages = ["JsonSchema.Net", "NSec.Cryptography", "YamlDotNet"];

    [Fact]
    public void Core_references_no_web_database_or_http_assembly()
    {
        var references = typeof(StixObject).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var forbidden = references.Where(name => ForbiddenAssemblyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList();

        Assert.True(forbidden.Count == 0, $"Liaison.Core references {string.Join(", ", forbidden)}");
    }

    [Fact]
    public void Core_project_references_only_allowed_packages_and_no_project()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Liaison.Core", "Liaison.Core.csproj"));

        var packages = project.Descendants("PackageReference").Select(e => (string)e.Attribute("Include")!).ToList();
        var projects = project.Descendants("ProjectReference").ToList();

        Assert.All(packages, package => Assert.Contains(package, AllowedPackages));
        Assert.Empty(projects);
    }

    // The source file's own path leads to the repository even when binaries are built elsewhere.
    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(sourceFile)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Liaison.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Liaison.slnx above {sourceFile}");
    }
}
