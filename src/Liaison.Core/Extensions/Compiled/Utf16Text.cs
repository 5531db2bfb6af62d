using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Liaison.Core.Extensions.Compiled;

/// <summary>Hands the UTF-16 text of raw UTF-8 JSON to a check without allocating: on the stack when it is short, else in a pooled buffer.</summary>
internal static class Utf16Text
{
    private const int StackChars = 256;

    /// <summary>A check of a text, with state so the delegate can be static (no allocation per call).</summary>
    public delegate bool Check<in TState>(TState state, ReadOnlySpan<char> text);

    /// <summary>Decodes <paramref name="utf8"/> (which must hold no JSON escapes) and runs <paramref name="check"/> on it.</summary>
    public static bool Test<TState>(ReadOnlySpan<byte> utf8, TState state, Check<TState> check)
    {
        // UTF-8 never takes fewer bytes than UTF-16 takes chars, so the byte count bounds the buffer.
        if (utf8.Length <= StackChars)
        {
            Span<char> buffer = stackalloc char[StackChars];
            return check(state, buffer[..Encoding.UTF8.GetChars(utf8, buffer)]);
        }

        var rented = ArrayPool<char>.Shared.Rent(utf8.Length);
        try
        {
            return check(state, rented.AsSpan(0, Encoding.UTF8.GetChars(utf8, rented)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Runs <paramref name="check"/> on the value of a JSON string token (raw, quotes included), unescaping it into a
    /// stack or pooled buffer when it holds escapes. Unescaping is System.Text.Json's own, so a lone surrogate throws
    /// the <see cref="InvalidOperationException"/> it throws for JsonSchema.Net.
    /// </summary>
    public static bool TestString<TState>(ReadOnlySpan<byte> rawToken, TState state, Check<TState> check)
    {
        var content = rawToken[1..^1];
        if (!HasEscape(content))
        {
            return Test(content, state, check);
        }

        // An escape never takes fewer bytes than the chars it stands for.
        char[]? rented = null;
        var buffer = content.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(content.Length));
        try
        {
            var reader = new Utf8JsonReader(rawToken);
            reader.Read();
            return check(state, buffer[..reader.CopyString(buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether raw JSON text holds an escape (then only System.Text.Json's unescaping gives its value).</summary>
    public static bool HasEscape(ReadOnlySpan<byte> rawUtf8) => rawUtf8.Contains((byte)'\\');
}
