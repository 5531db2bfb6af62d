using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Liaison.Cli.Tests.Support;

namespace Liaison.Cli.Tests.EndToEnd;

/// <summary><c>liaison serve</c> as a real process: HTTPS with a configured certificate, and refusals without one.</summary>
public sealed class ServeTlsTests : IDisposable
{
    private readonly TempFolder _folder = new("liaison-tls");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Serve_speaks_https_with_the_configured_certificate_and_still_demands_credentials()
    {
        var home = Path.Combine(_folder.Path, "node");
        Assert.Equal(0, (await NodeProcess.RunAsync(_folder.Path, null, "--home", home, "init", "--name", "FRA")).ExitCode);
        var created = await NodeProcess.RunAsync(_folder.Path, null, "--home", home, "principal", "create", "rus", "--json");
        var password = JsonDocument.Parse(created.Output).RootElement.GetProperty("password").GetString()!;

        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(_folder.Path, "node.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx));

        var port = NodeProcess.FreePort();
        using var server = NodeProcess.Start(_folder.Path, null, "--home", home, "serve", "--urls", $"https://127.0.0.1:{port}", "--tls-certificate", pfx);
        using var handler = new HttpClientHandler
        {
            // The test trusts exactly the certificate it made.
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
        };
        using var http = new HttpClient(handler);
        var url = $"https://127.0.0.1:{port}/taxii2/";

        using (var authenticated = new HttpClient(handler, disposeHandler: false))
        {
            authenticated.DefaultRequestHeaders.Authorization = NodeProcess.Basic("rus", password);
            await server.WaitUntilServingAsync(authenticated, url);
        }

        var anonymous = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var authenticatedRequest = new HttpRequestMessage(HttpMethod.Get, url);
        authenticatedRequest.Headers.Authorization = NodeProcess.Basic("rus", password);
        var response = await http.SendAsync(authenticatedRequest);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        server.Kill();
    }

    [Fact]
    public async Task Https_without_a_certificate_is_a_usage_error()
    {
        var home = Path.Combine(_folder.Path, "node");
        Assert.Equal(0, (await NodeProcess.RunAsync(_folder.Path, null, "--home", home, "init", "--name", "FRA")).ExitCode);

        var (exit, output) = await NodeProcess.RunAsync(_folder.Path, null, "--home", home, "serve", "--urls", "https://127.0.0.1:1");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--tls-certificate", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_certificate_is_refused_naming_the_file()
    {
        var home = Path.Combine(_folder.Path, "node");
        Assert.Equal(0, (await NodeProcess.RunAsync(_folder.Path, null, "--home", home, "init", "--name", "FRA")).ExitCode);
        var bogus = Path.Combine(_folder.Path, "bogus.pfx");
        File.WriteAllText(bogus, "not a certificate");

        var (exit, output) = await NodeProcess.RunAsync(_folder.Path, null, "--home", home, "serve", "--urls", "https://127.0.0.1:1", "--tls-certificate", bogus);

        Assert.Equal(ExitCodes.NodeError, exit);
        Assert.Contains("bogus.pfx", output, StringComparison.Ordinal);
    }
}
