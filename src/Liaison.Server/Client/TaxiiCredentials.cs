using System.Net.Http.Headers;
using System.Text;

namespace Liaison.Server.Client;

/// <summary>How this node authenticates to a remote TAXII server: HTTP Basic or a bearer token.</summary>
public sealed record TaxiiCredentials
{
    private TaxiiCredentials(string? user, string secret)
    {
        User = user;
        Secret = secret;
    }

    /// <summary>The user name for HTTP Basic; null for a bearer token.</summary>
    public string? User { get; }

    /// <summary>The password or token. Never logged or printed.</summary>
    public string Secret { get; }

    /// <summary>HTTP Basic credentials.</summary>
    public static TaxiiCredentials Basic(string user, string password) => new(user, password);

    /// <summary>A bearer token.</summary>
    public static TaxiiCredentials Bearer(string token) => new(null, token);

    /// <summary>The <c>Authorization</c> header value.</summary>
    public AuthenticationHeaderValue Header() => User is null
        ? new AuthenticationHeaderValue("Bearer", Secret)
        : new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Secret}")));

    /// <inheritdoc />
    public override string ToString() => User is null ? "bearer token (hidden)" : $"user {User}, password (hidden)";
}
