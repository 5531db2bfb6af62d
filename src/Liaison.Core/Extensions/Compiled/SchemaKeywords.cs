using System.Text.RegularExpressions;

namespace Liaison.Core.Extensions.Compiled;

/// <summary>The keywords of one schema object, as <see cref="SchemaCompiler"/> reads them; handed once to a <see cref="CompiledSchema"/>.</summary>
internal sealed class SchemaKeywords
{
    public JsonTypes Types { get; set; }

    public byte[]? Const { get; set; }

    public byte[][]? Enum { get; set; }

    public NumberLimit? Minimum { get; set; }

    public NumberLimit? Maximum { get; set; }

    public NumberLimit? ExclusiveMinimum { get; set; }

    public NumberLimit? ExclusiveMaximum { get; set; }

    public long MinLength { get; set; }

    public long MaxLength { get; set; } = long.MaxValue;

    public Regex? Pattern { get; set; }

    public long MinItems { get; set; }

    public long MaxItems { get; set; } = long.MaxValue;

    public bool UniqueItems { get; set; }

    public List<CompiledSchema> PrefixItems { get; } = [];

    public CompiledSchema? Items { get; set; }

    public List<(string Name, CompiledSchema Schema)> Properties { get; } = [];

    public List<(Regex Pattern, CompiledSchema Schema)> PatternProperties { get; } = [];

    public CompiledSchema? AdditionalProperties { get; set; }

    public CompiledSchema? UnevaluatedProperties { get; set; }

    public List<byte[]> Required { get; } = [];

    public CompiledSchema? Ref { get; set; }

    public List<CompiledSchema> AllOf { get; } = [];

    public List<CompiledSchema> AnyOf { get; } = [];

    public List<CompiledSchema> OneOf { get; } = [];

    public CompiledSchema? Not { get; set; }

    public CompiledSchema? If { get; set; }

    public CompiledSchema? Then { get; set; }

    public CompiledSchema? Else { get; set; }
}
