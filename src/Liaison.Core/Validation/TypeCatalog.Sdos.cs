using static Liaison.Core.Validation.P;

namespace Liaison.Core.Validation;

internal static partial class TypeCatalog
{
    private static IEnumerable<ObjectSpec> Sdos() =>
    [
        Sdo("attack-pattern", [Str("name").Req(), Str("description"), Strs("aliases"), KillChainPhases()]),
        Sdo("campaign",
            [Str("name").Req(), Str("description"), Strs("aliases"), Ts("first_seen"), Ts("last_seen"), Str("objective")],
            orderings: [NotBefore("last_seen", "first_seen")]),
        Sdo("course-of-action", [Str("name").Req(), Str("description")]),
        Sdo("grouping", [Str("name"), Str("description"), Str("context").Req(), Refs("object_refs", RefTarget.AnyObject).Req()]),
        Sdo("identity",
            [Str("name").Req(), Str("description"), Strs("roles"), Str("identity_class"), Strs("sectors"), Str("contact_information")]),
        Sdo("incident", [Str("name").Req(), Str("description"), KillChainPhases()]),
        Sdo("indicator",
            [
                Str("name"), Str("description"), Strs("indicator_types"), Str("pattern").Req(), Str("pattern_type").Req(),
                Str("pattern_version"), Ts("valid_from").Req(), Ts("valid_until"), KillChainPhases(),
            ],
            orderings: [After("valid_until", "valid_from")]),
        Sdo("infrastructure",
            [
                Str("name").Req(), Str("description"), Strs("infrastructure_types"), Strs("aliases"), KillChainPhases(),
                Ts("first_seen"), Ts("last_seen"),
            ],
            orderings: [NotBefore("last_seen", "first_seen")]),
        Sdo("intrusion-set",
            [
                Str("name").Req(), Str("description"), Strs("aliases"), Ts("first_seen"), Ts("last_seen"), Strs("goals"),
                Str("resource_level"), Str("primary_motivation"), Strs("secondary_motivations"),
            ],
            orderings: [NotBefore("last_seen", "first_seen")]),
        Sdo("location",
            [
                Str("name"), Str("description"), Num("latitude", -90, 90), Num("longitude", -180, 180), Num("precision", 0),
                Str("region"), Str("country"), Str("administrative_area"), Str("city"), Str("street_address"), Str("postal_code"),
            ],
            check: CrossChecks.Location),
        Sdo("malware",
            [
                Str("name"), Str("description"), Strs("malware_types"), Bool("is_family").Req(), Strs("aliases"), KillChainPhases(),
                Ts("first_seen"), Ts("last_seen"), Refs("operating_system_refs", RefTarget.Software), Strs("architecture_execution_envs"),
                Strs("implementation_languages"), Strs("capabilities"), Refs("sample_refs", RefTarget.FileOrArtifact),
            ],
            orderings: [NotBefore("last_seen", "first_seen")],
            check: CrossChecks.Malware),
        Sdo("malware-analysis",
            [
                Str("product").Req(), Str("version"), Ref("host_vm_ref", RefTarget.Software), Ref("operating_system_ref", RefTarget.Software),
                Refs("installed_software_refs", RefTarget.Software), Str("configuration_version"), Strs("modules"),
                Str("analysis_engine_version"), Str("analysis_definition_version"), Ts("submitted"), Ts("analysis_started"),
                Ts("analysis_ended"), Str("result_name"), Str("result"), Refs("analysis_sco_refs", RefTarget.AnySco),
                Ref("sample_ref", RefTarget.AnalysisSample),
            ],
            atLeastOneOf: [Group("result", "analysis_sco_refs")]),
        Sdo("note", [Str("abstract"), Str("content").Req(), Strs("authors"), Refs("object_refs", RefTarget.AnyObject).Req()]),
        Sdo("observed-data",
            [
                Ts("first_observed").Req(), Ts("last_observed").Req(), Int("number_observed", 1, 999_999_999).Req(),
                Map("objects", Nested("embedded observable", [Str("type").Req()])), Refs("object_refs", RefTarget.ScoOrSro),
            ],
            orderings: [NotBefore("last_observed", "first_observed")],
            check: CrossChecks.ObservedData),
        Sdo("opinion",
            [
                Str("explanation"), Strs("authors"),
                Str("opinion").Req().OneOf("strongly-disagree", "disagree", "neutral", "agree", "strongly-agree"),
                Refs("object_refs", RefTarget.AnyObject).Req(),
            ]),
        Sdo("report",
            [Str("name").Req(), Str("description"), Strs("report_types"), Ts("published").Req(), Refs("object_refs", RefTarget.AnyObject).Req()]),
        Sdo("threat-actor",
            [
                Str("name").Req(), Str("description"), Strs("threat_actor_types"), Strs("aliases"), Ts("first_seen"), Ts("last_seen"),
                Strs("roles"), Strs("goals"), Str("sophistication"), Str("resource_level"), Str("primary_motivation"),
                Strs("secondary_motivations"), Strs("personal_motivations"),
            ],
            orderings: [NotBefore("last_seen", "first_seen")]),
        Sdo("tool", [Str("name").Req(), Str("description"), Strs("tool_types"), Strs("aliases"), KillChainPhases(), Str("tool_version")]),
        Sdo("vulnerability", [Str("name").Req(), Str("description")]),
    ];
}
