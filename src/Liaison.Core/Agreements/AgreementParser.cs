using System.Globalization;
using Liaison.Core.Extensions;
using Liaison.Core.Geo;
using Liaison.Core.Policy;
using Liaison.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Liaison.Core.Agreements;

/// <summary>
/// Reads an agreement document (YAML, one per partner and version) and checks it against the agreement language
/// documented in <c>docs/agreements.md</c>: known keys only, the right shape and range for every value, paths,
/// markings and kinds that mean something. Every problem is reported with its line and column; nothing is guessed.
/// </summary>
public static class AgreementParser
{
    /// <summary>The largest document accepted, in characters: agreements are written by people.</summary>
    public const int MaximumLength = 1 << 20;

    /// <summary>The most release clauses one agreement may hold.</summary>
    public const int MaximumClauses = 1000;

    private static readonly string[] TopKeys = ["partner", "version", "references", "release", "accept"];
    private static readonly string[] ClauseKeys =
    [
        "name", "kinds", "markings", "require_markings", "labels", "min_confidence", "region", "max_age", "approval",
        "redact", "location", "time", "sources", "add_markings", "notices",
    ];

    private static readonly HashSet<string> KnownTypes = new(
        TypeCatalog.Types.Concat([LiaisonExtensions.StrikeAssessmentType, LiaisonExtensions.ActivityNoticeType, LiaisonExtensions.RequestForInformationType]),
        StringComparer.Ordinal);

    /// <summary>Parses <paramref name="yaml"/>; throws <see cref="AgreementException"/> listing every problem.</summary>
    public static Agreement Parse(string yaml) =>
        TryParse(yaml, out var agreement, out var errors) ? agreement : throw new AgreementException(errors);

    /// <summary>Parses <paramref name="yaml"/>, or lists every problem found.</summary>
    public static bool TryParse(string yaml, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Agreement? agreement, out IReadOnlyList<AgreementError> errors)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var reader = new Reader();
        agreement = reader.Read(yaml);
        errors = reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        if (errors.Count > 0)
        {
            agreement = null;
        }

        return agreement is not null;
    }

    private sealed class Reader
    {
        private readonly List<AgreementError> _errors = [];

        public IReadOnlyList<AgreementError> Errors => _errors;

        public Agreement? Read(string yaml)
        {
            if (yaml.Length > MaximumLength)
            {
                _errors.Add(new AgreementError(1, 1, "$", $"the document is {yaml.Length:N0} characters long; an agreement may have at most {MaximumLength:N0}"));
                return null;
            }

            YamlMappingNode root;
            try
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(yaml));
                if (stream.Documents.Count != 1)
                {
                    _errors.Add(new AgreementError(1, 1, "$", $"expected one YAML document, found {stream.Documents.Count}"));
                    return null;
                }

                if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
                {
                    Error(stream.Documents[0].RootNode, "$", "the agreement must be a mapping with partner, version, release and accept");
                    return null;
                }

                root = mapping;
            }
            catch (YamlException ex)
            {
                _errors.Add(new AgreementError((int)ex.Start.Line, (int)ex.Start.Column, "$", $"not valid YAML: {ex.InnerException?.Message ?? ex.Message}"));
                return null;
            }

            var top = Keys(root, "$", TopKeys);
            var partner = Required(root, top, "partner", "$") is { } p ? PartnerCode(p) : null;
            var version = Required(root, top, "version", "$") is { } v ? Integer(v, "version", 1, int.MaxValue) : null;
            var references = top.TryGetValue("references", out var r) ? References(r) : ReferenceHandling.Drop;
            var clauses = new List<ReleaseClause>();
            if (top.TryGetValue("release", out var release))
            {
                if (Sequence(release, "release") is { } items)
                {
                    if (items.Children.Count > MaximumClauses)
                    {
                        Error(items, "release", $"{items.Children.Count} clauses; an agreement may have at most {MaximumClauses}");
                    }

                    var names = new HashSet<string>(StringComparer.Ordinal);
                    for (var i = 0; i < items.Children.Count && i < MaximumClauses; i++)
                    {
                        if (Clause(items.Children[i], i) is { } clause)
                        {
                            if (!names.Add(clause.Name))
                            {
                                Error(items.Children[i], $"release[{i}].name", $"clause name '{clause.Name}' is used twice; names identify clauses in the release log");
                            }

                            clauses.Add(clause);
                        }
                    }
                }
            }

            var accept = top.TryGetValue("accept", out var a) ? Accept(a) : InboundRules.Nothing;
            return _errors.Count == 0 && partner is not null && version is { } number && accept is not null
                ? new Agreement(partner, number, references ?? ReferenceHandling.Drop, clauses, accept, yaml)
                : null;
        }

        private ReleaseClause? Clause(YamlNode node, int index)
        {
            var path = $"release[{index}]";
            if (node is not YamlMappingNode mapping)
            {
                Error(node, path, "a clause must be a mapping with at least kinds");
                return null;
            }

            var before = _errors.Count;
            var keys = Keys(mapping, path, ClauseKeys);
            var name = keys.TryGetValue("name", out var n) ? Text(n, $"{path}.name") : path;
            var kinds = Required(mapping, keys, "kinds", path) is { } k ? Kinds(k, $"{path}.kinds") : null;
            var any = keys.TryGetValue("markings", out var m) ? Markings(m, $"{path}.markings") : [];
            var all = keys.TryGetValue("require_markings", out var rm) ? Markings(rm, $"{path}.require_markings") : [];
            var labels = keys.TryGetValue("labels", out var l) ? Strings(l, $"{path}.labels") : [];
            var confidence = keys.TryGetValue("min_confidence", out var c) ? Integer(c, $"{path}.min_confidence", 0, 100) : null;
            var region = keys.TryGetValue("region", out var g) ? Region(g, $"{path}.region") : null;
            var maxAge = keys.TryGetValue("max_age", out var age) ? Duration(age, $"{path}.max_age") : null;
            var approval = ApprovalMode.Auto;
            if (keys.TryGetValue("approval", out var ap))
            {
                approval = Choice(ap, $"{path}.approval", "auto", "manual") == "manual" ? ApprovalMode.Manual : ApprovalMode.Auto;
            }

            var redactions = new List<PropertyPath>();
            if (keys.TryGetValue("redact", out var rd))
            {
                foreach (var (item, text) in StringItems(rd, $"{path}.redact"))
                {
                    if (PropertyPath.TryParse(text, out var propertyPath, out var error))
                    {
                        redactions.Add(propertyPath);
                    }
                    else
                    {
                        Error(item, $"{path}.redact", error.ToString()!);
                    }
                }
            }

            double? precision = null;
            if (keys.TryGetValue("location", out var loc) && Mapping(loc, $"{path}.location") is { } locMap)
            {
                var locKeys = Keys(locMap, $"{path}.location", ["precision_km"]);
                if (Required(locMap, locKeys, "precision_km", $"{path}.location") is { } pk)
                {
                    precision = Number(pk, $"{path}.location.precision_km", LocationCoarsening.MinimumPrecisionKm, LocationCoarsening.MaximumPrecisionKm);
                }
            }

            TimeGranularity? round = null;
            TimeSpan? delay = null, preciseAfter = null;
            IReadOnlyList<string>? reference = null;
            if (keys.TryGetValue("time", out var time) && Mapping(time, $"{path}.time") is { } timeMap)
            {
                var timeKeys = Keys(timeMap, $"{path}.time", ["round", "delay", "from", "precise_after"]);
                if (timeKeys.TryGetValue("round", out var ro) && Text(ro, $"{path}.time.round") is { } roundText)
                {
                    if (TimeGranularity.TryParse(roundText, out var granularity, out var reason))
                    {
                        round = granularity;
                    }
                    else
                    {
                        Error(ro, $"{path}.time.round", reason);
                    }
                }

                delay = timeKeys.TryGetValue("delay", out var d) ? Duration(d, $"{path}.time.delay") : null;
                preciseAfter = timeKeys.TryGetValue("precise_after", out var pa) ? Duration(pa, $"{path}.time.precise_after") : null;
                if (timeKeys.TryGetValue("from", out var from))
                {
                    reference = from is YamlScalarNode ? Text(from, $"{path}.time.from") is { } single ? [single] : null : Strings(from, $"{path}.time.from");
                }

                if (preciseAfter is { } after && delay is { } held && after <= held)
                {
                    Error(pa!, $"{path}.time.precise_after", $"precise_after ({after}) must be longer than delay ({held}): the precise form follows the coarse one");
                }

                if (preciseAfter is not null && precision is null && round is null)
                {
                    Error(pa!, $"{path}.time.precise_after", "precise_after lifts location coarsening and time rounding, but this clause has neither");
                }
            }

            var pseudonymise = false;
            if (keys.TryGetValue("sources", out var s))
            {
                pseudonymise = Choice(s, $"{path}.sources", "keep", "pseudonymise") == "pseudonymise";
            }

            var add = keys.TryGetValue("add_markings", out var am) ? Markings(am, $"{path}.add_markings") : [];
            var exactNotices = keys.TryGetValue("notices", out var nt) && Choice(nt, $"{path}.notices", "bounding", "exact") == "exact";
            if (_errors.Count > before || kinds is null || name is null)
            {
                return null;
            }

            var selector = new ClauseSelector(kinds, any, all, labels.ToHashSet(StringComparer.Ordinal), confidence, region, maxAge);
            return new ReleaseClause(index, name, selector, approval, redactions, precision, round, delay, preciseAfter, reference, pseudonymise, add, exactNotices);
        }

        private InboundRules? Accept(YamlNode node)
        {
            if (Mapping(node, "accept") is not { } mapping)
            {
                return null;
            }

            var keys = Keys(mapping, "accept", ["kinds", "min_confidence"]);
            var kinds = Required(mapping, keys, "kinds", "accept") is { } k ? Kinds(k, "accept.kinds") : null;
            var confidence = keys.TryGetValue("min_confidence", out var c) ? Integer(c, "accept.min_confidence", 0, 100) : null;
            return kinds is null ? null : new InboundRules(kinds, confidence);
        }

        private ReferenceHandling? References(YamlNode node) =>
            Choice(node, "references", "drop", "hold") switch
            {
                "drop" => ReferenceHandling.Drop,
                "hold" => ReferenceHandling.Hold,
                _ => null,
            };

        private string? PartnerCode(YamlNode node)
        {
            var text = Text(node, "partner");
            if (text is not null && !(text.Length is 3 or 4 && text.All(char.IsAsciiLetterUpper)))
            {
                Error(node, "partner", $"'{text}' is not a partner code: write its upper-case 3-letter country or 4-letter organisation code, e.g. RUS");
                return null;
            }

            return text;
        }

        private HashSet<string>? Kinds(YamlNode node, string path)
        {
            var kinds = new HashSet<string>(StringComparer.Ordinal);
            var items = StringItems(node, path).ToList();
            if (items.Count == 0 && _errors.Count == 0)
            {
                Error(node, path, "list at least one kind");
            }

            foreach (var (item, kind) in items)
            {
                if (ObjectKinds.Protocol.Contains(kind) || kind is "ledger-checkpoint" or "receipt")
                {
                    Error(item, path, $"'{kind}' objects are exchanged by the ledger itself, never by a clause");
                }
                else if (KnownTypes.Contains(kind) || ObjectKinds.ExtensionKindNames.Contains(kind) || (kind.StartsWith("x-", StringComparison.Ordinal) && ObjectKinds.IsNameable(kind)))
                {
                    kinds.Add(kind);
                }
                else
                {
                    Error(item, path, $"'{kind}' is not a STIX 2.1 type, a custom x- type or a Liaison kind ({string.Join(", ", ObjectKinds.ExtensionKindNames.Order(StringComparer.Ordinal))})");
                }
            }

            return kinds;
        }

        private List<MarkingName> Markings(YamlNode node, string path)
        {
            var markings = new List<MarkingName>();
            foreach (var (item, text) in StringItems(node, path))
            {
                if (MarkingName.TryParse(text, out var marking, out var reason))
                {
                    markings.Add(marking);
                }
                else
                {
                    Error(item, path, reason);
                }
            }

            return markings;
        }

        private GeoBox? Region(YamlNode node, string path)
        {
            if (Mapping(node, path) is not { } mapping)
            {
                return null;
            }

            var keys = Keys(mapping, path, ["bbox"]);
            if (Required(mapping, keys, "bbox", path) is not { } bbox || Sequence(bbox, $"{path}.bbox") is not { } list)
            {
                return null;
            }

            if (list.Children.Count != 4)
            {
                Error(list, $"{path}.bbox", "write four numbers [min_longitude, min_latitude, max_longitude, max_latitude]");
                return null;
            }

            var values = list.Children.Select((item, i) => Number(item, $"{path}.bbox[{i}]", double.MinValue, double.MaxValue)).ToArray();
            if (values.Any(v => v is null))
            {
                return null;
            }

            var text = string.Join(',', values.Select(v => v!.Value.ToString("R", CultureInfo.InvariantCulture)));
            if (!GeoBox.TryParse(text, out var box, out var reason))
            {
                Error(list, $"{path}.bbox", reason!);
                return null;
            }

            return box;
        }

        private TimeSpan? Duration(YamlNode node, string path)
        {
            var text = Text(node, path);
            if (text is null)
            {
                return null;
            }

            if (TimeGranularity.TryParse(text, out var value, out _))
            {
                return value.Span;
            }

            Error(node, path, $"'{text}' is not a duration: write a positive whole number and a unit, s, m, h or d (e.g. 30m, 6h, 7d)");
            return null;
        }

        private Dictionary<string, YamlNode> Keys(YamlMappingNode mapping, string path, string[] allowed)
        {
            var keys = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (key, value) in mapping.Children)
            {
                var name = key is YamlScalarNode scalar ? scalar.Value ?? "" : "";
                if (!allowed.Contains(name))
                {
                    Error(key, path, $"unknown key '{name}'; expected one of {string.Join(", ", allowed)}");
                }
                else if (!keys.TryAdd(name, value))
                {
                    Error(key, path, $"'{name}' is given twice");
                }
            }

            return keys;
        }

        private YamlNode? Required(YamlMappingNode mapping, Dictionary<string, YamlNode> keys, string key, string path)
        {
            if (keys.TryGetValue(key, out var value))
            {
                return value;
            }

            Error(mapping, path, $"'{key}' is required");
            return null;
        }

        private YamlMappingNode? Mapping(YamlNode node, string path)
        {
            if (node is YamlMappingNode mapping)
            {
                return mapping;
            }

            Error(node, path, "expected a mapping (key: value lines)");
            return null;
        }

        private YamlSequenceNode? Sequence(YamlNode node, string path)
        {
            if (node is YamlSequenceNode sequence)
            {
                return sequence;
            }

            Error(node, path, "expected a list");
            return null;
        }

        private string? Text(YamlNode node, string path)
        {
            if (node is YamlScalarNode { Value: { Length: > 0 } value })
            {
                return value;
            }

            Error(node, path, "expected a non-empty text");
            return null;
        }

        private List<string> Strings(YamlNode node, string path) => StringItems(node, path).Select(item => item.Text).ToList();

        private IEnumerable<(YamlNode Node, string Text)> StringItems(YamlNode node, string path)
        {
            if (Sequence(node, path) is not { } sequence)
            {
                yield break;
            }

            for (var i = 0; i < sequence.Children.Count; i++)
            {
                if (Text(sequence.Children[i], $"{path}[{i}]") is { } text)
                {
                    yield return (sequence.Children[i], text);
                }
            }
        }

        private string? Choice(YamlNode node, string path, params string[] choices)
        {
            var text = Text(node, path);
            if (text is not null && !choices.Contains(text))
            {
                Error(node, path, $"'{text}' is not one of {string.Join(", ", choices)}");
                return null;
            }

            return text;
        }

        private int? Integer(YamlNode node, string path, int minimum, int maximum)
        {
            var text = Text(node, path);
            if (text is null)
            {
                return null;
            }

            if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < minimum || value > maximum)
            {
                Error(node, path, $"'{text}' is not a whole number from {minimum} to {(maximum == int.MaxValue ? "2147483647" : maximum.ToString(CultureInfo.InvariantCulture))}");
                return null;
            }

            return value;
        }

        private double? Number(YamlNode node, string path, double minimum, double maximum)
        {
            var text = Text(node, path);
            if (text is null)
            {
                return null;
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value < minimum || value > maximum)
            {
                var range = minimum == double.MinValue ? "" : $" from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}";
                Error(node, path, $"'{text}' is not a number{range}");
                return null;
            }

            return value;
        }

        private void Error(YamlNode node, string path, string message) =>
            _errors.Add(new AgreementError((int)node.Start.Line, (int)node.Start.Column, path, message));
    }
}
