using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Liaison.Core.Persons;

/// <summary>
/// The secret two partners share for person matching, one per partner: tags made with one partner's key cannot be
/// compared with tags made for another, nor recomputed by anyone without the key. The secret is copied; immutable and
/// thread safe.
/// </summary>
public sealed class PersonMatchKey
{
    /// <summary>The shortest secret accepted, in bytes (256 bits, HMAC-SHA256's own strength).</summary>
    public const int MinimumLength = 32;

    // Domain separation: the same secret used for anything else never yields a person tag.
    private const string Context = "liaison person-match v1";

    private readonly byte[] _secret;

    /// <summary>Creates the key from the bilateral secret.</summary>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinimumLength"/> bytes.</exception>
    public PersonMatchKey(ReadOnlySpan<byte> secret)
    {
        Preconditions.CheckArgument(secret.Length >= MinimumLength, "a person-match key has at least 32 bytes");
        _secret = secret.ToArray();
    }

    /// <summary>The tag of one name key and birth year: HMAC-SHA256(secret, context ∥ 0 ∥ key ∥ 0 ∥ year), lower-case hex.</summary>
    internal string Tag(string nameKey, int birthYear)
    {
        var input = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Context}\0{nameKey}\0{birthYear:D4}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(_secret, input));
    }

    /// <summary>The tags of a person: one per key of each of its names, for its birth year.</summary>
    internal HashSet<string> Tags(IEnumerable<string> names, int birthYear)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            foreach (var key in NameKeys.Of(name))
            {
                tags.Add(Tag(key, birthYear));
            }
        }

        return tags;
    }
}
