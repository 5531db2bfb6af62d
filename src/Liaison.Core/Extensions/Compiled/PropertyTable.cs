using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Liaison.Core.Extensions.Compiled;

/// <summary>The subschemas of a <c>properties</c> keyword, found by an instance property's name without allocating.</summary>
internal sealed class PropertyTable
{
    private readonly string[] _names;
    private readonly byte[][] _utf8Names;
    private readonly CompiledSchema[] _schemas;

    /// <summary>Takes the names and their subschemas.</summary>
    public PropertyTable(IReadOnlyList<(string Name, CompiledSchema Schema)> entries)
    {
        _names = new string[entries.Count];
        _utf8Names = new byte[entries.Count][];
        _schemas = new CompiledSchema[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            _names[i] = entries[i].Name;
            _utf8Names[i] = Encoding.UTF8.GetBytes(entries[i].Name);
            _schemas[i] = entries[i].Schema;
        }
    }

    /// <summary>An empty table.</summary>
    public static PropertyTable Empty { get; } = new([]);

    /// <summary>Whether the table holds no names.</summary>
    public bool IsEmpty => _names.Length == 0;

    /// <summary>The subschema for the property's name, or null when the keyword does not name it.</summary>
    public CompiledSchema? Find(JsonProperty property)
    {
        if (_names.Length == 0)
        {
            return null;
        }

        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (Utf16Text.HasEscape(raw))
        {
            var name = property.Name;
            for (var i = 0; i < _names.Length; i++)
            {
                if (string.Equals(_names[i], name, StringComparison.Ordinal))
                {
                    return _schemas[i];
                }
            }

            return null;
        }

        for (var i = 0; i < _utf8Names.Length; i++)
        {
            if (raw.SequenceEqual(_utf8Names[i]))
            {
                return _schemas[i];
            }
        }

        return null;
    }
}
