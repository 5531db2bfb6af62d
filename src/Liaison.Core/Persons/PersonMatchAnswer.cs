namespace Liaison.Core.Persons;

/// <summary>
/// The whole answer to a <see cref="PersonMatchQuery"/>: its id and whether a record matches. Nothing else is ever
/// returned (not which record, name or variant, nor how many), so a match and a miss have the same shape.
/// </summary>
/// <param name="QueryId">The query answered.</param>
/// <param name="Match">Whether this node holds a record sharing a tag with the query.</param>
public sealed record PersonMatchAnswer(string QueryId, bool Match);
