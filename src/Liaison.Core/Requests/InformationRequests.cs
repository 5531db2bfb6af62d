using System.Text.Json;
using System.Text.Json.Nodes;
using Liaison.Core.Extensions;
using Liaison.Core.Stix;

namespace Liaison.Core.Requests;

/// <summary>Where a request for information stands.</summary>
public enum RfiStatus
{
    /// <summary>Asked, not answered, not yet due.</summary>
    Open,

    /// <summary>At least one answer arrived.</summary>
    Answered,

    /// <summary>Due, and no answer arrived.</summary>
    Overdue,

    /// <summary>Closed by the requester.</summary>
    Closed,
}

/// <summary>
/// Requests for information between partners (<c>x-liaison-rfi</c>) and their answers: a <c>note</c> labelled
/// <see cref="AnswerLabel"/> that refers to the request (and to the objects that answer it). Pure: the caller
/// validates, stores, releases and logs.
/// </summary>
public static class InformationRequests
{
    /// <summary>The label that marks a note as the answer to a request.</summary>
    public const string AnswerLabel = "rfi-answer";

    /// <summary>A new, open request from <paramref name="requester"/> to <paramref name="addressee"/> (identity ids).</summary>
    public static JsonObject Create(string requester, string addressee, string question, IReadOnlyList<string> about, DateTimeOffset due, string? name, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        ArgumentNullException.ThrowIfNull(about);
        var time = Stamp(now);
        var rfi = new JsonObject
        {
            ["type"] = LiaisonExtensions.RequestForInformationType,
            ["spec_version"] = "2.1",
            ["id"] = StixId.NewRandom(LiaisonExtensions.RequestForInformationType).Value,
            ["created_by_ref"] = requester,
            ["created"] = time,
            ["modified"] = time,
        };
        if (!string.IsNullOrWhiteSpace(name))
        {
            rfi["name"] = name;
        }

        rfi["question"] = question;
        if (about.Count > 0)
        {
            rfi["about_refs"] = new JsonArray(about.Distinct(StringComparer.Ordinal).Select(a => (JsonNode)a).ToArray());
        }

        rfi["requester_ref"] = requester;
        rfi["addressee_ref"] = addressee;
        rfi["due"] = Stamp(due);
        rfi["status"] = "open";
        rfi["extensions"] = new JsonObject { [LiaisonExtensions.RequestForInformationId] = new JsonObject { ["extension_type"] = "new-sdo" } };
        return rfi;
    }

    /// <summary>The answer to request <paramref name="rfiId"/> (as the partner knows it): a labelled note by <paramref name="author"/>.</summary>
    public static JsonObject Answer(string rfiId, string author, string text, IReadOnlyList<string> objects, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var time = Stamp(now);
        return new JsonObject
        {
            ["type"] = "note",
            ["spec_version"] = "2.1",
            ["id"] = StixId.NewRandom("note").Value,
            ["created_by_ref"] = author,
            ["created"] = time,
            ["modified"] = time,
            ["abstract"] = "Answer to a request for information",
            ["content"] = text,
            ["object_refs"] = new JsonArray(objects.Prepend(rfiId).Distinct(StringComparer.Ordinal).Select(o => (JsonNode)o).ToArray()),
            ["labels"] = new JsonArray(AnswerLabel),
        };
    }

    /// <summary>Whether <paramref name="note"/> answers the request whose id (as the answerer knew it) is <paramref name="rfiId"/>.</summary>
    public static bool Answers(JsonElement note, string rfiId) =>
        note.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array && labels.EnumerateArray().Any(l => l.ValueEquals(AnswerLabel))
        && note.TryGetProperty("object_refs", out var refs) && refs.ValueKind == JsonValueKind.Array && refs.EnumerateArray().Any(r => r.ValueEquals(rfiId));

    /// <summary>Where the request stands at <paramref name="now"/>, given how many answers arrived.</summary>
    public static RfiStatus StatusOf(JsonElement rfi, int answers, DateTimeOffset now)
    {
        var stated = rfi.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String ? status.GetString() : null;
        if (stated == "closed")
        {
            return RfiStatus.Closed;
        }

        if (answers > 0 || stated == "answered")
        {
            return RfiStatus.Answered;
        }

        return rfi.TryGetProperty("due", out var due) && StixTimestamp.TryParse(due.GetString(), out var when, out _)
            && when.Value.UnixMicroseconds <= StixTimestamp.UnixMicrosecondsOf(now)
            ? RfiStatus.Overdue
            : RfiStatus.Open;
    }

    /// <summary>The closed version of <paramref name="rfi"/>, listing the answers received.</summary>
    public static JsonObject Close(JsonElement rfi, IReadOnlyList<string> answerRefs, DateTimeOffset now)
    {
        var closed = JsonNode.Parse(rfi.GetRawText())!.AsObject();
        closed["modified"] = StixTimestamp.VersionAfter(StixTimestamp.Parse(closed["modified"]!.GetValue<string>()), StixTimestamp.FromDateTimeOffset(now)).Text;
        closed["status"] = "closed";
        if (answerRefs.Count > 0)
        {
            closed["answer_refs"] = new JsonArray(answerRefs.Distinct(StringComparer.Ordinal).Select(a => (JsonNode)a).ToArray());
        }

        return closed;
    }

    private static string Stamp(DateTimeOffset instant) => StixTimestamp.FromDateTimeOffset(instant).Text;
}
