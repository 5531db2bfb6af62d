using System.Text;

namespace Liaison.Core.Input;

/// <summary>Finds invalid UTF-8 before the JSON parser sees it, so the error can say where.</summary>
internal static class Utf8Check
{
    /// <summary>Returns the offset of the first invalid UTF-8 sequence, or -1 when the bytes are valid.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }

        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}
