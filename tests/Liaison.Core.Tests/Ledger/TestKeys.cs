using System.Text;
using Liaison.Core.Crypto;

namespace Liaison.Core.Tests.Ledger;

/// <summary>Fixed Ed25519 keys: Ed25519 is deterministic, so these give fixed signatures that golden tests can pin.</summary>
internal static class TestKeys
{
    private const string FraPem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIG5pQ+hnXYsO6JNfC45QF9glhXXIp61QchqxlJlqw6gW\n-----END PRIVATE KEY-----\n";
    private const string RusPem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEILkgFYlAfz4180JSoy4IvxYqTh3+vqTUEXv21sebn/mx\n-----END PRIVATE KEY-----\n";

    public const string FraOrigin = "liaison/identity--a6e3b4f0-1d3e-4c7a-9a57-0c6f3f1b2a10";
    public const string RusOrigin = "liaison/identity--c1d2e3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    /// <summary>The French node's key. Dispose it.</summary>
    public static NodeKey Fra() => NodeKey.Import(Encoding.ASCII.GetBytes(FraPem));

    /// <summary>The Russian node's key. Dispose it.</summary>
    public static NodeKey Rus() => NodeKey.Import(Encoding.ASCII.GetBytes(RusPem));
}
