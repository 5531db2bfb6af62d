using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using Liaison.Cli.Deconfliction;
using Liaison.Cli.Node;
using Liaison.Cli.Output;
using Liaison.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison serve --urls URL</c>: the node's TAXII 2.1 server, until interrupted.</summary>
internal static class ServeCommand
{
    public const string TlsPasswordVariable = "LIAISON_TLS_PASSWORD";

    public static Command Create(GlobalOptions globals, CliEnvironment environment)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen, e.g. http://127.0.0.1:8443 (https:// needs --tls-certificate).", DefaultValueFactory = _ => "http://127.0.0.1:8443" };
        var certificate = new Option<string?>("--tls-certificate") { Description = $"A PKCS#12 (.pfx) certificate for HTTPS; its password, if any, in ${TlsPasswordVariable}." };
        var command = new Command("serve", "Serve the node over TAXII 2.1 (discovery at /taxii2/, API root at /api/); every request must authenticate.") { urls, certificate };
        command.SetAction(async (parse, cancel) =>
        {
            var output = new CliOutput(environment, parse.GetValue(globals.Json));
            var home = NodeHome.Resolve(parse.GetValue(globals.Home), environment);
            var config = home.LoadConfig();
            var listen = parse.GetValue(urls)!;
            if (!Uri.TryCreate(listen, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw new CliException(ExitCodes.Usage, $"--urls '{listen}' is not an http:// or https:// URL");
            }

            var builder = LiaisonServer.CreateBuilder();
            builder.WebHost.UseUrls(listen);
            if (parse.GetValue(certificate) is { } path)
            {
                var tls = LoadCertificate(Path.Combine(environment.WorkingDirectory, path), environment.Variable(TlsPasswordVariable));
                // The slim builder leaves HTTPS out unless asked for.
                builder.WebHost.UseKestrelHttpsConfiguration();
                builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https => https.ServerCertificate = tls));
            }
            else if (uri.Scheme == "https")
            {
                throw new CliException(ExitCodes.Usage, "https:// needs --tls-certificate");
            }

            await using var app = LiaisonServer.Build(builder, new LiaisonServerOptions
            {
                DatabasePath = home.DatabasePath,
                Title = $"Liaison node {config.Name}",
                PersonMatchKeys = PersonMatchCommand.KeysOf(home),
                DeconflictionRules = MinimaFile.Load(home.Directory),
                NodeIdentityId = config.IdentityId,
            }, SystemClock.Instance);
            output.Success($"Serving node '{config.Name}' at {listen.TrimEnd('/')}/taxii2/ (Ctrl+C to stop)");
            await app.StartAsync(cancel).ConfigureAwait(false);
            await app.WaitForShutdownAsync(cancel).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static X509Certificate2 LoadCertificate(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException)
        {
            throw new CliException(ExitCodes.NodeError, $"cannot load the TLS certificate {path}: {ex.Message}");
        }
    }
}
