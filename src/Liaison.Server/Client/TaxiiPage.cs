using System.Text.Json;

namespace Liaison.Server.Client;

/// <summary>One page of objects read from a TAXII collection.</summary>
/// <param name="Objects">The objects, in the server's date-added order.</param>
/// <param name="More">Whether the server has more after this page.</param>
/// <param name="Next">The server's <c>next</c> token, if any.</param>
/// <param name="DateAddedLast">The <c>X-TAXII-Date-Added-Last</c> header as sent, if any: where to resume.</param>
public sealed record TaxiiPage(IReadOnlyList<JsonElement> Objects, bool More, string? Next, string? DateAddedLast);
