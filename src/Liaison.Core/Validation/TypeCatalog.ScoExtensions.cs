using static Liaison.Core.Validation.P;

namespace Liaison.Core.Validation;

/// <summary>The predefined SCO extensions (spec §6.x.2): file, network-traffic and process extensions.</summary>
internal static partial class TypeCatalog
{
    private static Dictionary<string, ObjectSpec> FileExtensions() => new()
    {
        ["ntfs-ext"] = Nested(
            "ntfs-ext",
            [Str("sid"), Objs("alternate_data_streams", Nested("alternate data stream", [Str("name").Req(), Hashes("hashes"), Int("size", 0)]))],
            [Group("sid", "alternate_data_streams")]),
        ["raster-image-ext"] = Nested(
            "raster-image-ext",
            [Int("image_height"), Int("image_width"), Int("bits_per_pixel"), Dict("exif_tags")],
            [Group("image_height", "image_width", "bits_per_pixel", "exif_tags")]),
        ["pdf-ext"] = Nested(
            "pdf-ext",
            [Str("version"), Bool("is_optimized"), Dict("document_info_dict"), Str("pdfid0"), Str("pdfid1")],
            [Group("version", "is_optimized", "document_info_dict", "pdfid0", "pdfid1")]),
        ["archive-ext"] = Nested("archive-ext", [Refs("contains_refs", RefTarget.FileOrDirectory).Req(), Str("comment")]),
        ["windows-pebinary-ext"] = Nested(
            "windows-pebinary-ext",
            [
                Str("pe_type").Req(), Str("imphash"), Hex("machine_hex"), Int("number_of_sections", 0), Ts("time_date_stamp"),
                Hex("pointer_to_symbol_table_hex"), Int("number_of_symbols", 0), Int("size_of_optional_header", 0), Hex("characteristics_hex"),
                Hashes("file_header_hashes"), Obj("optional_header", PeOptionalHeader),
                Objs("sections", Nested("PE section", [Str("name").Req(), Int("size", 0), Num("entropy"), Hashes("hashes")])),
            ]),
    };

    private static ObjectSpec PeOptionalHeader => Nested(
        "PE optional header",
        [
            Hex("magic_hex"), Int("major_linker_version"), Int("minor_linker_version"), Int("size_of_code", 0),
            Int("size_of_initialized_data", 0), Int("size_of_uninitialized_data", 0), Int("address_of_entry_point"), Int("base_of_code"),
            Int("base_of_data"), Int("image_base"), Int("section_alignment"), Int("file_alignment"), Int("major_os_version"),
            Int("minor_os_version"), Int("major_image_version"), Int("minor_image_version"), Int("major_subsystem_version"),
            Int("minor_subsystem_version"), Hex("win32_version_value_hex"), Int("size_of_image", 0), Int("size_of_headers", 0),
            Hex("checksum_hex"), Hex("subsystem_hex"), Hex("dll_characteristics_hex"), Int("size_of_stack_reserve", 0),
            Int("size_of_stack_commit", 0), Int("size_of_heap_reserve", 0), Int("size_of_heap_commit", 0), Hex("loader_flags_hex"),
            Int("number_of_rva_and_sizes"), Hashes("hashes"),
        ]);

    private static Dictionary<string, ObjectSpec> NetworkTrafficExtensions() => new()
    {
        ["http-request-ext"] = Nested(
            "http-request-ext",
            [
                Str("request_method").Req(), Str("request_value").Req(), Str("request_version"), Dict("request_header"),
                Int("message_body_length", 0), Ref("message_body_data_ref", RefTarget.Artifact),
            ]),
        ["icmp-ext"] = Nested("icmp-ext", [Hex("icmp_type_hex").Req(), Hex("icmp_code_hex").Req()]),
        ["socket-ext"] = Nested(
            "socket-ext",
            [
                Str("address_family").Req().OneOf("AF_UNSPEC", "AF_INET", "AF_IPX", "AF_APPLETALK", "AF_NETBIOS", "AF_INET6", "AF_IRDA", "AF_BTH"),
                Bool("is_blocking"), Bool("is_listening"), Dict("options"),
                Str("socket_type").OneOf("SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM", "SOCK_SEQPACKET"),
                Int("socket_descriptor", 0), Int("socket_handle"),
            ]),
        ["tcp-ext"] = Nested("tcp-ext", [Hex("src_flags_hex"), Hex("dst_flags_hex")], [Group("src_flags_hex", "dst_flags_hex")]),
    };

    private static Dictionary<string, ObjectSpec> ProcessExtensions() => new()
    {
        ["windows-process-ext"] = Nested(
            "windows-process-ext",
            [
                Bool("aslr_enabled"), Bool("dep_enabled"), Str("priority"), Str("owner_sid"), Str("window_title"), Dict("startup_info"),
                Str("integrity_level").OneOf("low", "medium", "high", "system"),
            ],
            [Group("aslr_enabled", "dep_enabled", "priority", "owner_sid", "window_title", "startup_info", "integrity_level")]),
        ["windows-service-ext"] = Nested(
            "windows-service-ext",
            [
                Str("service_name"), Strs("descriptions"), Str("display_name"), Str("group_name"),
                Str("start_type").OneOf("SERVICE_AUTO_START", "SERVICE_BOOT_START", "SERVICE_DEMAND_START", "SERVICE_DISABLED", "SERVICE_SYSTEM_ALERT"),
                Refs("service_dll_refs", RefTarget.File),
                Str("service_type").OneOf("SERVICE_KERNEL_DRIVER", "SERVICE_FILE_SYSTEM_DRIVER", "SERVICE_WIN32_OWN_PROCESS", "SERVICE_WIN32_SHARE_PROCESS"),
                Str("service_status").OneOf(
                    "SERVICE_CONTINUE_PENDING", "SERVICE_PAUSE_PENDING", "SERVICE_PAUSED", "SERVICE_RUNNING", "SERVICE_START_PENDING",
                    "SERVICE_STOP_PENDING", "SERVICE_STOPPED"),
            ],
            [Group("service_name", "descriptions", "display_name", "group_name", "start_type", "service_dll_refs", "service_type", "service_status")]),
    };
}
