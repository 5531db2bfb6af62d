using System.Buffers;
using System.Text.Json;

namespace Liaison.Core.Canonical;

/// <summary>
/// The JSON Canonicalization Scheme of RFC 8785: one exact byte sequence for every I-JSON value, however it was
/// written, so that objects can be hashed and signed (see <see cref="ContentHash"/>).
/// </summary>
/// <remarks>
/// <para>
/// The output is UTF-8 without whitespace; object members are sorted by their names' UTF-16 code units; strings
/// escape only <c>"</c>, <c>\</c> and controls below U+0020 (<c>\b \t \n \f \r</c>, else <c>\u00xx</c> in lower
/// case) and carry everything else, U+2028 and U+2029 included, as raw UTF-8; numbers are written as ECMAScript's
/// <c>Number.prototype.toString</c> writes their IEEE-754 double (<c>1e+30</c>, <c>0.000001</c>, <c>1e-7</c>,
/// <c>-0</c> as <c>0</c>). Array order and string contents are kept exactly: no Unicode normalisation.
/// </para>
/// <para>
/// These bytes feed the ledger's hashes and signatures, so they must never change: the golden tests pin them.
/// All members are thread-safe; the element's <see cref="JsonDocument"/> must stay undisposed during a call.
/// </para>
/// </remarks>
public static class CanonicalJson
{
    /// <summary>Returns the RFC 8785 canonical UTF-8 bytes of <paramref name="element"/>.</summary>
    /// <param name="element">A value of a parsed document (not <c>default</c>).</param>
    /// <exception cref="CanonicalizationException">
    /// The value is outside I-JSON: a number beyond the double range, a string that is not valid Unicode,
    /// or a duplicate member name. The message and <see cref="CanonicalizationException.JsonPath"/> name the place.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="element"/> is <c>default</c> (undefined).</exception>
    public static byte[] Canonicalize(JsonElement element)
    {
        var scratch = CanonicalScratch.Rent();
        try
        {
            return Write(element, scratch).ToArray();
        }
        finally
        {
            CanonicalScratch.Return(scratch);
        }
    }

    /// <summary>
    /// Appends the RFC 8785 canonical UTF-8 bytes of <paramref name="element"/> to <paramref name="output"/>,
    /// allocating nothing of its own. If it throws, <paramref name="output"/> may hold a partial prefix.
    /// </summary>
    /// <param name="element">A value of a parsed document (not <c>default</c>).</param>
    /// <param name="output">Receives the bytes.</param>
    /// <exception cref="CanonicalizationException">The value is outside I-JSON; see <see cref="Canonicalize(JsonElement)"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="element"/> is <c>default</c> (undefined).</exception>
    public static void Canonicalize(JsonElement element, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var scratch = CanonicalScratch.Rent();
        try
        {
            new CanonicalJsonWriter(output, scratch).WriteRoot(element);
        }
        finally
        {
            CanonicalScratch.Return(scratch);
        }
    }

    /// <summary>
    /// Canonicalises into the scratch's own output buffer and returns a view of it, valid until
    /// <paramref name="scratch"/> is returned.
    /// </summary>
    internal static ReadOnlySpan<byte> Write(JsonElement element, CanonicalScratch scratch)
    {
        var output = scratch.Output;
        output.ResetWrittenCount();
        new CanonicalJsonWriter(output, scratch).WriteRoot(element);
        return output.WrittenSpan;
    }
}
