using System.Globalization;

namespace Liaison.Core.Validation;

/// <summary>
/// A JSON path inside the object being validated, built lazily: a parent path plus an optional property name and list
/// index. Nothing is concatenated until an error is reported or the walk descends into a nested object, so the
/// common (valid) case allocates no path strings.
/// </summary>
internal readonly struct Loc
{
    private readonly string _parent;
    private readonly string? _name;
    private readonly int _index;

    private Loc(string parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    /// <summary>The object itself, <c>$</c>.</summary>
    public static Loc Root => new("$", null, -1);

    /// <summary>The property <paramref name="name"/> of the value at this location.</summary>
    public Loc Prop(string name) => _name is null && _index < 0 ? new Loc(_parent, name, -1) : new Loc(ToString(), name, -1);

    /// <summary>The list element <paramref name="index"/> of the value at this location.</summary>
    public Loc At(int index) => _index < 0 ? new Loc(_parent, _name, index) : new Loc(ToString(), null, index);

    /// <summary>The last property name with its index, for messages: "labels[2]", "created".</summary>
    public string Leaf
    {
        get
        {
            if (_name is null)
            {
                return _index < 0 ? _parent : string.Concat("item [", _index.ToString(CultureInfo.InvariantCulture), "]");
            }

            return _index < 0 ? _name : string.Concat(_name, "[", _index.ToString(CultureInfo.InvariantCulture), "]");
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var path = _name is null ? _parent : Child(_parent, _name);
        return _index < 0 ? path : string.Concat(path, "[", _index.ToString(CultureInfo.InvariantCulture), "]");
    }

    private static string Child(string parent, string name)
    {
        if (name.Length == 0)
        {
            return parent + "['']";
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return $"{parent}['{name.Replace("'", "\\'", StringComparison.Ordinal)}']";
            }
        }

        return string.Concat(parent, ".", name);
    }
}
