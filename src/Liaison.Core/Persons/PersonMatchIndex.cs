namespace Liaison.Core.Persons;

/// <summary>
/// The answering side of person matching for one partner: the tags of every record this node holds, made with that
/// partner's key, against which each query is checked. A record matches a query when they share a tag: one of its
/// names and one of the query's names have a common key (<see cref="NameKeys"/>) and the birth years are equal
/// (exact year: a record without a birth year never matches). Build it per partner and per request; immutable and
/// thread safe once built.
/// </summary>
public sealed class PersonMatchIndex
{
    private readonly HashSet<string> _tags;

    /// <summary>Computes the tags of <paramref name="records"/> with the partner's <paramref name="key"/>.</summary>
    public PersonMatchIndex(PersonMatchKey key, IEnumerable<PersonRecord> records)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(records);
        _tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.BirthYear is { } year)
            {
                _tags.UnionWith(key.Tags(record.Names, year));
            }
        }
    }

    /// <summary>Match or no match, and nothing else.</summary>
    public PersonMatchAnswer Answer(PersonMatchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        // Every tag is looked up, match or not, so the work done does not depend on where a match is.
        var match = false;
        foreach (var tag in query.Tags)
        {
            match |= _tags.Contains(tag);
        }

        return new PersonMatchAnswer(query.QueryId, match);
    }
}
