using System.Text.Json;
using Liaison.Core.Extensions;
using Liaison.Core.Validation;

namespace Liaison.Core.Policy;

public sealed partial class Redaction
{
    /// <summary>What STIX says about each step of one path in one object type.</summary>
    /// <param name="RequiredReason">Why the property at this step may not be removed; null when it may.</param>
    /// <param name="Groups">"At least one of" groups of the parent that contain the property.</param>
    /// <param name="Partner">A property that must be removed together with this one (latitude with longitude).</param>
    private readonly record struct StepRule(string? RequiredReason, string[][] Groups, string? Partner);

    private sealed record PathPlan(PropertyPath Path, StepRule[] Steps)
    {
        public static PathPlan For(string type, PropertyPath path)
        {
            var segments = path.Span;
            var steps = new StepRule[segments.Length];
            var cursor = Cursor.ForType(type);
            for (var k = 0; k < segments.Length; k++)
            {
                if (segments[k].IsWildcard)
                {
                    cursor = cursor.Items();
                    continue;
                }

                steps[k] = cursor.Rule(type, segments[k].Name!, k == 0);
                cursor = cursor.Property(segments[k].Name!);
            }

            return new PathPlan(path, steps);
        }
    }

    /// <summary>
    /// Where a path step stands in the known shapes: a STIX property table (<see cref="ObjectSpec"/>), a Liaison extension
    /// schema node, or nothing known (custom content, where any property may go).
    /// </summary>
    private readonly record struct Cursor(ObjectSpec? Spec, JsonElement Schema, JsonElement SchemaRoot, bool InExtensions, string? RequiredExtension)
    {
        private static readonly string[][] NoGroups = [];

        private bool HasSchema => Schema.ValueKind == JsonValueKind.Object;

        public static Cursor ForType(string type)
        {
            if (TypeCatalog.TryGet(type, out var spec))
            {
                return new Cursor(spec, default, default, false, null);
            }

            if (LiaisonExtensions.Instance.TryGetByType(type, out var extension))
            {
                var root = extension.Schema;
                return new Cursor(TypeCatalog.CustomSdo, root, root, false, extension.Id);
            }

            return new Cursor(TypeCatalog.CustomSdo, default, default, false, null);
        }

        public StepRule Rule(string type, string name, bool topLevel)
        {
            if (InExtensions)
            {
                var required = name == RequiredExtension ? $"a {type} object must declare its extension definition {name}" : null;
                return new StepRule(required, NoGroups, null);
            }

            string? reason = null;
            var groups = NoGroups;
            if (Spec is not null)
            {
                var i = Spec.Find(name);
                if (i >= 0 && Spec.Rules[i].IsRequired)
                {
                    reason = topLevel ? $"STIX requires '{name}' on {type}" : $"STIX requires '{name}' in every {Spec.Name}";
                }

                groups = [.. Spec.AtLeastOneOf.Where(g => g.Names.Contains(name)).Select(g => g.Names)];
            }

            if (reason is null && HasSchema && Schema.TryGetProperty("required", out var requiredList) && requiredList.ValueKind == JsonValueKind.Array
                && requiredList.EnumerateArray().Any(r => r.ValueKind == JsonValueKind.String && r.ValueEquals(name)))
            {
                reason = $"the Liaison extension schema requires '{name}' here";
            }

            if (reason is null && topLevel && name == "extensions" && RequiredExtension is not null)
            {
                reason = $"a {type} object must declare its extension definition {RequiredExtension}";
            }

            var partner = topLevel && type == "location" ? name switch { "latitude" => "longitude", "longitude" => "latitude", _ => null } : null;
            return new StepRule(reason, groups, partner);
        }

        public Cursor Property(string name)
        {
            if (InExtensions)
            {
                if (LiaisonExtensions.Instance.TryGetExtension(name, out var extension) && extension.ExtensionType == StixExtensionType.PropertyExtension)
                {
                    var root = extension.Schema;
                    return new Cursor(null, root, root, false, null);
                }

                return default;
            }

            if (name == "extensions" && Spec?.Category is not null)
            {
                return new Cursor(null, default, default, true, RequiredExtension);
            }

            ObjectSpec? spec = null;
            if (Spec is not null && Spec.Find(name) is var i and >= 0)
            {
                spec = Spec.Rules[i].Item;
            }

            var schema = default(JsonElement);
            if (HasSchema && Schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty(name, out var property))
            {
                schema = Resolve(property);
            }

            return new Cursor(spec, schema, SchemaRoot, false, null);
        }

        public Cursor Items()
        {
            var schema = HasSchema && Schema.TryGetProperty("items", out var items) ? Resolve(items) : default;
            return this with { Schema = schema, InExtensions = false, RequiredExtension = null };
        }

        /// <summary>Follows a local <c>#/$defs/…</c> reference; references into other files are not followed (nothing known).</summary>
        private JsonElement Resolve(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
            {
                var text = reference.GetString()!;
                const string Prefix = "#/$defs/";
                return text.StartsWith(Prefix, StringComparison.Ordinal)
                    && SchemaRoot.TryGetProperty("$defs", out var defs) && defs.TryGetProperty(text[Prefix.Length..], out var target)
                    ? target
                    : default;
            }

            return node;
        }
    }
}
