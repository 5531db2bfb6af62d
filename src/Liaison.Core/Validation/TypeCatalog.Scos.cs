using static Liaison.Core.Validation.P;

namespace Liaison.Core.Validation;

internal static partial class TypeCatalog
{
    private static IEnumerable<ObjectSpec> Scos() =>
    [
        Sco("artifact",
            [
                Str("mime_type").As(StringFormat.MimeType), Str("payload_bin").As(StringFormat.Base64), Str("url"), Hashes("hashes"),
                Str("encryption_algorithm").OneOf("AES-256-GCM", "ChaCha20-Poly1305", "mime-type-indicated"), Str("decryption_key"),
            ],
            check: CrossChecks.Artifact),
        Sco("autonomous-system", [Int("number").Req(), Str("name"), Str("rir")]),
        Sco("directory",
            [
                Str("path").Req(), Str("path_enc").As(StringFormat.CharsetName), Ts("ctime"), Ts("mtime"), Ts("atime"),
                Refs("contains_refs", RefTarget.FileOrDirectory),
            ]),
        Sco("domain-name", [Str("value").Req(), Refs("resolves_to_refs", RefTarget.DomainResolution)]),
        Sco("email-addr", [Str("value").Req(), Str("display_name"), Ref("belongs_to_ref", RefTarget.UserAccount)]),
        Sco("email-message",
            [
                Bool("is_multipart").Req(), Ts("date"), Str("content_type"), Ref("from_ref", RefTarget.EmailAddress),
                Ref("sender_ref", RefTarget.EmailAddress), Refs("to_refs", RefTarget.EmailAddress), Refs("cc_refs", RefTarget.EmailAddress),
                Refs("bcc_refs", RefTarget.EmailAddress), Str("message_id"), Str("subject"), Strs("received_lines"),
                Dict("additional_header_fields"), Str("body"), Objs("body_multipart", MimePart), Ref("raw_email_ref", RefTarget.Artifact),
            ],
            check: CrossChecks.EmailMessage),
        Sco("file",
            [
                Hashes("hashes"), Int("size", 0), Str("name"), Str("name_enc").As(StringFormat.CharsetName), Hex("magic_number_hex"),
                Str("mime_type"), Ts("ctime"), Ts("mtime"), Ts("atime"), Ref("parent_directory_ref", RefTarget.Directory),
                Refs("contains_refs", RefTarget.AnySco), Ref("content_ref", RefTarget.Artifact),
            ],
            atLeastOneOf: [Group("hashes", "name")],
            extensions: FileExtensions()),
        Sco("ipv4-addr",
            [
                Str("value").Req().As(StringFormat.Ipv4), Refs("resolves_to_refs", RefTarget.MacAddress),
                Refs("belongs_to_refs", RefTarget.AutonomousSystem),
            ]),
        Sco("ipv6-addr",
            [
                Str("value").Req().As(StringFormat.Ipv6), Refs("resolves_to_refs", RefTarget.MacAddress),
                Refs("belongs_to_refs", RefTarget.AutonomousSystem),
            ]),
        Sco("mac-addr", [Str("value").Req().As(StringFormat.MacAddress)]),
        Sco("mutex", [Str("name").Req()]),
        Sco("network-traffic",
            [
                Ts("start"), Ts("end"), Bool("is_active"), Ref("src_ref", RefTarget.NetworkEndpoint), Ref("dst_ref", RefTarget.NetworkEndpoint),
                Int("src_port", 0, 65535), Int("dst_port", 0, 65535), Strs("protocols").Req(), Int("src_byte_count", 0),
                Int("dst_byte_count", 0), Int("src_packets", 0), Int("dst_packets", 0), Dict("ipfix"),
                Ref("src_payload_ref", RefTarget.Artifact), Ref("dst_payload_ref", RefTarget.Artifact),
                Refs("encapsulates_refs", RefTarget.NetworkTraffic), Ref("encapsulated_by_ref", RefTarget.NetworkTraffic),
            ],
            atLeastOneOf: [Group("src_ref", "dst_ref")],
            orderings: [NotBefore("end", "start")],
            check: CrossChecks.NetworkTraffic,
            extensions: NetworkTrafficExtensions()),
        Sco("process",
            [
                Bool("is_hidden"), Int("pid"), Ts("created_time"), Str("cwd"), Str("command_line"), Dict("environment_variables"),
                Refs("opened_connection_refs", RefTarget.NetworkTraffic), Ref("creator_user_ref", RefTarget.UserAccount),
                Ref("image_ref", RefTarget.File), Ref("parent_ref", RefTarget.Process), Refs("child_refs", RefTarget.Process),
            ],
            atLeastOneOf:
            [
                Group("extensions", "is_hidden", "pid", "created_time", "cwd", "command_line", "environment_variables",
                    "opened_connection_refs", "creator_user_ref", "image_ref", "parent_ref", "child_refs"),
            ],
            extensions: ProcessExtensions()),
        Sco("software",
            [Str("name").Req(), Str("cpe").As(StringFormat.Cpe), Str("swid"), Strs("languages").As(StringFormat.LanguageTag), Str("vendor"), Str("version")]),
        Sco("url", [Str("value").Req()]),
        Sco("user-account",
            [
                Str("user_id"), Str("credential"), Str("account_login"), Str("account_type"), Str("display_name"), Bool("is_service_account"),
                Bool("is_privileged"), Bool("can_escalate_privs"), Bool("is_disabled"), Ts("account_created"), Ts("account_expires"),
                Ts("credential_last_changed"), Ts("account_first_login"), Ts("account_last_login"),
            ],
            atLeastOneOf:
            [
                Group("extensions", "user_id", "credential", "account_login", "account_type", "display_name", "is_service_account",
                    "is_privileged", "can_escalate_privs", "is_disabled", "account_created", "account_expires", "credential_last_changed",
                    "account_first_login", "account_last_login"),
            ],
            extensions: new()
            {
                ["unix-account-ext"] = Nested("unix-account-ext", [Int("gid"), Strs("groups"), Str("home_dir"), Str("shell")], [Group("gid", "groups", "home_dir", "shell")]),
            }),
        Sco("windows-registry-key",
            [
                Str("key").As(StringFormat.RegistryKey), Objs("values", RegistryValue), Ts("modified_time"),
                Ref("creator_user_ref", RefTarget.UserAccount), Int("number_of_subkeys"),
            ],
            atLeastOneOf: [Group("key", "values", "modified_time", "creator_user_ref", "number_of_subkeys")]),
        Sco("x509-certificate",
            [
                Bool("is_self_signed"), Hashes("hashes"), Str("version"), Str("serial_number"), Str("signature_algorithm"), Str("issuer"),
                Ts("validity_not_before"), Ts("validity_not_after"), Str("subject"), Str("subject_public_key_algorithm"),
                Str("subject_public_key_modulus"), Int("subject_public_key_exponent"), Obj("x509_v3_extensions", X509V3Extensions),
            ],
            atLeastOneOf:
            [
                Group("is_self_signed", "hashes", "version", "serial_number", "signature_algorithm", "issuer", "validity_not_before",
                    "validity_not_after", "subject", "subject_public_key_algorithm", "subject_public_key_modulus",
                    "subject_public_key_exponent", "x509_v3_extensions"),
            ]),
    ];

    private static ObjectSpec MimePart => Nested(
        "MIME part",
        [Str("body"), Ref("body_raw_ref", RefTarget.ArtifactOrFile), Str("content_type"), Str("content_disposition")],
        check: CrossChecks.MimePart);

    private static ObjectSpec RegistryValue => Nested(
        "registry value",
        [
            Str("name"), Str("data"),
            Str("data_type").OneOf(
                "REG_NONE", "REG_SZ", "REG_EXPAND_SZ", "REG_BINARY", "REG_DWORD", "REG_DWORD_BIG_ENDIAN", "REG_DWORD_LITTLE_ENDIAN",
                "REG_LINK", "REG_MULTI_SZ", "REG_RESOURCE_LIST", "REG_FULL_RESOURCE_DESCRIPTION", "REG_RESOURCE_REQUIREMENTS_LIST",
                "REG_QWORD", "REG_INVALID_TYPE"),
        ],
        [Group("name", "data", "data_type")]);

    private static ObjectSpec X509V3Extensions => Nested(
        "x509 v3 extensions",
        [
            Str("basic_constraints"), Str("name_constraints"), Str("policy_constraints"), Str("key_usage"), Str("extended_key_usage"),
            Str("subject_key_identifier"), Str("authority_key_identifier"), Str("subject_alternative_name"), Str("issuer_alternative_name"),
            Str("subject_directory_attributes"), Str("crl_distribution_points"), Str("inhibit_any_policy"),
            Ts("private_key_usage_period_not_before"), Ts("private_key_usage_period_not_after"), Str("certificate_policies"),
            Str("policy_mappings"),
        ],
        [
            Group("basic_constraints", "name_constraints", "policy_constraints", "key_usage", "extended_key_usage", "subject_key_identifier",
                "authority_key_identifier", "subject_alternative_name", "issuer_alternative_name", "subject_directory_attributes",
                "crl_distribution_points", "inhibit_any_policy", "private_key_usage_period_not_before",
                "private_key_usage_period_not_after", "certificate_policies", "policy_mappings"),
        ]);
}
