using System.Text;
using System.Text.Json;
using Liaison.Core.Deconfliction;
using Liaison.Core.Extensions;
using Liaison.Core.Input;
using Liaison.Core.Stix;
using Liaison.Core.Validation;

namespace Liaison.Cli.Deconfliction;

/// <summary>
/// A file given to <c>deconflict add</c> or <c>check</c>: a STIX bundle, one STIX object, or JSON Lines. Every object is
/// validated as <c>ingest</c> would, and every notice and protected site is read as a volume (geometry included);
/// anything wrong is an error with its line and JSON path. Other objects (markings, identities) travel along.
/// </summary>
internal sealed class NoticeInput
{
    private const int MaxBytes = 16 * 1024 * 1024;

    private NoticeInput()
    {
    }

    /// <summary>The notices and sites read, in input order.</summary>
    public List<DeconflictionSubject> Subjects { get; } = [];

    /// <summary>Why the input cannot be used; empty when it can.</summary>
    public List<StixError> Errors { get; } = [];

    /// <summary>The valid objects, compacted, one per line: what is stored.</summary>
    public byte[] JsonLines { get; private set; } = [];

    /// <summary>How many objects the input holds.</summary>
    public int Objects { get; private set; }

    public static NoticeInput Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var input = new NoticeInput();
        if (bytes.Length > MaxBytes)
        {
            input.Errors.Add(new StixError(null, null, "$", $"the file is larger than {MaxBytes / (1024 * 1024)} MiB"));
            return input;
        }

        var validator = new StixValidator(LiaisonExtensions.Instance);
        var lines = new MemoryStream();
        foreach (var item in Items(bytes, path))
        {
            input.Objects++;
            if (item.Error is { } readError)
            {
                input.Errors.Add(readError);
                continue;
            }

            var result = validator.Validate(item.Element!.Value, item.Index);
            if (!result.IsValid)
            {
                input.Errors.AddRange(result.Errors.Select(e => e with { Line = item.Line }));
                continue;
            }

            if (SubjectReader.IsSubject(item.Element.Value))
            {
                var read = SubjectReader.Read(item.Element.Value, index: item.Index);
                input.Errors.AddRange(read.Errors.Select(e => e with { Line = item.Line }));
                if (read.Subject is { } subject)
                {
                    input.Subjects.Add(subject);
                }
            }

            lines.Write(result.Object!.ToUtf8Bytes());
            lines.WriteByte((byte)'\n');
        }

        if (input.Objects == 0)
        {
            input.Errors.Add(new StixError(null, null, "$", "the file holds no object"));
        }
        else if (input.Subjects.Count == 0 && input.Errors.Count == 0)
        {
            input.Errors.Add(new StixError(null, null, "$", $"the file holds no {LiaisonExtensions.ActivityNoticeType} and no location with the protected-site extension"));
        }

        input.JsonLines = lines.ToArray();
        return input;
    }

    private static IEnumerable<StixInputItem> Items(byte[] bytes, string path)
    {
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
        {
            return new StixJsonLinesReader(new MemoryStream(bytes)).Read();
        }

        // One object on its own is as welcome as a bundle: a notice is usually written by hand, alone.
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = StixReaderOptions.Default.MaxDepth });
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var type) && !type.ValueEquals("bundle"))
            {
                var single = new MemoryStream(Encoding.UTF8.GetBytes(document.RootElement.GetRawText().ReplaceLineEndings(" ")));
                return new StixJsonLinesReader(single).Read();
            }
        }
        catch (JsonException)
        {
            // The bundle reader reports where the JSON breaks, with its line.
        }

        return new StixBundleReader(new MemoryStream(bytes)).Read();
    }
}
