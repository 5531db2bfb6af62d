using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace Liaison.Storage.Taxii;

/// <summary>
/// Slow salted hashes of secrets (passwords, bearer tokens): Argon2id (RFC 9106) with OWASP's minimum parameters
/// (19 MiB, 2 passes, 1 lane) and a 16-byte random salt per secret, stored in the PHC string format
/// <c>$argon2id$v=19$m=19456,t=2,p=1$salt$hash</c> so a later change of parameters still verifies old hashes.
/// Comparisons take constant time. Thread safe.
/// </summary>
internal static class SecretHasher
{
    public const string TokenPrefix = "lsn_";
    private const int TokenBytes = 32;
    private const int PasswordBytes = 24;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int MemoryKiB = 19 * 1024;
    private const int Passes = 2;
    private const int MaxSecretLength = 4096;

    private static readonly Argon2id Default = Argon2(MemoryKiB, Passes);

    /// <summary>A generated password: 24 random bytes, base64url (32 characters).</summary>
    public static string NewPassword() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(PasswordBytes));

    /// <summary>A bearer token: <c>lsn_</c> and 32 random bytes in base64url (47 characters).</summary>
    public static string NewToken() => TokenPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));

    /// <summary>
    /// Where a token's row is found without trying every principal: the first 8 bytes of its SHA-256, in hex. It only
    /// narrows the search; the Argon2id hash decides.
    /// </summary>
    public static string TokenLookup(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)).AsSpan(0, 8));

    /// <summary>Whether <paramref name="token"/> has the shape of one of our tokens (cheap checks before any hashing).</summary>
    public static bool LooksLikeToken(string? token) =>
        token is { Length: > 4 and <= 256 } && token.StartsWith(TokenPrefix, StringComparison.Ordinal);

    /// <summary>The PHC string of a new salted hash of <paramref name="secret"/>.</summary>
    public static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Default.DeriveBytes(Encoding.UTF8.GetBytes(secret), salt, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"$argon2id$v=19$m={MemoryKiB},t={Passes},p=1${B64(salt)}${B64(hash)}");
    }

    /// <summary>Whether <paramref name="secret"/> matches the stored PHC string; false for anything malformed.</summary>
    public static bool Verify(string secret, string stored)
    {
        if (secret.Length > MaxSecretLength || !TryParse(stored, out var memory, out var passes, out var salt, out var expected))
        {
            Burn(secret);
            return false;
        }

        var algorithm = memory == MemoryKiB && passes == Passes ? Default : Argon2(memory, passes);
        var actual = algorithm.DeriveBytes(Encoding.UTF8.GetBytes(secret), salt, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one verification, so an unknown name answers as slowly as a wrong password.</summary>
    public static void Burn(string secret)
    {
        Span<byte> salt = stackalloc byte[SaltBytes];
        Span<byte> output = stackalloc byte[HashBytes];
        var bytes = Encoding.UTF8.GetBytes(secret.Length > MaxSecretLength ? secret[..MaxSecretLength] : secret);
        Default.DeriveBytes(bytes, salt, output);
    }

    private static Argon2id Argon2(long memoryKiB, long passes) =>
        PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters { DegreeOfParallelism = 1, MemorySize = memoryKiB, NumberOfPasses = passes });

    private static bool TryParse(string stored, out long memory, out long passes, out byte[] salt, out byte[] hash)
    {
        memory = passes = 0;
        salt = hash = [];
        var parts = stored.Split('$');
        if (parts.Length != 6 || parts[0].Length != 0 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }

        var parameters = parts[3].Split(',');
        if (parameters.Length != 3
            || !TryParameter(parameters[0], "m=", out memory) || memory is < 8 or > 1024 * 1024
            || !TryParameter(parameters[1], "t=", out passes) || passes is < 1 or > 16
            || parameters[2] != "p=1")
        {
            return false;
        }

        return TryB64(parts[4], out salt) && salt.Length == SaltBytes
            && TryB64(parts[5], out hash) && hash.Length is >= 16 and <= 64;
    }

    private static bool TryParameter(string text, string name, out long value)
    {
        value = 0;
        return text.StartsWith(name, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(name.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    // PHC strings use standard base64 without padding.
    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryB64(string text, out byte[] bytes)
    {
        var padded = text + new string('=', (4 - (text.Length % 4)) % 4);
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }
}
