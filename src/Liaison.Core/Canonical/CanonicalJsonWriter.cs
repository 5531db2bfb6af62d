using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Liaison.Core.Canonical;

/// <summary>
/// Walks a <see cref="JsonElement"/> and writes its RFC 8785 form straight into an
/// <see cref="IBufferWriter{T}"/>, working on the raw UTF-8 of the parsed document so that strings
/// without escapes are copied, not decoded and re-encoded.
/// </summary>
internal ref partial struct CanonicalJsonWriter
{
    private readonly IBufferWriter<byte> _output;
    private readonly CanonicalScratch _scratch;
    private Span<byte> _span;
    private int _position;
    private int _namesUsed;
    private int _membersUsed;
    private int _depth;

    public CanonicalJsonWriter(IBufferWriter<byte> output, CanonicalScratch scratch)
    {
        _output = output;
        _scratch = scratch;
    }

    public void WriteRoot(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("the JsonElement is undefined (default); pass an element of a parsed document", nameof(element));
        }

        WriteValue(element);
        _output.Advance(_position);
        _position = 0;
        _span = default;
    }

    private void WriteValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element);
                break;
            case JsonValueKind.Array:
                WriteArray(element);
                break;
            case JsonValueKind.String:
                WriteStringValue(JsonMarshal.GetRawUtf8Value(element));
                break;
            case JsonValueKind.Number:
                WriteNumber(JsonMarshal.GetRawUtf8Value(element));
                break;
            case JsonValueKind.True:
                WriteBytes("true"u8);
                break;
            case JsonValueKind.False:
                WriteBytes("false"u8);
                break;
            default:
                WriteBytes("null"u8);
                break;
        }
    }

    private void WriteObject(JsonElement element)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var first = _membersUsed;
        var namesMark = _namesUsed;
        foreach (var property in element.EnumerateObject())
        {
            var start = _namesUsed;
            _namesUsed += UnescapeIntoArena(JsonMarshal.GetRawUtf8PropertyName(property), isName: true);
            _scratch.ReserveMember(_membersUsed);
            _scratch.Members[_membersUsed++] = new PendingMember(start, _namesUsed - start, property.Value);
        }

        var count = _membersUsed - first;
        var names = _scratch.Names;
        var members = _scratch.Members.AsSpan(first, count);
        MemberNameComparer.Sort(members, names);
        for (var i = 1; i < members.Length; i++)
        {
            var name = names.AsSpan(members[i].NameStart, members[i].NameLength);
            if (name.SequenceEqual(names.AsSpan(members[i - 1].NameStart, members[i - 1].NameLength)))
            {
                var path = FormatPath();
                throw new CanonicalizationException(
                    $"the object at {path} has the member name '{Describe(name)}' more than once; RFC 8785 (I-JSON) requires unique names",
                    path);
            }
        }

        WriteByte((byte)'{');
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                WriteByte((byte)',');
            }

            // Re-read through _scratch on every turn: nested objects may have grown (replaced) the arrays.
            var member = _scratch.Members[first + i];
            WriteEscapedString(_scratch.Names.AsSpan(member.NameStart, member.NameLength));
            WriteByte((byte)':');
            PushPath(first + i);
            WriteValue(member.Value);
            _depth--;
        }

        WriteByte((byte)'}');
        _membersUsed = first;
        _namesUsed = namesMark;
    }

    private void WriteArray(JsonElement element)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        WriteByte((byte)'[');
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (index > 0)
            {
                WriteByte((byte)',');
            }

            PushPath(~index);
            WriteValue(item);
            _depth--;
            index++;
        }

        WriteByte((byte)']');
    }

    private void WriteNumber(ReadOnlySpan<byte> raw)
    {
        // Fast path: an integer of at most 15 digits is an exact double that ECMAScript prints digit for digit.
        // The parser has already checked the JSON number grammar, so no leading zeros and '-' only first.
        var negative = raw[0] == (byte)'-';
        if (raw.Length - (negative ? 1 : 0) <= 15 && !raw.ContainsAny((byte)'.', (byte)'e', (byte)'E'))
        {
            WriteBytes(raw.Length == 2 && negative && raw[1] == (byte)'0' ? "0"u8 : raw);
            return;
        }

        var value = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            var path = FormatPath();
            throw new CanonicalizationException(
                $"the number at {path} ({Describe(raw)}) is outside the range of an IEEE-754 double; RFC 8785 (I-JSON) allows only finite doubles",
                path);
        }

        Ensure(EcmaScriptNumber.MaxLength);
        _position += EcmaScriptNumber.Format(value, _span[_position..]);
    }

    private void PushPath(int segment)
    {
        _scratch.ReservePath(_depth);
        _scratch.Path[_depth++] = segment;
    }

    private void Ensure(int count)
    {
        if (_span.Length - _position < count)
        {
            Grow(count);
        }
    }

    private void Grow(int count)
    {
        _output.Advance(_position);
        _position = 0;
        _span = _output.GetSpan(Math.Max(count, 1024));
    }

    private void WriteByte(byte value)
    {
        if (_position >= _span.Length)
        {
            Grow(1);
        }

        _span[_position++] = value;
    }

    private void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_span[_position..]);
        _position += bytes.Length;
    }
}
