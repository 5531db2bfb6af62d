using System.Text.Json;

namespace Liaison.Core.Extensions.Compiled;

/// <summary>
/// One schema object (or boolean schema) of the extension schemas, compiled by <see cref="SchemaCompiler"/> into a
/// validity check that decides exactly as JsonSchema.Net 8 does, for the keywords the compiler accepts. It allocates
/// nothing for a valid instance (long strings borrow pooled buffers; only an escaped property name or more than 32
/// unique items allocate). Immutable once defined; <see cref="IsValid"/> is thread-safe.
/// </summary>
internal sealed partial class CompiledSchema
{
    private bool _defined;
    private bool? _always;
    private JsonTypes _types;
    private byte[]? _const;
    private byte[][]? _enum;
    private CompiledSchema? _ref;
    private CompiledSchema[] _allOf = [];
    private CompiledSchema[] _anyOf = [];
    private CompiledSchema[] _oneOf = [];
    private CompiledSchema? _not;
    private CompiledSchema? _if;
    private CompiledSchema? _then;
    private CompiledSchema? _else;

    /// <summary>Creates a schema still to be defined (a <c>$ref</c> may point at it before its keywords are read).</summary>
    public CompiledSchema(string location) => Location = location;

    /// <summary>Where the schema sits, as <c>file.json#/json/pointer</c>.</summary>
    public string Location { get; }

    /// <summary>Whether <paramref name="instance"/> is valid against this schema.</summary>
    /// <exception cref="InvalidOperationException">
    /// A string the schema reads holds an escaped lone surrogate, which System.Text.Json cannot unescape (JsonSchema.Net
    /// throws the same).
    /// </exception>
    public bool IsValid(JsonElement instance)
    {
        if (_always is { } always)
        {
            return always;
        }

        if ((_types != JsonTypes.None && !JsonTypesOf.Matches(_types, instance))
            || (_const is not null && !IsString(instance, _const))
            || (_enum is not null && !IsOneOf(instance, _enum)))
        {
            return false;
        }

        var valid = instance.ValueKind switch
        {
            JsonValueKind.String => StringIsValid(instance),
            JsonValueKind.Number => NumberIsValid(instance),
            JsonValueKind.Object => ObjectIsValid(instance),
            JsonValueKind.Array => ArrayIsValid(instance),
            _ => true,
        };
        return valid && AppliedSchemasAreValid(instance)
            && (_unevaluatedProperties is null || instance.ValueKind != JsonValueKind.Object || UnevaluatedPropertiesAreValid(instance));
    }

    /// <summary>Defines a boolean schema: <c>true</c> accepts everything, <c>false</c> nothing.</summary>
    public void DefineBoolean(bool value)
    {
        MarkDefined();
        _always = value;
    }

    /// <summary>Defines the schema's keywords; called once, by the compiler.</summary>
    public void Define(SchemaKeywords keywords)
    {
        MarkDefined();
        _types = keywords.Types;
        _const = keywords.Const;
        _enum = keywords.Enum;
        DefineScalars(keywords);
        DefineObjects(keywords);
        DefineArrays(keywords);
        _ref = keywords.Ref;
        _allOf = [.. keywords.AllOf];
        _anyOf = [.. keywords.AnyOf];
        _oneOf = [.. keywords.OneOf];
        _not = keywords.Not;
        _if = keywords.If;
        _then = keywords.Then;
        _else = keywords.Else;
    }

    /// <summary>
    /// Whether every item this array schema accepts is a string: no prefixItems, and items whose own <c>type</c> (or
    /// one they must also satisfy through <c>$ref</c> or <c>allOf</c>) is string.
    /// </summary>
    public bool ItemsOnlyAcceptStrings() => _prefixItems.Length == 0 && _items is not null && _items.OnlyAcceptsStrings(depth: 0);

    private bool OnlyAcceptsStrings(int depth)
    {
        if (_always == false || _types == JsonTypes.String)
        {
            return true;
        }

        if (depth > 32)
        {
            return false;
        }

        if (_ref is not null && _ref.OnlyAcceptsStrings(depth + 1))
        {
            return true;
        }

        foreach (var schema in _allOf)
        {
            if (schema.OnlyAcceptsStrings(depth + 1))
            {
                return true;
            }
        }

        return false;
    }

    private void MarkDefined()
    {
        if (_defined)
        {
            throw new InvalidOperationException($"the schema at {Location} is defined twice");
        }

        _defined = true;
    }

    private bool AppliedSchemasAreValid(JsonElement instance)
    {
        if (_ref is not null && !_ref.IsValid(instance))
        {
            return false;
        }

        foreach (var schema in _allOf)
        {
            if (!schema.IsValid(instance))
            {
                return false;
            }
        }

        if (_anyOf.Length > 0 && CountValid(_anyOf, instance, stopAt: 1) == 0)
        {
            return false;
        }

        if (_oneOf.Length > 0 && CountValid(_oneOf, instance, stopAt: 2) != 1)
        {
            return false;
        }

        if (_not is not null && _not.IsValid(instance))
        {
            return false;
        }

        // then and else apply only beside an if.
        if (_if is not null && (_if.IsValid(instance) ? _then : _else) is { } branch && !branch.IsValid(instance))
        {
            return false;
        }

        return true;
    }

    private static int CountValid(CompiledSchema[] schemas, JsonElement instance, int stopAt)
    {
        var count = 0;
        foreach (var schema in schemas)
        {
            if (schema.IsValid(instance) && ++count == stopAt)
            {
                break;
            }
        }

        return count;
    }

    private static bool IsString(JsonElement instance, byte[] utf8) =>
        instance.ValueKind == JsonValueKind.String && instance.ValueEquals(utf8);

    private static bool IsOneOf(JsonElement instance, byte[][] utf8Values)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        foreach (var value in utf8Values)
        {
            if (instance.ValueEquals(value))
            {
                return true;
            }
        }

        return false;
    }
}
