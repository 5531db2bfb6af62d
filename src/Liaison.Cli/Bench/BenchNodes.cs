using Liaison.Cli.Node;
using Liaison.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Liaison.Cli.Bench;

/// <summary>What the end-to-end benchmarks set up the same way: the generated corpus and a node served on loopback.</summary>
internal static class BenchNodes
{
    /// <summary>Writes the reproducible mixed corpus of <paramref name="count"/> objects as one bundle; returns its path.</summary>
    public static string WriteCorpus(string directory, int count, int seed)
    {
        var corpus = Path.Combine(directory, "corpus.json");
        using var file = File.Create(corpus);
        new CorpusGenerator(seed).Write(file, count);
        return corpus;
    }

    /// <summary>Serves the node in <paramref name="home"/> over HTTP on a free loopback port, without logging.</summary>
    public static async Task<(WebApplication App, Uri Discovery)> ServeAsync(NodeHome home, CancellationToken cancel, int? maxContentLength = null)
    {
        var builder = LiaisonServer.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var options = new LiaisonServerOptions { DatabasePath = home.DatabasePath };
        var app = LiaisonServer.Build(builder, maxContentLength is { } limit ? options with { MaxContentLength = limit } : options, SystemClock.Instance);
        await app.StartAsync(cancel).ConfigureAwait(false);
        return (app, new Uri(app.Urls.First().TrimEnd('/') + "/taxii2/"));
    }
}
