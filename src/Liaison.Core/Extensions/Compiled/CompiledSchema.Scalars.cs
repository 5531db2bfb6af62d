using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Liaison.Core.Extensions.Compiled;

internal sealed partial class CompiledSchema
{
    private long _minLength;
    private long _maxLength = long.MaxValue;
    private Regex? _pattern;
    private NumberLimit? _minimum;
    private NumberLimit? _maximum;
    private NumberLimit? _exclusiveMinimum;
    private NumberLimit? _exclusiveMaximum;

    private void DefineScalars(SchemaKeywords keywords)
    {
        _minLength = keywords.MinLength;
        _maxLength = keywords.MaxLength;
        _pattern = keywords.Pattern;
        _minimum = keywords.Minimum;
        _maximum = keywords.Maximum;
        _exclusiveMinimum = keywords.ExclusiveMinimum;
        _exclusiveMaximum = keywords.ExclusiveMaximum;
    }

    private bool NumberIsValid(JsonElement instance) =>
        (_minimum is null || _minimum.CompareWith(instance) >= 0)
        && (_maximum is null || _maximum.CompareWith(instance) <= 0)
        && (_exclusiveMinimum is null || _exclusiveMinimum.CompareWith(instance) > 0)
        && (_exclusiveMaximum is null || _exclusiveMaximum.CompareWith(instance) < 0);

    private bool StringIsValid(JsonElement instance)
    {
        if (_pattern is null && _minLength == 0 && _maxLength == long.MaxValue)
        {
            return true;
        }

        return Utf16Text.TestString(JsonMarshal.GetRawUtf8Value(instance), this, static (schema, text) => schema.TextIsValid(text));
    }

    private bool TextIsValid(ReadOnlySpan<char> text) => LengthIsValid(text) && (_pattern is null || _pattern.IsMatch(text));

    /// <summary>
    /// JsonSchema.Net measures a string in text elements (grapheme clusters), not UTF-16 units or code points: "e"
    /// followed by a combining accent, "\r\n" and a flag made of two regional indicators each count one.
    /// </summary>
    private bool LengthIsValid(ReadOnlySpan<char> text)
    {
        if (_minLength == 0 && _maxLength == long.MaxValue)
        {
            return true;
        }

        long count = 0;
        while (!text.IsEmpty && count <= _maxLength)
        {
            if (count >= _minLength && _maxLength == long.MaxValue)
            {
                return true;
            }

            text = text[StringInfo.GetNextTextElementLength(text)..];
            count++;
        }

        return count >= _minLength && count <= _maxLength;
    }
}
