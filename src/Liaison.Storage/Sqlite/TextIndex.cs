using System.Text;

namespace Liaison.Storage.Sqlite;

/// <summary>Turns a person's words into an FTS5 query that cannot be a syntax error: every word must occur.</summary>
internal static class TextIndex
{
    public static string ToMatchExpression(string words)
    {
        var terms = new StringBuilder();
        foreach (var word in words.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            // Quoted strings are FTS5 literals; a double quote inside one is written twice.
            terms.Append('"').Append(word.Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\" ");
        }

        return terms.Length == 0 ? "\"\"" : terms.ToString().TrimEnd();
    }
}
