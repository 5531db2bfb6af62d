using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Liaison.Core.Extensions.Compiled;

internal sealed partial class CompiledSchema
{
    private PropertyTable _properties = PropertyTable.Empty;
    private Regex[] _patternNames = [];
    private CompiledSchema[] _patternSchemas = [];
    private CompiledSchema? _additionalProperties;
    private CompiledSchema? _unevaluatedProperties;
    private byte[][] _required = [];

    private void DefineObjects(SchemaKeywords keywords)
    {
        _properties = keywords.Properties.Count == 0 ? PropertyTable.Empty : new PropertyTable(keywords.Properties);
        _patternNames = [.. keywords.PatternProperties.Select(p => p.Pattern)];
        _patternSchemas = [.. keywords.PatternProperties.Select(p => p.Schema)];
        _additionalProperties = keywords.AdditionalProperties;
        _unevaluatedProperties = keywords.UnevaluatedProperties;
        _required = [.. keywords.Required];
    }

    private bool ObjectIsValid(JsonElement instance)
    {
        foreach (var name in _required)
        {
            if (!instance.TryGetProperty(name, out _))
            {
                return false;
            }
        }

        if (_properties.IsEmpty && _patternNames.Length == 0 && _additionalProperties is null)
        {
            return true;
        }

        // Every property is checked, so a duplicated name is checked in each of its occurrences, as JsonSchema.Net does.
        foreach (var property in instance.EnumerateObject())
        {
            var named = _properties.Find(property);
            if (named is not null && !named.IsValid(property.Value))
            {
                return false;
            }

            var matched = named is not null;
            for (var i = 0; i < _patternNames.Length; i++)
            {
                if (NameMatches(_patternNames[i], property))
                {
                    matched = true;
                    if (!_patternSchemas[i].IsValid(property.Value))
                    {
                        return false;
                    }
                }
            }

            if (!matched && _additionalProperties is not null && !_additionalProperties.IsValid(property.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs after every other keyword passed: the properties no keyword evaluated must match unevaluatedProperties.</summary>
    private bool UnevaluatedPropertiesAreValid(JsonElement instance)
    {
        if (_unevaluatedProperties!._always == true)
        {
            return true;
        }

        foreach (var property in instance.EnumerateObject())
        {
            if (!Evaluates(instance, property, countOwnUnevaluated: false) && !_unevaluatedProperties.IsValid(property.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether this schema, which <paramref name="instance"/> satisfies, evaluates <paramref name="property"/> (the
    /// annotations <c>unevaluatedProperties</c> reads): named by properties or patternProperties, taken by
    /// additionalProperties or a nested unevaluatedProperties, or evaluated by a subschema applied in place that the
    /// instance satisfies. A failing subschema (an <c>if</c> that does not hold, an <c>anyOf</c> branch that does not
    /// match) evaluates nothing. Subschemas of <c>allOf</c>, <c>$ref</c> and the taken branch of <c>if</c> hold,
    /// since this schema does.
    /// </summary>
    private bool Evaluates(JsonElement instance, JsonProperty property, bool countOwnUnevaluated)
    {
        if (_always is not null)
        {
            return false;
        }

        if (_additionalProperties is not null || (countOwnUnevaluated && _unevaluatedProperties is not null)
            || _properties.Find(property) is not null)
        {
            return true;
        }

        foreach (var pattern in _patternNames)
        {
            if (NameMatches(pattern, property))
            {
                return true;
            }
        }

        if (_ref is not null && _ref.Evaluates(instance, property, countOwnUnevaluated: true))
        {
            return true;
        }

        foreach (var schema in _allOf)
        {
            if (schema.Evaluates(instance, property, countOwnUnevaluated: true))
            {
                return true;
            }
        }

        if (AnyValidEvaluates(_anyOf, instance, property) || AnyValidEvaluates(_oneOf, instance, property))
        {
            return true;
        }

        if (_if is null)
        {
            return false;
        }

        var whenTrue = _if.Evaluates(instance, property, countOwnUnevaluated: true)
            || (_then?.Evaluates(instance, property, countOwnUnevaluated: true) ?? false);
        var whenFalse = _else?.Evaluates(instance, property, countOwnUnevaluated: true) ?? false;
        return (whenTrue || whenFalse) && (_if.IsValid(instance) ? whenTrue : whenFalse);
    }

    private static bool AnyValidEvaluates(CompiledSchema[] schemas, JsonElement instance, JsonProperty property)
    {
        foreach (var schema in schemas)
        {
            if (schema.Evaluates(instance, property, countOwnUnevaluated: true) && schema.IsValid(instance))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NameMatches(Regex pattern, JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return Utf16Text.HasEscape(raw)
            ? pattern.IsMatch(property.Name)
            : Utf16Text.Test(raw, pattern, static (regex, name) => regex.IsMatch(name));
    }
}
