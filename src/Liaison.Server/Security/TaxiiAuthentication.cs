using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Liaison.Core;
using Liaison.Server.Taxii;
using Microsoft.AspNetCore.Http;

namespace Liaison.Server.Security;

/// <summary>
/// Every request, discovery included, must authenticate with HTTP Basic (principal name and password) or a bearer
/// token. Secrets are checked by the store (Argon2id, constant-time comparison); a successful check is remembered
/// for a short while under the SHA-256 of the header so that each request does not pay Argon2id again.
/// </summary>
internal sealed class TaxiiAuthentication(StorePool stores, LoginThrottle throttle, IClock clock, LiaisonServerOptions options)
{
    public const string PrincipalItem = "liaison.principal";

    private readonly ConcurrentDictionary<string, (string Principal, DateTimeOffset Until)> _recent = new(StringComparer.Ordinal);

    public static string PrincipalOf(HttpContext context) => (string)context.Items[PrincipalItem]!;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var delay = throttle.DelayFor(client);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
        }

        var principal = Authenticate(context.Request.Headers.Authorization.ToString());
        if (principal is null)
        {
            throttle.Failed(client);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"liaison\", Bearer realm=\"liaison\"";
            await TaxiiError.Write(context, StatusCodes.Status401Unauthorized, "Authentication required",
                "send HTTP Basic credentials (principal name and password) or a bearer token").ConfigureAwait(false);
            return;
        }

        throttle.Succeeded(client);
        context.Items[PrincipalItem] = principal;
        await next(context).ConfigureAwait(false);
    }

    private string? Authenticate(string header)
    {
        if (string.IsNullOrEmpty(header) || header.Length > 4096)
        {
            return null;
        }

        var cacheKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(header)));
        var now = clock.UtcNow;
        if (_recent.TryGetValue(cacheKey, out var remembered) && remembered.Until > now)
        {
            return remembered.Principal;
        }

        var principal = Verify(header);
        if (principal is not null)
        {
            if (_recent.Count > 10_000)
            {
                _recent.Clear();
            }

            _recent[cacheKey] = (principal, now + options.AuthenticationCacheLifetime);
        }

        return principal;
    }

    private string? Verify(string header)
    {
        using var lease = stores.Rent();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return lease.Store.AuthenticateToken(header[7..].Trim());
        }

        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : lease.Store.AuthenticatePassword(decoded[..colon], decoded[(colon + 1)..]);
    }
}
