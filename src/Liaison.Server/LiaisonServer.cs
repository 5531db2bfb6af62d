using Liaison.Core;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;
using Liaison.Server.Security;
using Liaison.Server.Taxii;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Server;

/// <summary>
/// The node's HTTP face: TAXII 2.1 (discovery at <c>/taxii2/</c>, one API root at <c>/api/</c>). The host (the CLI's
/// <c>serve</c>, or a test) creates the builder, so Kestrel, TLS or an in-memory test server are its choice.
/// </summary>
public static class LiaisonServer
{
    /// <summary>
    /// A slim builder whose content root is the program's own directory, not the working directory. The host watches
    /// its content root for configuration changes, and a node's database usually lives under the working directory
    /// (<c>./.liaison</c>): every SQLite write there woke the watcher's thread.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder() =>
        WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });

    /// <summary>Registers the server's services and builds the application with every endpoint mapped.</summary>
    public static WebApplication Build(WebApplicationBuilder builder, LiaisonServerOptions options, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        builder.Services.AddRouting();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxContentLength + 1L);
        // The container owns what holds the database open, so disposing the host closes it, whether or not the host
        // was stopped first (disposing a host does not stop it, so a stop callback alone would leave them running).
        // It disposes them in the reverse order of creation, after the server it created later: the writer first, so
        // it writes what is still queued, then the checkpointer, then the pool.
        builder.Services.AddSingleton(_ => new StorePool(options.DatabasePath, clock));
        builder.Services.AddSingleton(_ => new Liaison.Storage.Sqlite.WalCheckpointer(options.DatabasePath, TimeSpan.FromMilliseconds(250)));
        builder.Services.AddSingleton(_ => new EnvelopeWriter(options, clock));
        var app = builder.Build();

        var stores = app.Services.GetRequiredService<StorePool>();
        _ = app.Services.GetRequiredService<Liaison.Storage.Sqlite.WalCheckpointer>();
        var writer = app.Services.GetRequiredService<EnvelopeWriter>();
        var taxii = new TaxiiContext(stores, writer, options, clock);
        var authentication = new TaxiiAuthentication(stores, new LoginThrottle(clock), clock, options);

        app.UseExceptionHandler(errors => errors.Run(context =>
        {
            var failure = context.Features.Get<IExceptionHandlerFeature>()?.Error;
            return TaxiiError.Write(context, StatusCodes.Status500InternalServerError, "Internal error",
                failure is Liaison.Storage.StoreException store ? store.Message : "the server could not complete the request; see its log");
        }));

        // Routing/method errors that produce no body (404 for unknown paths, 405) still answer with a TAXII error.
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            await TaxiiError.Write(context.HttpContext, response.StatusCode, response.StatusCode == 405 ? "Method not allowed" : "Not found",
                response.StatusCode == 405 ? $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}" : $"nothing at {context.HttpContext.Request.Path}").ConfigureAwait(false);
        });

        app.Use(authentication.InvokeAsync);
        app.Use(async (context, next) =>
        {
            if (!TaxiiMediaType.IsAcceptable(context.Request.Headers.Accept.ToString()))
            {
                await TaxiiError.Write(context, StatusCodes.Status406NotAcceptable, "Not acceptable",
                    $"this server answers with {TaxiiMediaType.Taxii}; the Accept header '{context.Request.Headers.Accept}' excludes it").ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });

        DiscoveryApi.Map(app, taxii);
        CollectionsApi.Map(app, taxii);
        ObjectsApi.Map(app, taxii);
        PostObjectsApi.Map(app, taxii, new StixValidator(LiaisonExtensions.Instance));
        Persons.PersonMatchApi.Map(app, taxii);
        return app;
    }
}
